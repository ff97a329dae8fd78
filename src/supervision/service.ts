// Supervision use cases (issue 5 part 4): the at-risk and overdue lists, per-officer workload and
// timeliness, and audit-chain verification for a period. Supervisors and admins read their unit
// subtree, approvers (lãnh đạo) their agency — always in SQL through the dossiers' scope rule.
import { sql, type SqlBool } from 'kysely';
import { roleHas, rolesWith } from '../accounts/model';
import { assertCan, can } from '../accounts/policy';
import { staffNames } from '../accounts/references';
import { agencyNames } from '../directory/references';
import { remainingWorkingTime } from '../calendar';
import { loadWorkCalendar } from '../calendar/store';
import { loadEventsOf } from '../dossiers/events';
import { statusLabels, type Status } from '../dossiers/lifecycle';
import { archivedYears, checkChain, scopedActor, scopeWhere, vietnamYear, type BrokenLink, type ScopedActor } from '../dossiers/service';
import type { Role } from '../platform/actor';
import type { ServiceContext } from '../platform/context';
import { forbidden, unauthenticated, validationFailed } from '../platform/errors';
import { atRiskHorizon, atRiskWhere, overdueExpr, overdueWhere } from '../dossiers/overdue';
import { DEFAULT_ESCALATION } from './escalation';
import { vnYearOfInstant } from '../shared/civil-date';
import { parsePeriod } from '../platform/period';

async function supervisorOf(ctx: ServiceContext): Promise<ScopedActor> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'supervision.read')) throw forbidden('FORBIDDEN', 'Bạn không có quyền giám sát hồ sơ.');
  return scopedActor(ctx.db, actor);
}

/** Longest period (days, both ends included) the supervision views read at once. */
export const SUPERVISION_MAX_PERIOD_DAYS = 366;

/**
 * Longest period of received dates one audit check covers: 31 days (see README "Audit by
 * period"). Longer periods: several requests, or the CLI `motcua audit verify`.
 */
export const AUDIT_MAX_PERIOD_DAYS = 31;

/** [from 00:00, to + 1 day 00:00) in Vietnam time. */
function periodBounds(from: string, to: string, maxDays = SUPERVISION_MAX_PERIOD_DAYS): { start: Date; end: Date } {
  const period = parsePeriod(from, to, maxDays);
  return { start: new Date(period.start), end: new Date(period.end) };
}

// ── At risk, overdue ─────────────────────────────────────────────────────────────────────────

export interface SupervisedDossier {
  readonly code: string;
  readonly status: Status;
  readonly statusLabel: string;
  readonly procedureCode: string;
  readonly applicantName: string;
  readonly agencyName: string;
  readonly receivedAt: string | null;
  readonly dueAt: string;
  /** signed: negative once overdue */
  readonly remainingWorkingMinutes: number | null;
}

export interface SupervisedPage {
  readonly items: SupervisedDossier[];
  readonly total: number;
  /** keyset of the next page (`after`), null on the last */
  readonly next: string | null;
  /** the working-time threshold of "at risk" */
  readonly thresholdWorkingMinutes: number;
}

export interface ListQuery {
  readonly limit?: number;
  readonly after?: string;
}

const AFTER_RE = /^(\d{1,15}):(\d{1,15})$/;

/**
 * Open dossiers whose clock runs, the least working time left first: `atRisk` = due within the
 * threshold of working time but not yet due; `overdue` = past the due time.
 */
