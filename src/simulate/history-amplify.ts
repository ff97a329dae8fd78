// National volume for the dashboard's benchmarks: a faithfully simulated base copied inside
// PostgreSQL `factor - 1` times WITH its history — every copy of a dossier carries copies of its
// events, papers and name suffixes. Copy g handles its own procedures: the catalogue's procedure
// rows copied (id + g × stride, code `<code>.b<g>`, name `… (bản <g>)`, same agency, field, level,
// time limit), so the procedure key space grows with N as a larger province's does (the 100k pilot
// uses 25 procedures; a province with 30× its dossiers has hundreds in use, not 25 with 30× the
// dossiers each — docs/scale.md). A copy keeps its base's scope, channel, applicant and every
// instant (no shift: days, lateness and working minutes are the base's), and gets its own id,
// code (serial + g × 100,000, also in its intake event's payload with its procedure) and ledger
// serial. Since a copy's events are its base's under another procedure, the roll-ups keyed by
// procedure (stats_daily, the procedure tiers, with and without the unit path) get the base's rows once more per copy under the
// copy's procedures, and those without a procedure key (the agency tiers: same units, agencies
// and days) count `factor` times (history-amplify.test.ts checks both against `reports` rebuild,
// which folds every copied event again). Limits (docs/scale.md): the copies' hash chains are the
// base's (an audit of a copy fails; the dashboard does not read them); units, agencies and days
// do not grow (one province over the same span); dossier_resolutions (transparency) is not copied.
// Speed: no row crosses the wire and no JavaScript runs per row; two copies are written at once
// (one core each); per-row triggers and foreign-key checks are off on the loading connections
// (session_replication_role = replica: the copies are consistent by construction, their
// trigger-kept columns and name suffixes copied from the base), and the non-unique indexes are
// built once at the end.
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

/** Tables copied row for row with their dossier; each is read from an unlogged snapshot of the base. */
const TABLES = ['dossiers', 'dossier_events', 'dossier_papers', 'dossier_name_suffixes'] as const;
const WORKERS = 2;
const newCode = (code: string) => `regexp_replace(${code}, '-[0-9]+$', '') || '-' || (substring(${code} from '-([0-9]+)$')::int + g * 100000)::text`;
/** Copy g's code of a procedure: the national code with `.b<g>` (no published code has that shape). */
const procedureCode = (code: string) => `CASE WHEN g = 0 THEN ${code} ELSE ${code} || '.b' || g::text END`;

