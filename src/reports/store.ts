// Writes roll-up deltas: one upsert per distinct key into stats_daily, stats_monthly and
// stats_monthly_procedure, in the caller's transaction. Many rows at once (the simulator, a rebuild) go through unnest arrays.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema';
import { metrics, procedureMetrics, RollupAccumulator, type Delta, type Metric, type RollupKey } from './rollup';

type Db = Kysely<DB> | Transaction<DB>;

const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;

/** Adds the deltas of one event (or a batch) to both roll-up tables. */
export async function applyDeltas(db: Db, deltas: readonly Delta[]): Promise<void> {
  if (deltas.length === 0) return;
  const acc = new RollupAccumulator();
  acc.add(deltas);
  await upsertRollups(db, [...acc.rows.values()]);
}

export interface RollupRow {
  readonly key: RollupKey;
  readonly counts: Readonly<Record<Metric, number>>;
}

const metricList = sql.join(metrics.map((m) => sql.ref(m)));
const procedureMetricList = sql.join(procedureMetrics.map((m) => sql.ref(m)));
const addExisting = (table: string, list: readonly Metric[] = metrics) => sql.join(list.map((m) => sql`${sql.ref(m)} = ${sql.table(table)}.${sql.ref(m)} + excluded.${sql.ref(m)}`));

type MonthRow = RollupRow & { month: string };
const monthKey = (month: string, k: RollupKey): string => `${month}|${k.provinceCode}|${k.unitPath}|${k.agencyId}|${k.receivingAgencyId}|${k.channel}|${k.onlineLevel}`;
const procedureMonthKey = (month: string, k: RollupKey): string => `${month}|${k.provinceCode}|${k.unitPath}|${k.procedureId}|${k.channel}`;

/** The month rows of daily rows under `keyOf` (the dimensions kept), summed (one row per key). */
function monthRows(part: readonly RollupRow[], keyOf: (month: string, k: RollupKey) => string): MonthRow[] {
  const months = new Map<string, MonthRow>();
  for (const r of part) {
    const month = monthOf(r.key.day);
    const k = keyOf(month, r.key);
    const seen = months.get(k);
    if (!seen) months.set(k, { key: r.key, counts: { ...r.counts }, month });
    else for (const m of metrics) (seen.counts as Record<Metric, number>)[m] += r.counts[m];
  }
  return [...months.values()];
}

/** Names of the WITH items `rollupUpserts` refers to: its daily and monthly statements. */
export interface RollupNames {
  readonly daily: string;
  readonly monthly: string;
}

/**
 * The three upserts of `rows` as data-modifying statements for one WITH: `daily` into stats_daily,
 * `monthly` into stats_monthly, which waits for all of `daily` (its WHERE counts it), and
 * `procedure` into stats_monthly_procedure, which waits for `monthly`: every writer locks a day's
 * row before its month's rows, in one order, so that two writers never deadlock. `daily` and
 * `monthly` must be WITH items of the names given; `gate` (a condition on other CTEs of the
 * statement) decides whether anything is written.
 */
export function rollupUpserts(rows: readonly RollupRow[], names: RollupNames, gate: RawBuilder<unknown> = sql`true`): { daily: RawBuilder<unknown>; monthly: RawBuilder<unknown>; procedure: RawBuilder<unknown> } {
  const col = <T>(f: (r: RollupRow) => T): T[] => rows.map(f);
  const metricArrays = sql.join(metrics.map((m) => sql`${col((r) => r.counts[m])}::bigint[]`));
  const mrows = monthRows(rows, monthKey);
  const mcol = <T>(f: (r: MonthRow) => T): T[] => mrows.map(f);
  const mMetricArrays = sql.join(metrics.map((m) => sql`${mcol((r) => r.counts[m])}::bigint[]`));
  const prows = monthRows(rows, procedureMonthKey);
  const pcol = <T>(f: (r: MonthRow) => T): T[] => prows.map(f);
  const pMetricArrays = sql.join(procedureMetrics.map((m) => sql`${pcol((r) => r.counts[m])}::bigint[]`));
  return {
    daily: sql`
      INSERT INTO stats_daily (day, province_code, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level, ${metricList})
      SELECT * FROM unnest(${col((r) => r.key.day)}::date[], ${col((r) => r.key.provinceCode)}::text[], ${col((r) => r.key.unitPath)}::text[],
        ${col((r) => r.key.agencyId)}::bigint[], ${col((r) => r.key.receivingAgencyId)}::bigint[], ${col((r) => r.key.procedureId)}::bigint[],
        ${col((r) => r.key.channel)}::text[], ${col((r) => r.key.onlineLevel)}::text[], ${metricArrays})
      WHERE ${gate}
      ON CONFLICT (province_code, day, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level)
      DO UPDATE SET ${addExisting('stats_daily')}
      RETURNING 1`,
    monthly: sql`
      INSERT INTO stats_monthly (month, province_code, unit_path, agency_id, receiving_agency_id, channel, online_level, ${metricList})
      SELECT * FROM unnest(${mcol((r) => r.month)}::date[], ${mcol((r) => r.key.provinceCode)}::text[], ${mcol((r) => r.key.unitPath)}::text[],
        ${mcol((r) => r.key.agencyId)}::bigint[], ${mcol((r) => r.key.receivingAgencyId)}::bigint[],
        ${mcol((r) => r.key.channel)}::text[], ${mcol((r) => r.key.onlineLevel)}::text[], ${mMetricArrays})
      WHERE (SELECT count(*) FROM ${sql.id(names.daily)}) >= 0 AND ${gate}
      ON CONFLICT (province_code, month, unit_path, agency_id, receiving_agency_id, channel, online_level)
      DO UPDATE SET ${addExisting('stats_monthly')}
      RETURNING 1`,
    procedure: sql`
      INSERT INTO stats_monthly_procedure (month, province_code, unit_path, procedure_id, channel, ${procedureMetricList})
      SELECT * FROM unnest(${pcol((r) => r.month)}::date[], ${pcol((r) => r.key.provinceCode)}::text[], ${pcol((r) => r.key.unitPath)}::text[],
        ${pcol((r) => r.key.procedureId)}::bigint[], ${pcol((r) => r.key.channel)}::text[], ${pMetricArrays})
      WHERE (SELECT count(*) FROM ${sql.id(names.monthly)}) >= 0 AND ${gate}
      ON CONFLICT (province_code, month, unit_path, procedure_id, channel)
      DO UPDATE SET ${addExisting('stats_monthly_procedure', procedureMetrics)}`,
  };
}

/** The three upserts of `rows` as one statement. */
export function rollupStatement(rows: readonly RollupRow[]): RawBuilder<unknown> {
  const { daily, monthly, procedure } = rollupUpserts(rows, { daily: 'daily', monthly: 'monthly' });
  return sql`WITH daily AS (${daily}), monthly AS (${monthly}) ${procedure}`;
}

/** Multi-row upsert (adds to existing rows). */
export async function upsertRollups(db: Db, rows: readonly RollupRow[], chunk = 5000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await rollupStatement(rows.slice(i, i + chunk)).execute(db);
  }
}
