// Dashboard queries over the roll-ups. A period is split into whole years (stats_yearly, or
// stats_yearly_procedure by procedure), whole months (stats_monthly, stats_monthly_procedure) and
// the days at its edges (stats_daily), so a province-year reads one row per key, never the
// dossiers table. By procedure, a scope of whole provinces (a province, the country) reads the
// tiers without the unit path (stats_*_procedure_province): one row per province, procedure and
// channel instead of one per commune. Open dossiers come from the partial index dossiers_open_idx.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../platform/db/schema';
import { provincialCentreAgencyIds } from '../directory/references';
import { RUNNING_STATUSES } from '../dossiers/overdue';
import { markMetrics, metrics, procedureMetrics, type Metric } from './rollup';

type Db = Kysely<DB>;

export interface ReportScope {
  /** unit path prefix, e.g. '/87/' or '/87/866/' */
  readonly unitPath: string;
  /**
   * Old stored unit paths (exact) whose as-is unit lies under `unitPath` (src/reports/units.ts):
   * the predecessors' history belongs to the scope in both views.
   */
  readonly extraPaths?: readonly string[];
}

export interface Period {
  /** 'YYYY-MM-DD', inclusive */
  readonly from: string;
  /** 'YYYY-MM-DD', inclusive */
  readonly to: string;
}

const addDay = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const firstOfMonth = (d: string): string => `${d.slice(0, 7)}-01`;
const nextMonth = (d: string): string => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/** Whole months inside the period, as [monthsFrom, monthsTo) (empty when monthsFrom ≥ monthsTo). */
export function splitPeriod(p: Period): { monthsFrom: string; monthsTo: string } {
  const monthsFrom = p.from.endsWith('-01') ? p.from : nextMonth(p.from);
  const monthsTo = firstOfMonth(addDay(p.to, 1));
  return monthsFrom < monthsTo ? { monthsFrom, monthsTo } : { monthsFrom: monthsTo, monthsTo };
}

/** A part of a period read from one tier: [from, to) in days, whole months or whole years. */
export interface Segment {
  readonly tier: 'day' | 'month' | 'year';
  readonly from: string;
  readonly to: string;
}

/** [from, to) as edge days around whole months. */
function monthsAndDays(from: string, to: string): Segment[] {
  if (from >= to) return [];
  const monthsFrom = from.endsWith('-01') ? from : nextMonth(from);
  const monthsTo = firstOfMonth(to);
  if (monthsFrom >= monthsTo) return [{ tier: 'day', from, to }];
  return [
    { tier: 'day' as const, from, to: monthsFrom }, { tier: 'month' as const, from: monthsFrom, to: monthsTo }, { tier: 'day' as const, from: monthsTo, to },
  ].filter((x) => x.from < x.to);
}

/**
 * The period cut into the coarsest tiers that cover it: whole years (stats_yearly*), then whole
 * months (stats_monthly*), then the days at the edges (stats_daily); `years: false` (a trend by
 * month) stops at months. The segments are disjoint and cover the period exactly.
 */
export function segmentsOf(p: Period, years = true): Segment[] {
  const end = addDay(p.to, 1);
  const yearsFrom = p.from.endsWith('-01-01') ? p.from : `${Number(p.from.slice(0, 4)) + 1}-01-01`;
  const yearsTo = `${end.slice(0, 4)}-01-01`;
  if (!years || yearsFrom >= yearsTo) return monthsAndDays(p.from, end);
  return [...monthsAndDays(p.from, yearsFrom), { tier: 'year', from: yearsFrom, to: yearsTo }, ...monthsAndDays(yearsTo, end)];
}

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** '/87/866/' → '87'; '/82@2004/…' → '82'; '/' → null */
export const provinceOfPath = (path: string): string | null => path.split('/')[1]?.split('@')[0] || null;

/** The provinces a scope lies in (the rows' `province_code`), or null for the whole country. */
export function provincesOf(scope: ReportScope): string[] | null {
  const provinces = [...new Set([scope.unitPath, ...(scope.extraPaths ?? [])].map(provinceOfPath))];
  return provinces.includes(null) ? null : provinces.filter((x): x is string => x !== null);
}

