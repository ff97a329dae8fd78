// DESIGN §2: a capability never reaches into another's tables; it calls the other's service.
// Online submission keeps its drafts (migration 0155) and reaches dossiers through their intake and
// reads, the catalogue through its references, the one-time codes through appointments.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tableReferences, tablesCreatedBy } from '../../test/table-boundaries';

describe('online submission and the other capabilities\' tables', () => {
  it('no online source file reads or joins another capability\'s table', () => {
    const tables = tablesCreatedBy({ except: ['0155_online_drafts.sql'] });
    expect(tables).toEqual(expect.arrayContaining(['dossiers', 'procedures', 'one_time_codes', 'files', 'outbox']));
    expect(tableReferences(path.dirname(fileURLToPath(import.meta.url)), tables)).toEqual([]);
  });
});
