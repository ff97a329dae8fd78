// Writes roll-up deltas: one upsert per distinct key into stats_daily and its coarser tiers
// (stats_monthly, stats_monthly_procedure, stats_yearly, stats_yearly_procedure, and the procedure tiers
// without the unit path, stats_monthly_procedure_province and stats_yearly_procedure_province), in the caller's transaction. Many rows at once (the simulator, a rebuild) go through unnest arrays.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema';
import { metrics, procedureMetrics, RollupAccumulator, type Delta, type Metric, type RollupKey } from './rollup';

type Db = Kysely<DB> | Transaction<DB>;

const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;

/** Adds the deltas of one event (or a batch) to every roll-up tier. */
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

/** A row of a coarser tier: the period's first day (`at`) and the daily row's key. */
type TierRow = RollupRow & { at: string };
const yearOf = (day: string): string => `${day.slice(0, 4)}-01-01`;
const agencyKey = (at: string, k: RollupKey): string => `${at}|${k.provinceCode}|${k.unitPath}|${k.agencyId}|${k.receivingAgencyId}|${k.channel}|${k.onlineLevel}`;
const procedureKey = (at: string, k: RollupKey): string => `${at}|${k.provinceCode}|${k.unitPath}|${k.procedureId}|${k.channel}`;
const provinceProcedureKey = (at: string, k: RollupKey): string => `${at}|${k.provinceCode}|${k.procedureId}|${k.channel}`;

/** The rows of a coarser tier (`periodOf` a day: its month or year) under `keyOf` (the dimensions kept), summed. */
function tierRows(part: readonly RollupRow[], periodOf: (day: string) => string, keyOf: (at: string, k: RollupKey) => string): TierRow[] {
  const rows = new Map<string, TierRow>();
  for (const r of part) {
    const at = periodOf(r.key.day);
    const k = keyOf(at, r.key);
    const seen = rows.get(k);
    if (!seen) rows.set(k, { key: r.key, counts: { ...r.counts }, at });
    else for (const m of metrics) (seen.counts as Record<Metric, number>)[m] += r.counts[m];
  }
  return [...rows.values()];
}

/** Names of the WITH items `rollupUpserts` refers to: each statement waits for the one before it. */
export interface RollupNames {
  readonly daily: string;
  readonly monthly: string;
  readonly procedure: string;
  readonly yearly: string;
  readonly yearlyProcedure: string;
  readonly procedureProvince: string;
}

/** A tier's dimensions: the agency keys, the procedure keys, or the procedure keys without the unit path (the province tiers). */
type TierKind = 'agency' | 'procedure' | 'procedureProvince';

/** One tier's upsert: `timeCol` (month or year) with the keys of `kind`. */
function tierUpsert(table: string, timeCol: 'month' | 'year', kind: TierKind, rows: readonly TierRow[], after: string, gate: RawBuilder<unknown>, returning: boolean): RawBuilder<unknown> {
  const col = <T>(f: (r: TierRow) => T): T[] => rows.map(f);
  const list = kind === 'agency' ? metrics : procedureMetrics;
  const arrays = sql.join(list.map((m) => sql`${col((r) => r.counts[m])}::bigint[]`));
  const keys = {
    agency: { cols: sql`province_code, unit_path, agency_id, receiving_agency_id, channel, online_level`, arrays: sql`${col((r) => r.key.provinceCode)}::text[], ${col((r) => r.key.unitPath)}::text[], ${col((r) => r.key.agencyId)}::bigint[], ${col((r) => r.key.receivingAgencyId)}::bigint[], ${col((r) => r.key.channel)}::text[], ${col((r) => r.key.onlineLevel)}::text[]` },
    procedure: { cols: sql`province_code, unit_path, procedure_id, channel`, arrays: sql`${col((r) => r.key.provinceCode)}::text[], ${col((r) => r.key.unitPath)}::text[], ${col((r) => r.key.procedureId)}::bigint[], ${col((r) => r.key.channel)}::text[]` },
    procedureProvince: { cols: sql`province_code, procedure_id, channel`, arrays: sql`${col((r) => r.key.provinceCode)}::text[], ${col((r) => r.key.procedureId)}::bigint[], ${col((r) => r.key.channel)}::text[]` },
  }[kind];
  const conflict = {
    agency: sql`(province_code, ${sql.ref(timeCol)}, unit_path, agency_id, receiving_agency_id, channel, online_level)`,
    procedure: sql`(province_code, ${sql.ref(timeCol)}, unit_path, procedure_id, channel)`,
    procedureProvince: sql`(province_code, ${sql.ref(timeCol)}, procedure_id, channel)`,
  }[kind];
  return sql`
      INSERT INTO ${sql.table(table)} (${sql.ref(timeCol)}, ${keys.cols}, ${kind === 'agency' ? metricList : procedureMetricList})
      SELECT * FROM unnest(${col((r) => r.at)}::date[], ${keys.arrays}, ${arrays})
      WHERE (SELECT count(*) FROM ${sql.id(after)}) >= 0 AND ${gate}
      ON CONFLICT ${conflict}
      DO UPDATE SET ${addExisting(table, list)}${returning ? sql` RETURNING 1` : sql``}`;
}

