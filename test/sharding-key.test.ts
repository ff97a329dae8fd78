// The sharding key (issue 16 §5; DESIGN §6): against the migrated database, every table is placed
// for Citus in test/sharding-map.ts, every table distributed by province carries province_code
// NOT NULL, and a table tied to a dossier cannot forget it — a new one fails here until it has the
// column or test/sharding-map.ts says why it is not distributed. docs/scale.md's table map names
// every table with its placement.
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db';
import { GROWTH_MARKERS, MARKED_BUT_NOT_DISTRIBUTED, PLACEMENT, PROVINCE_CODE_PENDING } from './sharding-map';

interface Column { readonly table: string; readonly column: string; readonly nullable: boolean }

let t: TestDatabase;
let tables: string[];
let columns: Column[];

beforeAll(async () => {
  t = await createTestDatabase();
  // ordinary and partitioned tables of the public schema; a partition is placed with its parent
  const rels = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`.execute(t.db);
  tables = rels.rows.map((r) => r.name);
  const cols = await sql<{ table: string; column: string; nullable: string }>`
    SELECT table_name AS table, column_name AS column, is_nullable AS nullable
    FROM information_schema.columns WHERE table_schema = 'public'`.execute(t.db);
  columns = cols.rows.map((c) => ({ table: c.table, column: c.column, nullable: c.nullable === 'YES' }));
});
afterAll(async () => t?.close());

const columnOf = (table: string, column: string) => columns.find((c) => c.table === table && c.column === column);

describe('the sharding key: province_code', () => {
  it('places every table of the migrated database, and only those', () => {
    expect(tables.length).toBeGreaterThan(70); // the catalogue query sees the schema
    expect(tables.filter((name) => PLACEMENT[name] === undefined)).toEqual([]);
    expect(Object.keys(PLACEMENT).filter((name) => !tables.includes(name))).toEqual([]);
  });

  it('gives every distributed table province_code NOT NULL', () => {
    const distributed = tables.filter((name) => PLACEMENT[name] === 'distributed');
    expect(distributed).toContain('dossier_papers');
    // a table waiting for its column (PROVINCE_CODE_PENDING) is held to NOT NULL as soon as it has one
    const missing = distributed.filter((name) => {
      const c = columnOf(name, 'province_code');
      return c === undefined ? !PROVINCE_CODE_PENDING.includes(name) : c.nullable;
    });
    expect(missing).toEqual([]);
  });

  it('distributes by province every table tied to a dossier, unless the map says why not', () => {
    const marked = tables.filter((name) => GROWTH_MARKERS.some((m) => columnOf(name, m) !== undefined));
    expect(marked).toContain('sync_outbox');
    const undistributed = marked.filter((name) => PLACEMENT[name] !== 'distributed' && MARKED_BUT_NOT_DISTRIBUTED[name] === undefined);
    expect(undistributed).toEqual([]);
    // an exception that no longer applies is removed, so the list stays the truth
    expect(Object.keys(MARKED_BUT_NOT_DISTRIBUTED).filter((name) => !marked.includes(name) || PLACEMENT[name] === 'distributed')).toEqual([]);
  });

  it('names every table in docs/scale.md with its placement', () => {
    const doc = fs.readFileSync('docs/scale.md', 'utf8');
    const section = doc.slice(doc.indexOf('## Citus: the table map'));
    expect(section.length).toBeGreaterThan(1000);
    const wrong = Object.entries(PLACEMENT).filter(([name, placement]) =>
      !section.split('\n').some((line) => line.includes(`\`${name}\``) && line.includes(placement)));
    expect(wrong).toEqual([]);
  });
});
