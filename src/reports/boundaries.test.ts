// DESIGN §2: a capability never reaches into another's tables. Reports read the directory, the
// catalogue, the accounts and the calendar through their reference functions. The dossiers'
// tables are the one documented exception (src/reports/README.md): reports are the read model of
// the dossier log (drill-downs, open counts, the roll-up rebuild from events).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const migrations = path.join(here, '../platform/db/migrations');
const foreign = ['0002_directory.sql', '0003_catalog.sql', '0004_accounts.sql', '0005_calendar.sql'];

function tablesOf(files: readonly string[]): string[] {
  return files.flatMap((f) => [...readFileSync(path.join(migrations, f), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/gi)].map((m) => m[1] as string));
}

describe('reports and the other capabilities\' tables', () => {
  it('no reports source file reads the directory\'s, catalogue\'s, accounts\' or calendar\'s tables', () => {
    const tables = tablesOf(foreign);
    expect(tables).toEqual(expect.arrayContaining(['agencies', 'procedures', 'admin_units', 'admin_unit_successions', 'users']));
    const offences: string[] = [];
    for (const f of readdirSync(here).filter((n) => n.endsWith('.ts') && !n.includes('.test'))) {
      const text = readFileSync(path.join(here, f), 'utf8');
      for (const t of tables) {
        const re = new RegExp(`'${t}(?: as \\w+)?'|\\b(?:FROM|JOIN|INTO|UPDATE)\\s+${t}\\b`, 'g');
        for (const m of text.matchAll(re)) offences.push(`${f}: ${m[0]}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
