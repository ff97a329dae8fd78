// DESIGN §2: a capability never reaches into another's tables. The boundary tests of the
// capabilities list the tables other migrations create and the places a source file names one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/platform/db/migrations');

/** Tables created by the given migration files, or by all but `except`. */
export function tablesCreatedBy(select: { only?: readonly string[]; except?: readonly string[] }): string[] {
  const files = readdirSync(migrations).filter((f) => f.endsWith('.sql')
    && (select.only === undefined || select.only.includes(f)) && !(select.except ?? []).includes(f));
  return files.flatMap((f) => [...readFileSync(path.join(migrations, f), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/gi)].map((m) => m[1] as string));
}

/** Every Kysely table reference ('t', 't as x') or raw SQL (FROM/JOIN/INTO/UPDATE t) to `tables` in the non-test sources of `dir`. */
export function tableReferences(dir: string, tables: readonly string[]): string[] {
  const offences: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.includes('.test'))) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    for (const t of tables) {
      const re = new RegExp(`'${t}(?: as \\w+)?'|\\b(?:FROM|JOIN|INTO|UPDATE)\\s+${t}\\b`, 'g');
      for (const m of text.matchAll(re)) offences.push(`${f}: ${m[0]}`);
    }
  }
  return offences;
}