/**
 * Copies every dossier now in the database (call on a freshly simulated one) with its events,
 * papers and name suffixes until there are base × factor, each copy under its own copies of the
 * procedures, and writes the roll-ups those copies give.
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
  const procedureStride = await max('SELECT max(id) AS n FROM procedures');
  const ledgerStride = await max('SELECT coalesce(max(ledger_serial), 0) + 1 AS n FROM dossiers');
  if ((factor - 1) * Math.max(ledgerStride, 100_000) + ledgerStride > 2 ** 31 - 1) throw new Error(`factor ${factor} overflows the integer ledger serial`);
  const procedure = `b.procedure_id + g * ${procedureStride}`;
  const dossiers = await columnsOf(db, 'dossiers', {
    id: `b.id + g * ${stride}`, code: newCode('b.code'), ledger_serial: `b.ledger_serial + g * ${ledgerStride}`,
    procedure_id: procedure, procedure_code: procedureCode('b.procedure_code'),
  });
  // the intake event names the code and the procedure: the fold (and so the rebuild) reads them there
  const intake = `jsonb_set(jsonb_set(b.payload, '{code}', to_jsonb(${newCode(`(b.payload->>'code')`)})),
    '{procedureId}', to_jsonb((b.payload->>'procedureId')::bigint + g * ${procedureStride}))
    || jsonb_build_object('procedureCode', ${procedureCode(`(b.payload->>'procedureCode')`)})`;
  const events = await columnsOf(db, 'dossier_events', {
    id: `b.id + g * ${eventStride}`, dossier_id: `b.dossier_id + g * ${stride}`,
    payload: `CASE WHEN b.seq = 1 AND b.payload ? 'code' AND b.payload ? 'procedureId' THEN ${intake} ELSE b.payload END`,
  });
  const papers = await columnsOf(db, 'dossier_papers', { id: `b.id + g * ${paperStride}`, dossier_id: `b.dossier_id + g * ${stride}` });
  const suffixes = await columnsOf(db, 'dossier_name_suffixes', { dossier_id: `b.dossier_id + g * ${stride}` });
  const procedures = await columnsOf(db, 'procedures', {
    id: `b.id + g * ${procedureStride}`, code: procedureCode('b.code'), name: `b.name || ' (bản ' || g::text || ')'`,
    full_code: `CASE WHEN b.full_code LIKE b.code || '%' THEN ${procedureCode('b.code')} || substring(b.full_code from length(b.code) + 1) ELSE b.full_code END`,
  });
  // the roll-up tables (stats_*: daily, monthly, by procedure, and any tier added later) and their metric columns;
  // those keyed by procedure get copy g's rows under its procedures, the others count `factor` times (all metrics are sums)
  const rollupColumns = (await sql<{ table: string; column: string }>`
    SELECT t.relname AS table, a.attname AS column FROM pg_class t JOIN pg_attribute a ON a.attrelid = t.oid
     WHERE t.relnamespace = 'public'::regnamespace AND t.relkind IN ('r', 'p') AND NOT t.relispartition
       AND t.relname LIKE 'stats\\_%' AND (a.attname = ANY(${[...metrics]}::text[]) OR a.attname = 'procedure_id') AND NOT a.attisdropped
     ORDER BY 1, 2`.execute(db)).rows;
  const byTable = new Map<string, string[]>();
  for (const r of rollupColumns) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r.column]);
  const byProcedure = [...byTable].filter(([, cs]) => cs.includes('procedure_id')).map(([t]) => t);
  const multiplied = [...byTable].filter(([, cs]) => !cs.includes('procedure_id'));
  const rollupCopies = await Promise.all(byProcedure.map(async (t) => ({ table: t, ...(await columnsOf(db, t, { procedure_id: procedure })) })));
  const deferred = await dropSecondaryIndexes(db, [...TABLES]);
  try {
    await sql.raw(`INSERT INTO procedures (${procedures.names}) SELECT ${procedures.select}
      FROM (SELECT p.*, s.n::bigint AS g FROM procedures p, generate_series(1, ${factor - 1}) AS s(n)) b`).execute(db);
    // the base read from its own unlogged snapshot: each copy reads base rows only, not the copies before it
    for (const t of [...TABLES, ...byProcedure]) {
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
          const copy = (t: string, cols: { names: string; select: string }) => sql.raw(`INSERT INTO ${t} (${cols.names}) SELECT ${cols.select} FROM ${from(t)}`).execute(c);
          await copy('dossiers', dossiers);
          await copy('dossier_events', events);
          await copy('dossier_papers', papers);
          await copy('dossier_name_suffixes', suffixes);
          for (const r of rollupCopies) await copy(r.table, r);
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
    await db.transaction().execute(async (trx) => {
      for (const [table, columns] of multiplied) {
        await sql.raw(`UPDATE "${table}" SET ${columns.map((m) => `"${m}" = "${m}" * ${factor}`).join(', ')}`).execute(trx);
      }
      // live intakes continue after the copies' serials; the sequences after the copies' ids
      await sql.raw(`UPDATE dossier_serials SET last_serial = last_serial + ${(factor - 1) * 100_000}`).execute(trx);
      await sql.raw(`SELECT setval('dossiers_id_seq', ${stride * factor}), setval('dossier_events_id_seq', ${eventStride * factor}),
        setval('dossier_papers_id_seq', ${Math.max(1, paperStride * factor)}), setval('procedures_id_seq', ${procedureStride * factor})`).execute(trx);
    });
  } finally {
    for (const t of [...TABLES, ...byProcedure]) await sql.raw(`DROP TABLE IF EXISTS amplify_base_${t}`).execute(db);
    await restoreIndexes(db, deferred);
  }
  for (const t of [...TABLES, 'procedures', ...byTable.keys()]) await sql.raw(`ANALYZE ${t}`).execute(db);
  return report(factor);
}
