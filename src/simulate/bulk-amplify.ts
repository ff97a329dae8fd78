// National volume for read benchmarks from a faithful simulated base: every base dossier's row is
// copied `factor - 1` times inside PostgreSQL (INSERT … SELECT over generate_series: no row crosses
// the wire, no JavaScript per row). A copy keeps its base's scope (agencies, service point, unit
// path), procedure, channel, status and dates (shifted by up to 30 minutes) and gets its own code
// (serial + copy × 100,000), personal ID and phone (last six digits moved), and a name recombined
// from two base rows (family and middle names of one, given name of another), so that name, ID
// and phone searches see the shares of the base. Copies have no events, papers or roll-ups: the
// data set serves the dossier search and lists, not the dashboard or the audit (docs/scale.md).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema';
import { dropSecondaryIndexes, restoreIndexes } from './load';

export interface AmplifyReport {
  readonly dossiers: number;
  readonly seconds: number;
}

/** Columns copied as they are; the others get the expressions below. */
const CHANGED: Readonly<Record<string, string>> = {
  code: `regexp_replace(b.code, '-[0-9]+$', '') || '-' || (substring(b.code from '-([0-9]+)$')::int + g * 100000)::text`,
  applicant_name: `regexp_replace(na.name, '\\S+$', '') || substring(nb.name from '(\\S+)$')`,
  personal_id: `left(b.personal_id, 6) || lpad(((right(b.personal_id, 6)::int + g * 7919) % 1000000)::text, 6, '0')`,
  applicant_phone: `left(b.applicant_phone, length(b.applicant_phone) - 6) || lpad(((right(b.applicant_phone, 6)::int + g * 104729) % 1000000)::text, 6, '0')`,
  ledger_serial: 'b.ledger_serial + g * 1000000',
};

/**
 * Copies the `base` dossiers now in the table (all of them: call on a freshly simulated database)
 * until there are `base × factor`, one copy number per statement; secondary indexes of `dossiers`
 * are dropped first and built once at the end.
 */
export async function amplifyDossiers(db: Kysely<DB>, factor: number, onProgress?: (done: number, total: number) => void): Promise<AmplifyReport> {
  const started = Date.now();
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a positive integer, not ${factor}`);
  const base = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM dossiers`.execute(db)).rows[0]?.n ?? 0);
  if (factor === 1 || base === 0) return { dossiers: base, seconds: 0 };
  const columns = (await sql<{ name: string; type: string }>`
    SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
     WHERE a.attrelid = 'dossiers'::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' AND a.attname <> 'id'
     ORDER BY a.attnum`.execute(db)).rows;
  const select = columns.map((c) => CHANGED[c.name]
    ?? (c.type === 'timestamp with time zone' ? `b.${c.name} + make_interval(secs => (b.id * 7 + g * 13) % 1800)` : `b.${c.name}`));
  await sql`DROP TABLE IF EXISTS amplify_names`.execute(db);
  await sql`CREATE UNLOGGED TABLE amplify_names AS SELECT (row_number() OVER (ORDER BY id))::bigint AS i, applicant_name AS name FROM dossiers`.execute(db);
  await sql`CREATE UNIQUE INDEX ON amplify_names (i)`.execute(db);
  const deferred = await dropSecondaryIndexes(db, ['dossiers', 'dossier_name_suffixes']);
  try {
    for (let g = 1; g < factor; g++) {
      // g as bigint: the name pick's g * 32452843 passes 2^31 from the 67th copy (the 3M set has 120)
      await sql.raw(`
        INSERT INTO dossiers (${columns.map((c) => `"${c.name}"`).join(', ')})
        SELECT ${select.join(', ')}
          FROM (SELECT *, ${g}::bigint AS g FROM dossiers ORDER BY id LIMIT ${base}) b
          JOIN amplify_names na ON na.i = ((b.id * 7919 + g * 104729) % ${base}) + 1
          JOIN amplify_names nb ON nb.i = ((b.id * 15485863 + g * 32452843) % ${base}) + 1`).execute(db);
      onProgress?.(base * (g + 1), base * factor);
    }
  } finally {
    await restoreIndexes(db, deferred);
    await sql`DROP TABLE IF EXISTS amplify_names`.execute(db);
  }
  await sql`ANALYZE dossiers`.execute(db);
  return { dossiers: base * factor, seconds: (Date.now() - started) / 1000 };
}
