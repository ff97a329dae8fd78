// Report use cases: the permission check first (reports.read), then the actor's unit scope —
// a supervisor of a district sees that district's subtree, a provincial one the whole province.
// Every query filters by the scope's unit path in SQL.
import { sql } from 'kysely';
import { assertCan } from '../accounts/policy';
import { procedureLabels, proceduresInForce } from '../catalog/references';
import { agencyLabels, type AgencyLabel } from '../directory/references';
import { DISLIKE_MAX_STARS } from '../dossiers/lifecycle';
import { atRiskHorizon, DEFAULT_AT_RISK_WORKING_MINUTES } from '../dossiers/overdue';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import { forbidden, notFound, validationFailed } from '../platform/errors';
import { countCounterOutcomes, type CounterOutcomeCounts } from '../counter/service';
import { partsNotHeld, publicationPartLabels } from '../catalog/completeness';
import { publicationFigures } from '../catalog/publication';
import { indicatorsFromCounts, publicationIndicator, syncIndicator, syncRateOf, type IndicatorCounts, type IndicatorValue } from './indicators';
import { syncedReceipts } from '../sync/service';
import { inScope, openNow, provinceOfPath, sumByProcedure, sumRollups, summary, totalsOf, totalsUpTo, type Period, type ReportScope, type Summary } from './queries';
import type { Metric } from './rollup';
import { loadUnitMap, type AsOf } from './units';
import { DAY_MS, vnMidnightOf } from '../shared/civil-date';
import { parsePeriod } from '../platform/period';

export interface ReportQuery {
  readonly from: string;
  readonly to: string;
  /** statistics code of a unit inside the actor's scope (default: the scope itself) */
  readonly unit?: string;
  /**
   * 'was' (default): units as they were when the dossiers were received; 'is': old units mapped
   * to the current ones (src/reports/units.ts). Totals of a scope are the same in both views.
   */
  readonly asOf?: AsOf;
}

/**
 * Longest period one report or export covers: ten years (statistics across the 2018–2025 unit
 * reforms are asked for; rollups are per month, so this bounds a request to 120 months).
 */
export const REPORT_MAX_PERIOD_DAYS = 3_660;

export function periodOf(q: { readonly from: string; readonly to: string }): Period {
  const period = parsePeriod(q.from, q.to, REPORT_MAX_PERIOD_DAYS);
  return { from: period.from, to: period.to };
}

/**
 * The unit path the actor may read, narrowed to `unit` when given (outside the scope: 404), with
 * the old paths whose as-is unit lies inside it. `asOf` decides which version a shared code
 * designates: as-is only a current unit; as-was the oldest version in the scope.
 */
export async function scopeOf(ctx: ServiceContext, unit: string | undefined, asOf: AsOf = 'was'): Promise<ReportScope & { asOf: AsOf }> {
  const actor = ctx.actor;
  assertCan(actor, 'reports.read');
  if (actor.scope.kind !== 'unit') throw forbidden('FORBIDDEN', 'Tài khoản không có phạm vi đơn vị hành chính để xem thống kê.');
  return reportScopeWithin(ctx.db, actor.scope.unitPath, unit, asOf);
}

/**
 * `scopeOf` without an actor, for the operator's CLI: `own` is the path the caller may read
 * ('/' for the whole database).
 */
export async function reportScopeWithin(db: Database, own: string, unit: string | undefined, asOf: AsOf = 'was'): Promise<ReportScope & { asOf: AsOf }> {
  const map = await loadUnitMap(db);
  const allowed = (path: string) => path.startsWith(own) || (map.asIs(path)?.path.startsWith(own) ?? false);
  let unitPath = own;
  if (unit !== undefined) {
    const inside = map.byCode(unit).filter((u) => allowed(u.path) && (asOf === 'was' || u.current))
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.path.localeCompare(b.path));
    const pick = asOf === 'is' ? inside[inside.length - 1] : inside[0];
    if (!pick) {
      const old = asOf === 'is' && map.byCode(unit).some((u) => allowed(u.path));
      throw notFound('UNIT_NOT_FOUND', old
        ? `Đơn vị ${unit.slice(0, 20)} không còn hiệu lực: xem theo đơn vị cũ (asOf=was) hoặc chọn đơn vị hiện nay.`
        : `Không tìm thấy đơn vị ${unit.slice(0, 20)} trong phạm vi của bạn.`);
    }
    unitPath = pick.path;
  }
  return { unitPath, extraPaths: map.extraPathsUnder(unitPath), asOf };
}