/**
 * `unit_path` (of `alias` when given) inside the scope: the subtree plus mapped old paths, and
 * `province_code` among the scope's provinces, so that a province's read walks the tables' keys
 * (every roll-up and dossier table leads its keys with `province_code`, the sharding key).
 */
export function inScope(scope: ReportScope, alias?: string): RawBuilder<boolean> {
  const col = alias ? sql.ref(`${alias}.unit_path`) : sql.ref('unit_path');
  const extra = scope.extraPaths ?? [];
  const paths = extra.length === 0
    ? sql<boolean>`${col} LIKE ${likePrefix(scope.unitPath)}`
    : sql<boolean>`(${col} LIKE ${likePrefix(scope.unitPath)} OR ${col} = ANY(${[...extra]}::text[]))`;
  const provinces = provincesOf(scope);
  if (provinces === null) return paths;
  const province = alias ? sql.ref(`${alias}.province_code`) : sql.ref('province_code');
  return provinces.length === 1
    ? sql<boolean>`${province} = ${provinces[0]} AND ${paths}`
    : sql<boolean>`${province} = ANY(${provinces}::text[]) AND ${paths}`;
}

export type GroupColumn = 'unit_path' | 'agency_id' | 'receiving_agency_id' | 'channel' | 'online_level';
type ProcedureGroupColumn = 'unit_path' | 'procedure_id' | 'channel';

/** What a read sums: `metrics` (default all; the others read 0 in the answer), `bucket` a time bucket for trends. */
export interface SumOptions {
  readonly only?: readonly Metric[];
  readonly bucket?: 'month';
}

/**
 * Sums of the metrics over the period and scope, grouped by `groupBy` (agency-level columns only;
 * use `sumByProcedure` for procedures). `bucket` adds a month bucket for trends.
 */
export function sumRollups(db: Db, scope: ReportScope, period: Period, groupBy: readonly GroupColumn[] = [], options: SumOptions | 'month' = {}): Promise<Record<string, unknown>[]> {
  return sumOver(db, false, scope, period, groupBy, typeof options === 'string' ? { bucket: options } : options);
}

const TABLES = {
  agency: { day: 'stats_daily', month: 'stats_monthly', year: 'stats_yearly' },
  procedure: { day: 'stats_daily', month: 'stats_monthly_procedure', year: 'stats_yearly_procedure' },
  procedureProvince: { day: 'stats_daily', month: 'stats_monthly_procedure_province', year: 'stats_yearly_procedure_province' },
} as const;

/** `province_code` among the scope's provinces (none for the whole country). */
function inProvinces(scope: ReportScope): RawBuilder<boolean> {
  const provinces = provincesOf(scope);
  if (provinces === null) return sql<boolean>`true`;
  return provinces.length === 1 ? sql<boolean>`province_code = ${provinces[0]}` : sql<boolean>`province_code = ANY(${provinces}::text[])`;
}

/**
 * Whether the scope is whole provinces: its unit path is '/' or a province's ('/87/'), and no unit
 * path stored in its provinces lies outside it (stats_yearly holds every province and unit path
 * the roll-ups ever counted: a few hundred rows). Then the province tiers answer it exactly.
 */
export async function coversWholeProvinces(db: Db, scope: ReportScope): Promise<boolean> {
  if (!/^\/([^/]+\/)?$/.test(scope.unitPath)) return false;
  const r = await sql<{ outside: boolean }>`
    SELECT EXISTS (SELECT 1 FROM stats_yearly WHERE ${inProvinces(scope)} AND NOT (${inScope(scope)})) AS outside`.execute(db);
  return r.rows[0]?.outside === false;
}
const TIME_COLUMN = { day: 'day', month: 'month', year: 'year' } as const;
/** Non-mark metrics: a group is shown when one of them is not 0 (all are counts ≥ 0 in every row). */
const activityMetrics = metrics.filter((m) => !(markMetrics as readonly string[]).includes(m));

/**
 * The segments of the period (segmentsOf: whole years, whole months, edge days) each read from
 * its tier — the agency tiers or, `byProcedure`, the procedure tiers — and summed by `groupBy`.
 */
