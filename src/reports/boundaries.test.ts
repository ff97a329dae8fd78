// DESIGN §2: a capability never reaches into another's tables. Reports read the directory, the
// catalogue, the accounts and the calendar through their reference functions. The dossiers'
// tables are the one documented exception (src/reports/README.md): reports are the read model of
// the dossier log (drill-downs, open counts, the roll-up rebuild from events).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tableReferences, tablesCreatedBy } from '../../test/table-boundaries';

describe('reports and the other capabilities\' tables', () => {
  it('no reports source file reads the directory\'s, catalogue\'s, accounts\' or calendar\'s tables', () => {
    const tables = tablesCreatedBy({ only: ['0002_directory.sql', '0003_catalog.sql', '0004_accounts.sql', '0005_calendar.sql'] });
    expect(tables).toEqual(expect.arrayContaining(['agencies', 'procedures', 'admin_units', 'admin_unit_successions', 'users']));
    expect(tableReferences(path.dirname(fileURLToPath(import.meta.url)), tables)).toEqual([]);
  });
});
