// DESIGN §2: a capability never reaches into another's tables; it calls the other's service.
// Appointments read the directory, the catalogue and the calendar through their reference
// functions and queue SMS through notifications.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tableReferences, tablesCreatedBy } from '../../test/table-boundaries';

const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), '../platform/db/migrations');

describe('appointments and the other capabilities\' tables', () => {
  it('no appointments source file reads or joins another capability\'s table', () => {
    // every migration but the appointments' own: 0140–0146 (bookings) and 0147–0149 (the queue)
    const own = (f: string) => /^01(4[0-9])_/.test(f);
    const tables = tablesCreatedBy({ except: readdirSync(migrations).filter(own) });
    expect(tables).toEqual(expect.arrayContaining(['service_points', 'counters', 'procedures', 'outbox', 'calendar_schedules']));
    expect(tableReferences(path.dirname(fileURLToPath(import.meta.url)), tables)).toEqual([]);
  });
});
