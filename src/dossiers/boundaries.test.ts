// DESIGN §2: a capability never reaches into another's tables; it calls the other's service.
// Dossiers read the directory, the catalogue and accounts through their reference functions.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const migrations = path.join(here, '../platform/db/migrations');

/** Tables created by the migrations of other capabilities (all but the dossiers' own). */
function foreignTables(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(migrations)) {
    if (f === '0006_dossiers.sql') continue;
    for (const m of readFileSync(path.join(migrations, f), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/gi)) out.push(m[1] as string);
  }
  return out;
}

describe('dossiers and the other capabilities\' tables', () => {
  it('no dossiers source file reads or joins another capability\'s table', () => {
    const tables = foreignTables();
    expect(tables).toEqual(expect.arrayContaining(['agencies', 'procedures', 'admin_units', 'service_points', 'users']));
    const offences: string[] = [];
    for (const f of readdirSync(here).filter((n) => n.endsWith('.ts') && !n.includes('.test'))) {
      const text = readFileSync(path.join(here, f), 'utf8');
      for (const t of tables) {
        // Kysely table references ('agencies', 'agencies as a') and raw SQL (FROM/JOIN agencies)
        const re = new RegExp(`'${t}(?: as \\w+)?'|\\b(?:FROM|JOIN|INTO|UPDATE)\\s+${t}\\b`, 'g');
        for (const m of text.matchAll(re)) offences.push(`${f}: ${m[0]}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
