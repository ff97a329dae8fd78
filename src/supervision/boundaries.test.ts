// DESIGN §2: supervision reads the directory, the accounts and the calendar through their
// reference functions; like reports, it reads the dossiers' tables as their read model.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tableReferences, tablesCreatedBy } from '../../test/table-boundaries';

describe('supervision and the other capabilities\' tables', () => {
  it('no supervision source file reads the directory\'s, catalogue\'s, accounts\' or calendar\'s tables', () => {
    const tables = tablesCreatedBy({ only: ['0002_directory.sql', '0003_catalog.sql', '0004_accounts.sql', '0005_calendar.sql'] });
    expect(tables).toEqual(expect.arrayContaining(['agencies', 'users', 'admin_units']));
    expect(tableReferences(path.dirname(fileURLToPath(import.meta.url)), tables)).toEqual([]);
  });
});