/** The dashboard's summary: the period's figures, the view, and the dossiers open right now. */
export type ReportSummary = Summary & {
  readonly asOf: AsOf;
  /** overdue and at risk as the supervision lists count them (dossiers/overdue.ts); onTime: the other open dossiers */
  readonly openNow: { readonly onTime: number; readonly atRisk: number; readonly overdue: number };
  /** paper dossiers that ended at the counter in the period without being received (src/counter) */
  readonly counterOutcomes: CounterOutcomeCounts;
};

export async function reportSummary(ctx: ServiceContext, q: ReportQuery, atRiskWorkingMinutes = DEFAULT_AT_RISK_WORKING_MINUTES): Promise<ReportSummary> {
  const scope = await scopeOf(ctx, q.unit, q.asOf);
  const period = periodOf(q);
  const now = ctx.clock.now();
  const horizon = await atRiskHorizon(ctx.db, now, atRiskWorkingMinutes);
  const [s, open, counterOutcomes] = await Promise.all([
    summary(ctx.db, scope, period), openNow(ctx.db, scope, now, horizon),
    countCounterOutcomes(ctx.db, scope, vnStart(period.from), vnEndExclusive(period.to)),
  ]);
  return { ...s, asOf: scope.asOf, openNow: open, counterOutcomes };
}

export type BreakdownBy = 'unit' | 'agency' | 'receiving' | 'procedure' | 'channel' | 'level';

export interface BreakdownRow {
  readonly key: string;
  readonly label: string;
  readonly received: number;
  readonly online: number;
  readonly postal: number;
  readonly resolved: number;
  readonly onTime: number;
  readonly late: number;
  readonly lateShare: number | null;
  readonly inProgressEnd?: number;
}

