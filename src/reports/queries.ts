// Dashboard queries over the roll-ups. A period is split into whole months (stats_monthly, or
// stats_monthly_procedure by procedure) and the days at its edges (stats_daily), so a province-year reads a few hundred rows, never the
// dossiers table. Open dossiers come from the partial index dossiers_open_idx.
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

/** A group with activity in the period: marks alone (a due day, marks.ts) do not make a row. */
const active = sql.join(metrics.filter((m) => !(markMetrics as readonly string[]).includes(m)).map((m) => sql`sum(${sql.ref(m)}) <> 0`), sql` OR `);

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `unit_path` (of `alias` when given) inside the scope: the subtree plus mapped old paths. */
export function inScope(scope: ReportScope, alias?: string): RawBuilder<boolean> {
  const col = alias ? sql.ref(`${alias}.unit_path`) : sql.ref('unit_path');
  const extra = scope.extraPaths ?? [];
  return extra.length === 0
    ? sql<boolean>`${col} LIKE ${likePrefix(scope.unitPath)}`
    : sql<boolean>`(${col} LIKE ${likePrefix(scope.unitPath)} OR ${col} = ANY(${[...extra]}::text[]))`;
}

export type GroupColumn = 'unit_path' | 'agency_id' | 'receiving_agency_id' | 'channel' | 'online_level';
type ProcedureGroupColumn = 'unit_path' | 'procedure_id' | 'channel';

/**
 * Sums of every metric over the period and scope, grouped by `groupBy` (month-level columns only;
 * use `sumByProcedure` for procedures). `bucket` adds a time bucket (day → month) for trends.
 */
export function sumRollups(db: Db, scope: ReportScope, period: Period, groupBy: readonly GroupColumn[] = [], bucket?: 'month'): Promise<Record<string, unknown>[]> {
  return sumOver(db, 'stats_monthly', scope, period, groupBy, bucket);
}

/**
 * Whole months from `monthTable` (stats_monthly, or stats_monthly_procedure for the procedure
 * dimension) and the edge days from stats_daily, summed by `groupBy`.
 */
async function sumOver(db: Db, monthTable: 'stats_monthly' | 'stats_monthly_procedure', scope: ReportScope, period: Period, groupBy: readonly (GroupColumn | ProcedureGroupColumn)[], bucket?: 'month'): Promise<Record<string, unknown>[]> {
  const { monthsFrom, monthsTo } = splitPeriod(period);
  const cols = [...groupBy];
  const colList = (prefix: RawBuilder<unknown> | null) => cols.map((c) => (prefix ? sql`${prefix}.${sql.ref(c)}` : sql.ref(c)));
  // stats_monthly_procedure holds no bundle counts (rollup.ts procedureMetrics): read as 0 there
  const held = (m: Metric, table: string) => table !== 'stats_monthly_procedure' || procedureMetrics.includes(m);
  const inner = (bucketExpr: RawBuilder<unknown>, table = 'stats_daily') => sql.join([...colList(null), ...(bucket ? [sql`${bucketExpr} AS bucket`] : []), ...metrics.map((m) => (held(m, table) ? sql.ref(m) : sql`0 AS ${sql.ref(m)}`))]);
  const outerSelect = sql.join([...colList(null), ...(bucket ? [sql.ref('bucket')] : []), ...metrics.map((m) => sql`sum(${sql.ref(m)})::bigint AS ${sql.ref(m)}`)]);
  const groupList = [...colList(null), ...(bucket ? [sql.ref('bucket')] : [])];
  const where = inScope(scope);
  // edge days only: before the first whole month and after the last one
  const edges: [string, string][] = monthsFrom < monthsTo
    ? [[period.from, monthsFrom], [monthsTo, addDay(period.to, 1)]]
    : [[period.from, addDay(period.to, 1)]];
  const parts = [
    ...(monthsFrom < monthsTo ? [sql`SELECT ${inner(sql`month`, monthTable)} FROM ${sql.table(monthTable)}
       WHERE month >= ${monthsFrom}::date AND month < ${monthsTo}::date AND ${where}`] : []),
    ...edges.filter(([a, b]) => a < b).map(([a, b]) => sql`SELECT ${inner(sql`date_trunc('month', day)::date`)} FROM stats_daily
       WHERE day >= ${a}::date AND day < ${b}::date AND ${where}`),
  ];
  if (parts.length === 0) return [];
  const rows = await sql<Record<string, unknown>>`
    SELECT ${outerSelect} FROM (${sql.join(parts, sql` UNION ALL `)}) s
    ${groupList.length > 0 ? sql`GROUP BY ${sql.join(groupList)} HAVING ${active} ORDER BY ${sql.join(groupList)}` : sql``}`.execute(db);
  return rows.rows;
}

/**
 * Sums grouped by procedure and channel: whole months from stats_monthly_procedure, the edge
 * days from stats_daily; a procedure's rows add up to it, and the channels to the channel totals.
 */
export function sumByProcedure(db: Db, scope: ReportScope, period: Period): Promise<Record<string, unknown>[]> {
  return sumOver(db, 'stats_monthly_procedure', scope, period, ['procedure_id', 'channel']);
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

/** Every metric summed from the start up to the end of `to` (whole months from stats_monthly, the last partial month from stats_daily). */
export async function totalsUpTo(db: Db, scope: ReportScope, to: string): Promise<Totals> {
  return totalsOf((await sumRollups(db, scope, { from: '2000-01-01', to }))[0]);
}

/** Open at the end of `to`: all receipts minus all endings up to that day (roll-ups since the start). */
export async function inProgressAt(db: Db, scope: ReportScope, to: string): Promise<number> {
  const t = await totalsUpTo(db, scope, to);
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
