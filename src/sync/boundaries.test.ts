// DESIGN §2: a capability never reaches into another's tables. The sync reads dossiers through
// their public modules (the event log by dossiers/events, the fold, the staff's names by
// accounts/service) and writes only its own tables (migration 0165).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tableReferences, tablesCreatedBy } from '../../test/table-boundaries';

describe('sync and the other capabilities\' tables', () => {
  it('no sync source file reads or writes another capability\'s table', () => {
    const tables = tablesCreatedBy({ except: ['0165_national_sync.sql'] });
    expect(tables).toEqual(expect.arrayContaining(['dossiers', 'dossier_events', 'dossier_papers', 'users', 'procedures', 'outbox']));
    expect(tableReferences(path.dirname(fileURLToPath(import.meta.url)), tables)).toEqual([]);
  });

  it('its own tables are the migration\'s', () => {
    expect(tablesCreatedBy({ only: ['0165_national_sync.sql'] })).toEqual(['sync_outbox', 'sync_pulled', 'sync_state']);
  });
});