async function sumOver(db: Db, byProcedure: boolean, scope: ReportScope, period: Period, groupBy: readonly (GroupColumn | ProcedureGroupColumn)[], options: SumOptions): Promise<Record<string, unknown>[]> {
  const bucket = options.bucket;
  const wanted = options.only ?? metrics;
  const cols = [...groupBy];
  const colList = cols.map((c) => sql.ref(c));
  // the procedure tiers hold no bundle counts (rollup.ts procedureMetrics): read as 0 there
  const held = (m: Metric, table: string) => !table.includes('_procedure') || procedureMetrics.includes(m);
  const grouped = cols.length > 0 || bucket !== undefined;
  const inner = (table: string, bucketExpr: RawBuilder<unknown>) => sql.join([
    ...colList, ...(bucket ? [sql`${bucketExpr} AS bucket`] : []),
    ...wanted.map((m) => (held(m, table) ? sql.ref(m) : sql`0 AS ${sql.ref(m)}`)),
    ...(grouped ? [sql`(${sql.join(activityMetrics.filter((m) => held(m, table)).map((m) => sql`${sql.ref(m)} <> 0`), sql` OR `)}) AS active`] : []),
  ]);
  const outerSelect = sql.join([...colList, ...(bucket ? [sql.ref('bucket')] : []), ...wanted.map((m) => sql`sum(${sql.ref(m)})::bigint AS ${sql.ref(m)}`)]);
  const groupList = [...colList, ...(bucket ? [sql.ref('bucket')] : [])];
  const tiers = !byProcedure ? 'agency' : !cols.includes('unit_path') && await coversWholeProvinces(db, scope) ? 'procedureProvince' : 'procedure';
  const parts = segmentsOf(period, bucket === undefined).map((seg) => {
    const table = TABLES[tiers][seg.tier];
    const time = sql.ref(TIME_COLUMN[seg.tier]);
    // the province tiers have no unit path: the scope is its provinces (coversWholeProvinces)
    const where = table.endsWith('_province') ? inProvinces(scope) : inScope(scope);
    return sql`SELECT ${inner(table, sql`date_trunc('month', ${time})::date`)} FROM ${sql.table(table)}
       WHERE ${time} >= ${seg.from}::date AND ${time} < ${seg.to}::date AND ${where}`;
  });
  if (parts.length === 0) return [];
  const rows = await sql<Record<string, unknown>>`
    SELECT ${outerSelect} FROM (${sql.join(parts, sql` UNION ALL `)}) s
    ${groupList.length > 0 ? sql`GROUP BY ${sql.join(groupList)} HAVING bool_or(active) ORDER BY ${sql.join(groupList)}` : sql``}`.execute(db);
  return rows.rows;
}

/**
 * Sums grouped by procedure and channel: whole years and months from the procedure tiers (those
 * without the unit path for whole provinces), the edge days from stats_daily; a procedure's rows add up to it, and the channels to the channel totals.
 */
export function sumByProcedure(db: Db, scope: ReportScope, period: Period, only?: readonly Metric[]): Promise<Record<string, unknown>[]> {
  return sumOver(db, true, scope, period, ['procedure_id', 'channel'], only ? { only } : {});
}

export type Totals = Record<Metric, number>;
export const totalsOf = (row: Record<string, unknown> | undefined): Totals =>
  Object.fromEntries(metrics.map((m) => [m, Number(row?.[m] ?? 0)])) as Totals;

const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n * 10_000) / d) / 100);

export interface Summary {
  readonly from: string;
  readonly to: string;
  readonly unitPath: string;
  /** accepted in the period (newly received) */
  readonly received: number;
  readonly receivedOnline: number;
  readonly receivedPostal: number;
  readonly receivedCounter: number;
  /** online (levels 3–4) of newly received, percent */
  readonly onlineShareOfNew: number | null;
  readonly postalShare: number | null;
  readonly submittedOnline: number;
  readonly refused: number;
  /** decided in the period (result ready or rejected after appraisal) */
  readonly resolved: number;
  readonly resolvedEarly: number;
  readonly resolvedOnTime: number;
  readonly resolvedLate: number;
  readonly onTimeShare: number | null;
  readonly lateShare: number | null;
  readonly rejected: number;
  readonly withdrawn: number;
  readonly stopped: number;
  readonly returned: number;
  readonly supplementRequests: number;
  readonly apologies: number;
  readonly digitized: number;
  readonly reused: number;
  /** accepted and not ended at the end of the period */
  readonly inProgress: number;
  /** received by a provincial public-service centre */
  readonly provincialCentreReceived: number;
  readonly averageResolutionWorkingDays: number | null;
}