const channelLabels: Record<string, string> = { counter: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính công ích' };
const levelLabels: Record<string, string> = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã', central: 'Trung ương' };

/** What a breakdown row and a trend point show (the reads sum only these). */
const BREAKDOWN_METRICS: readonly Metric[] = ['received', 'resolved_early', 'resolved_on_time', 'resolved_late'];

export async function reportBreakdown(ctx: ServiceContext, q: ReportQuery & { by: BreakdownBy }): Promise<{ by: BreakdownBy; asOf: AsOf; rows: BreakdownRow[] }> {
  const scope = await scopeOf(ctx, q.unit, q.asOf);
  const period = periodOf(q);
  const db = ctx.db;
  let raw: Record<string, unknown>[];
  let keyOf: (r: Record<string, unknown>) => string;
  // the sums and the labels at once
  const labels = Promise.all([agenciesAsViewed(db, scope.asOf), q.by === 'procedure' ? procedureLabels(db) : Promise.resolve([])]);
  if (q.by === 'procedure') {
    raw = await sumByProcedure(db, scope, period, BREAKDOWN_METRICS);
    keyOf = (r) => String(r.procedure_id);
  } else {
    const col = q.by === 'unit' || q.by === 'level' ? 'agency_id' : q.by === 'agency' ? 'agency_id' : q.by === 'receiving' ? 'receiving_agency_id' : 'channel';
    raw = await sumRollups(db, scope, period, q.by === 'channel' ? ['channel'] : [col, 'channel'], { only: BREAKDOWN_METRICS });
    keyOf = (r) => String(r[col]);
  }
  const [byAgency, procedures] = await labels;
  const byProcedure = new Map(procedures.map((p) => [String(p.id), p]));
  const groupKey = (r: Record<string, unknown>): { key: string; label: string } => {
    const k = keyOf(r);
    switch (q.by) {
      case 'channel': return { key: k, label: channelLabels[k] ?? k };
      case 'procedure': return { key: byProcedure.get(k)?.code ?? k, label: byProcedure.get(k)?.name ?? k };
      case 'level': { const level = byAgency.get(k)?.level ?? 'other'; return { key: level, label: levelLabels[level] ?? level }; }
      case 'unit': { const a = byAgency.get(k); return { key: a?.unit_code ?? k, label: a?.unit_name ?? k }; }
      default: return { key: k, label: byAgency.get(k)?.name ?? k };
    }
  };
  const groups = new Map<string, { label: string; received: number; online: number; postal: number; early: number; onTime: number; late: number }>();
  for (const r of raw) {
    const { key, label } = groupKey(r);
    const t = totalsOf(r);
    const g = groups.get(key) ?? { label, received: 0, online: 0, postal: 0, early: 0, onTime: 0, late: 0 };
    g.received += t.received;
    if (r.channel === 'online') g.online += t.received;
    else if (r.channel === 'postal') g.postal += t.received;
    g.early += t.resolved_early;
    g.onTime += t.resolved_on_time;
    g.late += t.resolved_late;
    groups.set(key, g);
  }
  const rows = [...groups.entries()].map(([key, g]) => {
    const resolved = g.early + g.onTime + g.late;
    return {
      key, label: g.label, received: g.received, online: g.online, postal: g.postal, resolved, onTime: g.early + g.onTime, late: g.late,
      lateShare: resolved === 0 ? null : Math.round((g.late * 10_000) / resolved) / 100,
    };
  }).sort((a, b) => b.received - a.received || a.key.localeCompare(b.key));
  return { by: q.by, asOf: scope.asOf, rows };
}

/** One month of the trend. */
export type TrendPoint = { month: string; received: number; online: number; postal: number; resolved: number; late: number };

export async function reportTrend(ctx: ServiceContext, q: ReportQuery): Promise<{ points: TrendPoint[] }> {
  const scope = await scopeOf(ctx, q.unit, q.asOf);
  const rows = await sumRollups(ctx.db, scope, periodOf(q), ['channel'], { bucket: 'month', only: BREAKDOWN_METRICS });
  const points = new Map<string, TrendPoint>();
  for (const r of rows) {
    const month = r.bucket instanceof Date ? r.bucket.toISOString().slice(0, 7) : String(r.bucket).slice(0, 7);
    const t = totalsOf(r);
    const p = points.get(month) ?? { month, received: 0, online: 0, postal: 0, resolved: 0, late: 0 };
    p.received += t.received;
    if (r.channel === 'online') p.online += t.received;
    if (r.channel === 'postal') p.postal += t.received;
    p.resolved += t.resolved_early + t.resolved_on_time + t.resolved_late;
    p.late += t.resolved_late;
    points.set(month, p);
  }
  return { points: [...points.values()].sort((a, b) => a.month.localeCompare(b.month)) };
}

/** The worst late procedures or agencies (by late count, then share). */
export async function reportWorstLate(ctx: ServiceContext, q: ReportQuery & { by: 'procedure' | 'agency'; limit?: number }): Promise<{ rows: BreakdownRow[] }> {
  const { rows } = await reportBreakdown(ctx, q);
  return { rows: rows.filter((r) => r.late > 0).sort((a, b) => b.late - a.late || (b.lateShare ?? 0) - (a.lateShare ?? 0)).slice(0, q.limit ?? 10) };
}

export interface DrillQuery extends ReportQuery {
  /** competent agency (breakdown by agency) */
  readonly agency?: number;
  /** receiving agency (breakdown by receiving point) */
  readonly receiving?: number;
  /** level of the competent agency in the view (breakdown by level): province, district, commune, central */
  readonly level?: string;
  /** statistics code of the competent agency's own unit in the view (breakdown by unit; `unit` is the scope's subtree) */
  readonly agencyUnit?: string;
  readonly procedure?: string;
  readonly channel?: 'counter' | 'online' | 'postal';
  /** received: accepted in the period; late / onTime: decided in the period; open: not ended at `to` */
  readonly kind?: 'received' | 'late' | 'onTime' | 'open';
  /** keyset cursor: "<epoch ms>:<id>" of the last row of the previous page */
  readonly after?: string;
  readonly limit?: number;
}

export interface DrillRow {
  readonly code: string;
  readonly procedureCode: string;
  readonly applicantName: string;
  readonly channel: string;
  readonly status: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly finishedAt: string | null;
}

/** Agencies by id with their unit and level as the view sees them: as-is, from the current unit their unit maps to. */
async function agenciesAsViewed(db: Database, asOf: AsOf): Promise<Map<string, AgencyLabel>> {
  const [agencies, units] = await Promise.all([agencyLabels(db), loadUnitMap(db)]);
  return new Map(agencies.map((a) => {
    const now = asOf === 'is' ? units.asIs(a.unit_path) : undefined;
    return [String(a.id), now ? { ...a, level: now.level, unit_name: now.name, unit_code: now.code } : a];
  }));
}

export { provinceOfPath };

const vnStart = (d: string) => new Date(vnMidnightOf(d));
const vnEndExclusive = (d: string) => new Date(vnMidnightOf(d) + DAY_MS);

/** The dossiers behind a number, newest first, a page at a time (scope in SQL). */
export async function reportDossiers(ctx: ServiceContext, q: DrillQuery): Promise<{ items: DrillRow[]; next: string | null }> {
  const scope = await scopeOf(ctx, q.unit, q.asOf);
  const period = periodOf(q);
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
  const from = vnStart(period.from);
  const to = vnEndExclusive(period.to);
  let query = ctx.db.selectFrom('dossiers as d')
    .select(['d.id', 'd.code', 'd.procedure_code', 'd.applicant_name', 'd.channel', 'd.status', 'd.received_at', 'd.due_at', 'd.original_due_at', 'd.finished_at'])
    // the scope names its province(s) (inScope): the keyset walk uses (province_code, received_at, id)
    .where(inScope(scope, 'd'))
    .where('d.received_at', 'is not', null);
  const kind = q.kind ?? 'received';
  if (kind === 'received') query = query.where('d.received_at', '>=', from).where('d.received_at', '<', to);
  if (kind === 'open') query = query.where('d.received_at', '<', to).where((eb) => eb.or([eb('d.finished_at', 'is', null), eb('d.finished_at', '>=', to)]));
  if (kind === 'late' || kind === 'onTime') {
    query = query.where('d.finished_at', '>=', from).where('d.finished_at', '<', to).where('d.status', 'in', ['resultReady', 'returned', 'rejected'])
      .where(sql<boolean>`d.finished_at ${sql.raw(kind === 'late' ? '>' : '<=')} coalesce(d.original_due_at, d.due_at)`);
  }
  if (q.agency !== undefined) query = query.where('d.competent_agency_id', '=', q.agency);
  if (q.receiving !== undefined) query = query.where('d.receiving_agency_id', '=', q.receiving);
  if (q.level !== undefined || q.agencyUnit !== undefined) {
    const ids = [...(await agenciesAsViewed(ctx.db, scope.asOf)).values()]
      .filter((a) => (q.level === undefined || a.level === q.level) && (q.agencyUnit === undefined || a.unit_code === q.agencyUnit)).map((a) => a.id);
    query = ids.length === 0 ? query.where(sql<boolean>`false`) : query.where('d.competent_agency_id', 'in', ids);
  }
  if (q.procedure !== undefined) query = query.where('d.procedure_code', '=', q.procedure);
  if (q.channel !== undefined) query = query.where('d.channel', '=', q.channel);
  if (q.after) {
    const [ms, id] = q.after.split(':').map(Number);
    if (ms === undefined || id === undefined || !Number.isFinite(ms) || !Number.isFinite(id)) throw validationFailed('CURSOR_INVALID', 'Con trỏ trang không hợp lệ.');
    query = query.where(sql<boolean>`(d.received_at, d.id) < (${new Date(ms)}, ${id})`);
  }
  const rows = await query.orderBy('d.received_at', 'desc').orderBy('d.id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      code: r.code, procedureCode: r.procedure_code, applicantName: r.applicant_name, channel: r.channel, status: r.status,
      receivedAt: r.received_at?.toISOString() ?? null, dueAt: (r.original_due_at ?? r.due_at)?.toISOString() ?? null, finishedAt: r.finished_at?.toISOString() ?? null,
    })),
    next: rows.length > limit && last?.received_at ? `${last.received_at.getTime()}:${last.id}` : null,
  };
}

