// DESIGN §2: a capability never reaches into another's tables; it calls the other's service.
// Appointments read the directory, the catalogue and the calendar through their reference
// functions and queue SMS through notifications.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tableReferences, tablesCreatedBy } from '../../test/table-boundaries';

describe('appointments and the other capabilities\' tables', () => {
  it('no appointments source file reads or joins another capability\'s table', () => {
    const tables = tablesCreatedBy({ except: ['0140_appointments.sql'] });
    expect(tables).toEqual(expect.arrayContaining(['service_points', 'counters', 'procedures', 'outbox', 'calendar_schedules']));
    expect(tableReferences(path.dirname(fileURLToPath(import.meta.url)), tables)).toEqual([]);
  });
});