/**
 * The metrics (`only`, default all; the others read 0) summed from the start up to the end of
 * `to`: whole years from stats_yearly, then whole months, then the days of the last month.
 */
export async function totalsUpTo(db: Db, scope: ReportScope, to: string, only?: readonly Metric[]): Promise<Totals> {
  return totalsOf((await sumRollups(db, scope, { from: '2000-01-01', to }, [], only ? { only } : {}))[0]);
}

/** Open at the end of `to`: all receipts minus all endings up to that day (roll-ups since the start). */
export async function inProgressAt(db: Db, scope: ReportScope, to: string): Promise<number> {
  const t = await totalsUpTo(db, scope, to, ['received', 'closed']);
  return t.received - t.closed;
}

export async function summary(db: Db, scope: ReportScope, period: Period): Promise<Summary> {
  const [byChannel, centres, inProgress] = await Promise.all([
    sumRollups(db, scope, period, ['channel', 'receiving_agency_id']),
    provincialCentreAgencyIds(db),
    inProgressAt(db, scope, period.to),
  ]);
  const total = totalsOf({});
  let online = 0, postal = 0, centre = 0;
  for (const r of byChannel) {
    const t = totalsOf(r);
    for (const m of metrics) total[m] += t[m];
    if (r.channel === 'online') online += t.received;
    if (r.channel === 'postal') postal += t.received;
    if (centres.has(Number(r.receiving_agency_id))) centre += t.received;
  }
  const resolved = total.resolved_early + total.resolved_on_time + total.resolved_late;
  return {
    from: period.from, to: period.to, unitPath: scope.unitPath,
    received: total.received, receivedOnline: online, receivedPostal: postal, receivedCounter: total.received - online - postal,
    onlineShareOfNew: pct(online, total.received), postalShare: pct(postal, total.received),
    submittedOnline: total.submitted, refused: total.refused,
    resolved, resolvedEarly: total.resolved_early, resolvedOnTime: total.resolved_on_time, resolvedLate: total.resolved_late,
    onTimeShare: pct(total.resolved_early + total.resolved_on_time, resolved), lateShare: pct(total.resolved_late, resolved),
    rejected: total.rejected, withdrawn: total.withdrawn, stopped: total.stopped, returned: total.returned,
    supplementRequests: total.supplement_requests, apologies: total.apologies, digitized: total.digitized, reused: total.reused,
    inProgress, provincialCentreReceived: centre,
    averageResolutionWorkingDays: resolved === 0 ? null : Math.round((total.resolution_working_minutes / 480 / resolved) * 100) / 100,
  };
}

/**
 * Live open dossiers in scope (accepted, not ended): overdue and at risk by the one definition of
 * dossiers/overdue.ts (the supervision lists' totals), the rest counted as on time.
 */
export async function openNow(db: Db, scope: ReportScope, now: Date, horizon: Date): Promise<{ onTime: number; atRisk: number; overdue: number }> {
  const running = sql`d.status = ANY(${[...RUNNING_STATUSES]}::text[]) AND d.due_at IS NOT NULL`;
  const r = await sql<{ open: number; at_risk: number; overdue: number }>`
    SELECT count(*)::int AS open,
           count(*) FILTER (WHERE ${running} AND d.due_at >= ${now} AND d.due_at <= ${horizon})::int AS at_risk,
           count(*) FILTER (WHERE ${running} AND d.due_at < ${now})::int AS overdue
      FROM dossiers d WHERE d.finished_at IS NULL AND d.received_at IS NOT NULL AND ${inScope(scope, 'd')}`.execute(db);
  const row = r.rows[0];
  const overdue = Number(row?.overdue ?? 0);
  const atRisk = Number(row?.at_risk ?? 0);
  return { onTime: Number(row?.open ?? 0) - overdue - atRisk, atRisk, overdue };
}