/** The Decision 766 indicators the roll-ups and the catalogue support, each explained. */
export async function reportIndicators(ctx: ServiceContext, q: ReportQuery): Promise<{ indicators: IndicatorValue[]; notes: string[] }> {
  const scope = await scopeOf(ctx, q.unit, q.asOf);
  const period = periodOf(q);
  const db = ctx.db;
  const dayBefore = new Date(Date.parse(`${period.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [rows, upToBefore, upToEnd, procs, withOnline, sync, procIdRows, publication] = await Promise.all([
    sumRollups(db, scope, period, ['channel']),
    totalsUpTo(db, scope, dayBefore, ['received', 'closed', 'disliked_closed']),
    totalsUpTo(db, scope, period.to, ['due', 'due_settled', 'disliked_received']),
    proceduresInForce(db),
    sumByProcedure(db, scope, period, ['submitted', 'received', 'paid_online']),
    // 1.4 and the 3.3 multiplier: the receipts the national sync recorded and those the portal accepted (src/sync)
    syncedReceipts(db, scope.unitPath, vnStart(period.from), vnEndExclusive(period.to)),
    procedureLabels(db),
    publicationFigures(db, provinceOfPath(scope.unitPath), period.to),
  ]);
  // marks (marks.ts): open at the end of the period and past the (original) due time — late
  // (F766: judged at period end); 5.4: dossiers of the 2.1 base (open at the start or received in
  // the period) rated 1–2 stars, whenever the rating was given
  const openBefore = upToBefore.received - upToBefore.closed;
  const openOverdueAtEnd = upToEnd.due - upToEnd.due_settled;
  const dislikedInBase = upToEnd.disliked_received - upToBefore.disliked_closed;
  // no sync record in the period: the sync was not running then, 1.4 has no data and 3.3 is not scaled
  const synced = sync.received === 0 ? null : sync.synced;
  const t = totalsOf({});
  let online = 0, postal = 0;
  for (const r of rows) {
    const x = totalsOf(r);
    for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += x[k];
    if (r.channel === 'online') online += x.received;
    if (r.channel === 'postal') postal += x.received;
  }
  const uniqueProcs = [...new Map(procs.map((p) => [p.code, p])).values()];
  const feeBearing = (fees: unknown) => Array.isArray(fees) && fees.some((f) => typeof (f as { amountVnd?: unknown }).amountVnd === 'number' && ((f as { amountVnd: number }).amountVnd > 0));
  const procIdsWithOnline = new Set(withOnline.filter((r) => Number(r.submitted ?? 0) > 0).map((r) => Number(r.procedure_id)));
  const codesWithOnline = new Set(procIdRows.filter((p) => procIdsWithOnline.has(p.id)).map((p) => p.code));
  const onlineProcs = uniqueProcs.filter((p) => p.online_level !== 'none');
  // 3.5 / 3.6: fee-bearing procedures (a fee list that is all zero does not count); a dossier's
  // online payment is the `paymentReceived` event with `online: true` (roll-up `paid_online`)
  const feeCodes = new Set(uniqueProcs.filter((p) => feeBearing(p.fees)).map((p) => p.code));
  const codeOfId = new Map(procIdRows.map((p) => [Number(p.id), p.code]));
  let feeDossiers = 0;
  const codesPaidOnline = new Set<string>();
  for (const r of withOnline) {
    const code = codeOfId.get(Number(r.procedure_id));
    if (code === undefined || !feeCodes.has(code)) continue;
    feeDossiers += Number(r.received ?? 0);
    if (Number(r.paid_online ?? 0) > 0) codesPaidOnline.add(code);
  }
  const base = openBefore + t.received;
  const late = t.resolved_late + openOverdueAtEnd;
  const counts: IndicatorCounts = {
    timelinessBase: base, timelinessOnTime: Math.max(0, base - late), timelinessLate: late,
    resolvedCount: t.resolved_early + t.resolved_on_time + t.resolved_late, resolvedWorkingDays: t.resolution_working_minutes / 480,
    procedures: uniqueProcs.length, onlineProcedures: onlineProcs.length,
    onlineProceduresWithDossiers: onlineProcs.filter((p) => codesWithOnline.has(p.code)).length,
    received: t.received, receivedOnline: online, receivedPostal: postal, syncRate: syncRateOf(synced, t.received),
    feeProcedures: feeCodes.size, feeProceduresOnlinePayment: [...feeCodes].filter((c) => codesPaidOnline.has(c)).length,
    feeDossiers, paidOnlineDossiers: t.paid_online,
    paperResultDossiers: t.resolved_early + t.resolved_on_time + t.resolved_late, electronicResults: t.electronic_results,
    digitizedDossiers: t.digitized, reusedDossiers: t.reused, storeLinkedDossiers: t.store_linked, complainedDossiers: dislikedInBase,
  };
  return {
    indicators: [publicationIndicator(publication.complete, publication.total, partsNotHeld.map((p) => publicationPartLabels[p].toLowerCase())), syncIndicator(synced, t.received), ...indicatorsFromCounts(counts)],
    notes: [
      'Chỉ số 3.5: TTHC có thu phí đã có ít nhất một hồ sơ thanh toán trực tuyến trong kỳ (thay cho cờ tích hợp thanh toán trên Cổng DVCQG, chưa có trong danh mục). Chỉ số 3.6: mẫu số là hồ sơ tiếp nhận của TTHC có thu phí; tử số là hồ sơ có sự kiện nộp phí trực tuyến. Tỷ lệ đồng bộ nhân vào chỉ số 3.3 là chỉ số 1.4 (100% khi trong kỳ chưa có bản ghi đồng bộ nào).',
      'Chỉ số 4.1: mẫu số là hồ sơ đã giải quyết (mọi TTHC trong danh mục mẫu có kết quả là giấy tờ); tử số là hồ sơ có tệp kết quả điện tử được cơ quan đính kèm. Chỉ số 4.2: hồ sơ tiếp nhận có ít nhất một thành phần đã số hóa (có tệp đính kèm; đánh dấu "đã scan" mà không có tệp thì không tính); chưa xét điều kiện có kết quả điện tử. Chỉ số 4.3: hồ sơ có thành phần sử dụng lại (kho dữ liệu của motcua, kết quả trước đó, CSDL quốc gia). Chỉ số 4.4: chỉ tính thành phần lấy từ CSDL quốc gia; kho dữ liệu của motcua không phải kho dữ liệu trên Cổng DVCQG.',
      'Chỉ số 5.4: chưa có phản ánh, kiến nghị (PAKN); "không hài lòng" là hồ sơ thuộc mẫu số của 2.1 được người nộp đánh giá 1–2 sao (bất kể ngày đánh giá).',
    ],
  };
}
