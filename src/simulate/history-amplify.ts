// National volume for the dashboard's benchmarks: a faithfully simulated base copied inside
// PostgreSQL `factor - 1` times WITH its history — every copy of a dossier carries copies of its
// events and papers — and the roll-ups multiplied by `factor`. A copy keeps its base's scope,
// procedure, channel, applicant and every instant (no shift: the roll-ups' days, lateness and
// working minutes are the base's), and gets its own id (base id + copy × stride), code (serial +
// copy × 100,000, also in its intake event's payload) and ledger serial. Since a copy's events are
// its base's events, the deltas the live hook writes for it are its base's deltas: the roll-ups of
// base × factor dossiers are the base's roll-ups × factor (history-amplify.test.ts checks them with
// `reports` rebuild, which folds every copied event again). Limits (docs/scale.md): the copies'
// hash chains are the base's (an audit of a copy fails; the dashboard does not read them), and the
// roll-up tables have the base's keys (each row counts more, there are not more rows).
// Speed: no row crosses the wire and no JavaScript runs per row; two copies are written at once
// (one core each); per-row triggers and foreign-key checks are off on the loading connections (session_replication_role = replica: the copies are
// consistent by construction, their trigger-kept columns copied from the base), and the
// non-unique indexes are built once at the end.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema';
import { metrics } from '../reports/rollup';
import { dropSecondaryIndexes, restoreIndexes } from './load';

export interface HistoryAmplifyReport {
  readonly dossiers: number;
  readonly events: number;
  readonly papers: number;
  readonly seconds: number;
}

/** Columns of `table` to copy, with the expression each copy gets (`b` is the base row, `g` the copy number). */
async function columnsOf(db: Kysely<DB>, table: string, changed: Readonly<Record<string, string>>): Promise<{ names: string; select: string }> {
  const cols = (await sql<{ name: string }>`
    SELECT a.attname AS name FROM pg_attribute a
     WHERE a.attrelid = ${table}::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`.execute(db)).rows.map((r) => r.name);
  return { names: cols.map((c) => `"${c}"`).join(', '), select: cols.map((c) => changed[c] ?? `b."${c}"`).join(', ') };
}

const TABLES = ['dossiers', 'dossier_events', 'dossier_papers'] as const;
const WORKERS = 2;
const newCode = (code: string) => `regexp_replace(${code}, '-[0-9]+$', '') || '-' || (substring(${code} from '-([0-9]+)$')::int + g * 100000)::text`;

/**
 * Copies every dossier now in the database (call on a freshly simulated one) with its events and
 * papers until there are base × factor, and multiplies the roll-ups by `factor`.
 */