export interface RollupUpserts {
  readonly daily: RawBuilder<unknown>;
  readonly monthly: RawBuilder<unknown>;
  readonly procedure: RawBuilder<unknown>;
  readonly yearly: RawBuilder<unknown>;
  readonly yearlyProcedure: RawBuilder<unknown>;
  readonly procedureProvince: RawBuilder<unknown>;
  readonly yearlyProcedureProvince: RawBuilder<unknown>;
}

/**
 * The upserts of `rows` as data-modifying statements for one WITH: `daily` into stats_daily,
 * `monthly` into stats_monthly, which waits for all of `daily` (its WHERE counts it), then
 * `procedure` (stats_monthly_procedure), `yearly` (stats_yearly), `yearlyProcedure`
 * (stats_yearly_procedure), `procedureProvince` (stats_monthly_procedure_province) and
 * `yearlyProcedureProvince` (stats_yearly_procedure_province), each waiting for the one before:
 * every writer locks a day's row before its month's and year's rows, in one order, so that two
 * writers never deadlock. All but the last must be WITH items of the names given; `gate` (a condition on other CTEs of the
 * statement) decides whether anything is written.
 */
export function rollupUpserts(rows: readonly RollupRow[], names: RollupNames, gate: RawBuilder<unknown> = sql`true`): RollupUpserts {
  const col = <T>(f: (r: RollupRow) => T): T[] => rows.map(f);
  const metricArrays = sql.join(metrics.map((m) => sql`${col((r) => r.counts[m])}::bigint[]`));
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
    monthly: tierUpsert('stats_monthly', 'month', 'agency', tierRows(rows, monthOf, agencyKey), names.daily, gate, true),
    procedure: tierUpsert('stats_monthly_procedure', 'month', 'procedure', tierRows(rows, monthOf, procedureKey), names.monthly, gate, true),
    yearly: tierUpsert('stats_yearly', 'year', 'agency', tierRows(rows, yearOf, agencyKey), names.procedure, gate, true),
    yearlyProcedure: tierUpsert('stats_yearly_procedure', 'year', 'procedure', tierRows(rows, yearOf, procedureKey), names.yearly, gate, true),
    procedureProvince: tierUpsert('stats_monthly_procedure_province', 'month', 'procedureProvince', tierRows(rows, monthOf, provinceProcedureKey), names.yearlyProcedure, gate, true),
    yearlyProcedureProvince: tierUpsert('stats_yearly_procedure_province', 'year', 'procedureProvince', tierRows(rows, yearOf, provinceProcedureKey), names.procedureProvince, gate, false),
  };
}

/** The upserts of `rows` as one statement. */
export function rollupStatement(rows: readonly RollupRow[]): RawBuilder<unknown> {
  const names = { daily: 'daily', monthly: 'monthly', procedure: 'procedure', yearly: 'yearly', yearlyProcedure: 'yearly_procedure', procedureProvince: 'procedure_province' };
  const u = rollupUpserts(rows, names);
  return sql`WITH daily AS (${u.daily}), monthly AS (${u.monthly}), procedure AS (${u.procedure}), yearly AS (${u.yearly}),
    yearly_procedure AS (${u.yearlyProcedure}), procedure_province AS (${u.procedureProvince}) ${u.yearlyProcedureProvince}`;
}

/** Multi-row upsert (adds to existing rows). */
export async function upsertRollups(db: Db, rows: readonly RollupRow[], chunk = 5000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await rollupStatement(rows.slice(i, i + chunk)).execute(db);
  }
}