export async function supervisedDossiers(
  ctx: ServiceContext, kind: 'atRisk' | 'overdue', q: ListQuery, thresholdWorkingMinutes = DEFAULT_ESCALATION.atRiskWorkingMinutes,
): Promise<SupervisedPage> {
  const actor = await supervisorOf(ctx);
  const now = ctx.clock.now();
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
  const horizon = await atRiskHorizon(ctx.db, now, thresholdWorkingMinutes);
  const base = ctx.db.selectFrom('dossiers as d')
    .where(scopeWhere(actor)).where(kind === 'atRisk' ? atRiskWhere(now, horizon) : overdueWhere(now));
  let page = base;
  if (q.after !== undefined) {
    const m = AFTER_RE.exec(q.after);
    if (!m) throw validationFailed('AFTER_INVALID', 'Tham số trang không hợp lệ.');
    const at = new Date(Number(m[1]));
    const id = Number(m[2]);
    page = page.where((eb) => eb.or([eb('d.due_at', '>', at), eb.and([eb('d.due_at', '=', at), eb('d.id', '>', id)])]));
  }
  const [rows, count] = await Promise.all([
    page.select(['d.id', 'd.code', 'd.status', 'd.procedure_code', 'd.applicant_name', 'd.received_at', 'd.due_at', 'd.competent_agency_id'])
      .orderBy('d.due_at').orderBy('d.id').limit(limit + 1).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const year = vnYearOfInstant(now.getTime());
  const { calendar } = await loadWorkCalendar(ctx.db, { fromYear: year - 2, toYear: year + 1 });
  const shown = rows.slice(0, limit);
  const agencies = await agencyNames(ctx.db, shown.map((d) => d.competent_agency_id));
  const items = shown.map((d) => {
    const due = d.due_at ?? now;
    let remaining: number | null = null;
    try { remaining = Math.round(remainingWorkingTime(now.getTime(), due.getTime(), calendar)); } catch { remaining = null; }
    return {
      code: d.code, status: d.status, statusLabel: statusLabels[d.status], procedureCode: d.procedure_code, applicantName: d.applicant_name,
      agencyName: agencies.get(d.competent_agency_id)?.name ?? '', receivedAt: d.received_at?.toISOString() ?? null, dueAt: due.toISOString(), remainingWorkingMinutes: remaining,
    };
  });
  const last = shown[shown.length - 1];
  return {
    items, total: Number(count.n), thresholdWorkingMinutes,
    next: rows.length > limit && last?.due_at ? `${last.due_at.getTime()}:${last.id}` : null,
  };
}

// ── Per-officer workload ─────────────────────────────────────────────────────────────────────

export interface OfficerWorkload {
  readonly userId: number;
  readonly name: string;
  readonly role: Role | null;
  /** dossiers assigned to the officer in the period */
  readonly assigned: number;
  /** dossiers of the officer resolved in the period (result ready or rejected) */
  readonly resolved: number;
  readonly onTime: number;
  readonly late: number;
  /** open dossiers assigned to the officer now, of which past their due time */
  readonly openNow: number;
  readonly openOverdue: number;
}

/** The officer of an `assign` event: the one named in it (officerId), else whoever assigned (older events). */
const officerOfAssign = (alias: 'e' | 'a') => sql<number | null>`coalesce((${sql.ref(`${alias}.payload`)}->>'officerId')::bigint, ${sql.ref(`${alias}.actor_id`)})`;
/** Who appraises without signing: the roles that process dossiers but do not approve them (accounts' table). */
const appraisingRoles = rolesWith('dossiers.process').filter((role) => !roleHas(role, 'dossiers.approve'));
/**
 * A dossier's officer, from its history: the one its latest `assign` names; without an assignment,
 * the officer (role officer) who last acted on it — so an approver who signs, refuses or marks the
 * result is not credited with the officer's work (issue 9 §2).
 */
const currentOfficer = sql<number | null>`coalesce(
  (SELECT ${officerOfAssign('a')} FROM dossier_events a WHERE a.dossier_id = d.id AND a.action = 'assign' ORDER BY a.seq DESC LIMIT 1),
  (SELECT o.actor_id FROM dossier_events o WHERE o.dossier_id = d.id AND o.actor_role IN (${sql.join(appraisingRoles)}) ORDER BY o.seq DESC LIMIT 1))`;

export async function officerWorkload(ctx: ServiceContext, q: { readonly from: string; readonly to: string }): Promise<{ from: string; to: string; rows: OfficerWorkload[] }> {
  const actor = await supervisorOf(ctx);
  const { start, end } = periodBounds(q.from, q.to);
  const now = ctx.clock.now();
  const scoped = scopeWhere(actor);
  // events of the period (index dossier_events_workload_idx), attributed to an officer
  const events = ctx.db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id')
    .where(scoped).where('e.at', '>=', start).where('e.at', '<', end).where('e.action', 'in', ['assign', 'markResultReady', 'reject'])
    .select([
      'e.dossier_id', 'e.action',
      sql<number | null>`CASE WHEN e.action = 'assign' THEN ${officerOfAssign('e')} ELSE coalesce(${currentOfficer}, e.actor_id) END`.as('officer_id'),
      sql<boolean>`e.at <= coalesce(d.original_due_at, d.due_at)`.as('on_time'),
    ]);
  const periodRows = await ctx.db.selectFrom(events.as('x'))
    .where('x.officer_id', 'is not', null)
    .select([
      'x.officer_id',
      sql<number>`count(DISTINCT x.dossier_id) FILTER (WHERE x.action = 'assign')`.as('assigned'),
      sql<number>`count(DISTINCT x.dossier_id) FILTER (WHERE x.action <> 'assign')`.as('resolved'),
      sql<number>`count(DISTINCT x.dossier_id) FILTER (WHERE x.action <> 'assign' AND x.on_time)`.as('on_time'),
      sql<number>`count(DISTINCT x.dossier_id) FILTER (WHERE x.action <> 'assign' AND NOT x.on_time)`.as('late'),
    ]).groupBy('x.officer_id').execute();
  // open dossiers now (dossiers_open_idx), by their current officer
  const open = ctx.db.selectFrom('dossiers as d').where(scoped).where('d.finished_at', 'is', null).where('d.received_at', 'is not', null)
    .select([currentOfficer.as('officer_id'), overdueExpr(now).as('overdue')]);
  const openRows = await ctx.db.selectFrom(open.as('o')).where('o.officer_id', 'is not', null)
    .select(['o.officer_id', sql<number>`count(*)`.as('open_now'), sql<number>`count(*) FILTER (WHERE o.overdue)`.as('open_overdue')])
    .groupBy('o.officer_id').execute();
  const byId = new Map<number, { assigned: number; resolved: number; onTime: number; late: number; openNow: number; openOverdue: number }>();
  const entry = (id: number) => {
    let e = byId.get(id);
    if (!e) { e = { assigned: 0, resolved: 0, onTime: 0, late: 0, openNow: 0, openOverdue: 0 }; byId.set(id, e); }
    return e;
  };
  for (const r of periodRows) {
    if (r.officer_id === null) continue;
    Object.assign(entry(Number(r.officer_id)), { assigned: Number(r.assigned), resolved: Number(r.resolved), onTime: Number(r.on_time), late: Number(r.late) });
  }
  for (const r of openRows) {
    if (r.officer_id === null) continue;
    Object.assign(entry(Number(r.officer_id)), { openNow: Number(r.open_now), openOverdue: Number(r.open_overdue) });
  }
  const ids = [...byId.keys()];
  const userOf = await staffNames(ctx.db, ids);
  const rows = ids.map((id) => {
    const u = userOf.get(id);
    return { userId: id, name: u?.fullName ?? `#${id}`, role: u?.role ?? null, ...entry(id) };
  }).sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.userId - b.userId);
  return { from: q.from, to: q.to, rows };
}

// ── Audit verification of a period ───────────────────────────────────────────────────────────

export interface PeriodAuditReport {
  readonly from: string;
  readonly to: string;
  readonly ok: boolean;
  readonly dossiers: number;
  readonly events: number;
  /** dossiers whose chain is broken */
  readonly brokenDossiers: number;
  readonly firstBroken: BrokenLink | null;
  /** dossiers of the period whose year of the log is archived (ADR 022): not checked here */
  readonly archivedDossiers: number;
}

const AUDIT_BATCH = 500;

/** Recomputes the hash chain of every dossier received in the period within the actor's scope. */
export async function verifyAuditPeriod(ctx: ServiceContext, q: { readonly from: string; readonly to: string }): Promise<PeriodAuditReport> {
  assertCan(ctx.actor, 'audit.verify');
  const actor = await scopedActor(ctx.db, ctx.actor);
  const { start, end } = periodBounds(q.from, q.to, AUDIT_MAX_PERIOD_DAYS);
  let dossiers = 0;
  let events = 0;
  let brokenDossiers = 0;
  let firstBroken: BrokenLink | null = null;
  let archivedDossiers = 0;
  const archived = new Set((await archivedYears(ctx.db)).map((a) => a.year));
  let after = { at: new Date(start.getTime() - 1), id: 0 };
  for (;;) {
    const rows = await ctx.db.selectFrom('dossiers as d').select(['d.id', 'd.code', 'd.version', 'd.last_hash', 'd.received_at', 'd.submitted_at'])
      .where(scopeWhere(actor)).where('d.received_at', '>=', start).where('d.received_at', '<', end)
      .where(sql<SqlBool>`(d.received_at, d.id) > (${after.at}, ${after.id})`)
      .orderBy('d.received_at').orderBy('d.id').limit(AUDIT_BATCH).execute();
    if (rows.length === 0) break;
    const byDossier = await loadEventsOf(ctx.db, rows);
    for (const r of rows) {
      // a year of the log archived (ADR 022): its events are not here to check
      if (archived.has(vietnamYear(r.submitted_at))) { archivedDossiers++; continue; }
      const chain = byDossier.get(r.id) ?? [];
      dossiers++;
      events += chain.length;
      const broken = checkChain(r.code, chain, r);
      if (broken) {
        brokenDossiers++;
        firstBroken ??= broken;
      }
    }
    const last = rows[rows.length - 1];
    if (!last?.received_at || rows.length < AUDIT_BATCH) break;
    after = { at: last.received_at, id: last.id };
  }
  return { from: q.from, to: q.to, ok: brokenDossiers === 0, dossiers, events, brokenDossiers, firstBroken, archivedDossiers };
}