export async function amplifyWithHistory(db: Kysely<DB>, factor: number, onProgress?: (done: number, total: number) => void): Promise<HistoryAmplifyReport> {
  const started = Date.now();
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a positive integer, not ${factor}`);
  const max = async (q: string) => Number((await sql<{ n: string | null }>`${sql.raw(q)}`.execute(db)).rows[0]?.n ?? 0);
  const base = await max('SELECT count(*) AS n FROM dossiers');
  const baseEvents = await max('SELECT count(*) AS n FROM dossier_events');
  const basePapers = await max('SELECT count(*) AS n FROM dossier_papers');
  const report = (f: number) => ({ dossiers: base * f, events: baseEvents * f, papers: basePapers * f, seconds: (Date.now() - started) / 1000 });
  if (factor === 1 || base === 0) return report(1);
  if (await max(`SELECT max(substring(code from '-([0-9]+)$')::int) AS n FROM dossiers`) >= 100_000) throw new Error('a base serial reaches 100,000: copies would reuse codes');
  const stride = await max('SELECT max(id) AS n FROM dossiers');
  const eventStride = await max('SELECT max(id) AS n FROM dossier_events');
  const paperStride = await max('SELECT coalesce(max(id), 0) AS n FROM dossier_papers');
  const ledgerStride = await max('SELECT coalesce(max(ledger_serial), 0) + 1 AS n FROM dossiers');
  if ((factor - 1) * Math.max(ledgerStride, 100_000) + ledgerStride > 2 ** 31 - 1) throw new Error(`factor ${factor} overflows the integer ledger serial`);
  const dossiers = await columnsOf(db, 'dossiers', { id: `b.id + g * ${stride}`, code: newCode('b.code'), ledger_serial: `b.ledger_serial + g * ${ledgerStride}` });
  const events = await columnsOf(db, 'dossier_events', {
    id: `b.id + g * ${eventStride}`, dossier_id: `b.dossier_id + g * ${stride}`,
    payload: `CASE WHEN b.seq = 1 AND b.payload ? 'code' THEN jsonb_set(b.payload, '{code}', to_jsonb(${newCode(`(b.payload->>'code')`)})) ELSE b.payload END`,
  });
  const papers = await columnsOf(db, 'dossier_papers', { id: `b.id + g * ${paperStride}`, dossier_id: `b.dossier_id + g * ${stride}` });
  const deferred = await dropSecondaryIndexes(db, ['dossiers', 'dossier_events', 'dossier_papers']);
  try {
    // the base read from its own unlogged snapshot: each copy reads base rows only, not the copies before it
    for (const t of TABLES) {
      await sql.raw(`DROP TABLE IF EXISTS amplify_base_${t}`).execute(db);
      await sql.raw(`CREATE UNLOGGED TABLE amplify_base_${t} AS SELECT * FROM ${t}`).execute(db);
    }
    let next = 1, copied = 1;
    const worker = () => db.connection().execute(async (c) => {
      // triggers and foreign-key checks off for this connection only: the copies are built consistent
      await sql`SET session_replication_role = replica`.execute(c);
      await sql`SET synchronous_commit = off`.execute(c);
      try {
        for (let g = next++; g < factor; g = next++) {
          const from = (table: string) => `(SELECT *, ${g}::bigint AS g FROM amplify_base_${table}) b`;
          await sql.raw(`INSERT INTO dossiers (${dossiers.names}) SELECT ${dossiers.select} FROM ${from('dossiers')}`).execute(c);
          await sql.raw(`INSERT INTO dossier_events (${events.names}) SELECT ${events.select} FROM ${from('dossier_events')}`).execute(c);
          await sql.raw(`INSERT INTO dossier_papers (${papers.names}) SELECT ${papers.select} FROM ${from('dossier_papers')}`).execute(c);
          onProgress?.(base * ++copied, base * factor);
        }
      } finally {
        await sql`RESET session_replication_role`.execute(c);
        await sql`RESET synchronous_commit`.execute(c);
      }
    });
    // two connections: a copy is one core's work (INSERT … SELECT runs in one backend)
    const results = await Promise.allSettled(Array.from({ length: Math.min(WORKERS, factor - 1) }, worker));
    for (const r of results) if (r.status === 'rejected') throw r.reason;
    // a copy's events are its base's: every roll-up counts `factor` times (all metrics are sums)
    // every roll-up table (stats_*: daily, monthly, by procedure, and any tier added later), each metric column it has
    const rollupColumns = (await sql<{ table: string; column: string }>`
      SELECT t.relname AS table, a.attname AS column FROM pg_class t JOIN pg_attribute a ON a.attrelid = t.oid
       WHERE t.relnamespace = 'public'::regnamespace AND t.relkind IN ('r', 'p') AND NOT t.relispartition
         AND t.relname LIKE 'stats\\_%' AND a.attname = ANY(${[...metrics]}::text[]) AND NOT a.attisdropped
       ORDER BY 1, 2`.execute(db)).rows;
    const byTable = new Map<string, string[]>();
    for (const r of rollupColumns) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r.column]);
    await db.transaction().execute(async (trx) => {
      for (const [table, columns] of byTable) {
        await sql.raw(`UPDATE "${table}" SET ${columns.map((m) => `"${m}" = "${m}" * ${factor}`).join(', ')}`).execute(trx);
      }
      // live intakes continue after the copies' serials; the sequences after the copies' ids
      await sql.raw(`UPDATE dossier_serials SET last_serial = last_serial + ${(factor - 1) * 100_000}`).execute(trx);
      await sql.raw(`SELECT setval('dossiers_id_seq', ${stride * factor}), setval('dossier_events_id_seq', ${eventStride * factor}),
        setval('dossier_papers_id_seq', ${Math.max(1, paperStride * factor)})`).execute(trx);
    });
  } finally {
    for (const t of TABLES) await sql.raw(`DROP TABLE IF EXISTS amplify_base_${t}`).execute(db);
    await restoreIndexes(db, deferred);
  }
  await sql`ANALYZE dossiers`.execute(db);
  await sql`ANALYZE dossier_events`.execute(db);
  await sql`ANALYZE dossier_papers`.execute(db);
  return report(factor);
}
