// The work lists of the desk (issue 9 "The agency desk"): the actor's open dossiers, the least
// working time left first, each with its procedure's name, applicant, assignee, due time and
// remaining working time, and the filters staff need — awaiting hand-over (with the time it is owed by), awaiting supplement, results ready at this
// service point (the return screen), due soon, overdue (the one definition of dossiers/overdue.ts).
import { sql } from 'kysely';
import { can } from '../accounts/policy';
import { userNames } from '../accounts/service';
import { remainingWorkingTime, type Timeliness } from '../calendar';
import { procedureLabels } from '../catalog/references';
import type { ServiceContext } from '../platform/context';
import { forbidden, unauthenticated } from '../platform/errors';
import { statusLabels, type Status } from './lifecycle';
import { atRiskHorizon, atRiskWhere, DEFAULT_AT_RISK_WORKING_MINUTES, isClockRunning, overdueWhere } from './overdue';
import { badgeOf, heldFor } from './queries';
import { scopedActor, scopeWhere } from './scope';
import { calendarAround } from './work-calendar';
import { paperHandoverDueAt } from './handover';
import { agencyNames } from '../directory/references';

const handoverDue = (receivedAt: Date, calendar: Parameters<typeof paperHandoverDueAt>[1]): string | null => {
  try { return new Date(paperHandoverDueAt(receivedAt.getTime(), calendar)).toISOString(); } catch { return null; } // beyond the calendar
};

export const queueFilters = ['all', 'awaitingHandover', 'awaitingApproval', 'awaitingSupplement', 'resultReady', 'dueSoon', 'overdue'] as const;
export type QueueFilter = (typeof queueFilters)[number];

export interface WorkItem {
  readonly code: string;
  readonly status: Status;
  readonly statusLabel: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly applicantName: string;
  /** the officer the latest assignment names (null: not assigned) */
  readonly assigneeName: string | null;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly remainingWorkingMinutes: number | null;
  readonly timeliness: Timeliness | null;
  /** received, not yet handed over to the competent agency: by when the paper hand-over is owed (handover.ts) */
  readonly handoverDueAt: string | null;
  /** the competent agency's name (where the dossier goes, or is) */
  readonly competentAgencyName: string;
  /** a bundle's member waiting for another's result: the code it waits for ('' when not recorded); null otherwise */
  readonly waitingFor: string | null;
}

export interface QueueQuery {
  readonly limit?: number;
  readonly filter?: QueueFilter;
  /** "due soon": working minutes before the due time (default one working day) */
  readonly dueSoonWorkingMinutes?: number;
}

/** Statuses of the default list: what the actor's desk has to act on. */
const deskStatuses = {
  agency: ['processing', 'awaitingApproval', 'awaitingSupplement', 'awaitingPayment'],
  servicePoint: ['submitted', 'received', 'resultReady'],
} as const satisfies Record<'agency' | 'servicePoint', readonly Status[]>;

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** The actor's work list, the least working time left first (no due time last). */
export async function workQueue(ctx: ServiceContext, q: QueueQuery = {}): Promise<{ items: WorkItem[]; filter: QueueFilter }> {
  const actor0 = ctx.actor;
  if (!actor0) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor0, 'dossiers.read')) throw forbidden('FORBIDDEN', 'Bạn không có quyền xem hồ sơ.');
  const actor = await scopedActor(ctx.db, actor0);
  const s = actor.scope;
  if (s.kind !== 'agency' && s.kind !== 'servicePoint') throw forbidden('NO_QUEUE', 'Vai trò của bạn không có hàng đợi xử lý hồ sơ.');
  const filter = q.filter ?? 'all';
  const now = ctx.clock.now();
  let query = ctx.db.selectFrom('dossiers as d').where(scopeWhere(actor));
  switch (filter) {
    case 'all': query = query.where('d.status', 'in', deskStatuses[s.kind]); break;
    // the one-stop's dossiers still to hand over to the competent agency (ND 61 art. 18)
    case 'awaitingHandover': query = query.where('d.status', '=', 'received'); break;
    // the approver's queue: what the officers submitted for approval
    case 'awaitingApproval': query = query.where('d.status', '=', 'awaitingApproval'); break;
    case 'awaitingSupplement': query = query.where('d.status', '=', 'awaitingSupplement'); break;
    case 'resultReady': query = query.where('d.status', '=', 'resultReady'); break;
    case 'dueSoon': query = query.where(atRiskWhere(now, await atRiskHorizon(ctx.db, now, q.dueSoonWorkingMinutes ?? DEFAULT_AT_RISK_WORKING_MINUTES))); break;
    case 'overdue': query = query.where(overdueWhere(now)); break;
  }
  const rows = await query
    .select(['d.code', 'd.status', 'd.procedure_id', 'd.procedure_code', 'd.applicant_name', 'd.received_at', 'd.due_at', 'd.original_due_at', 'd.finished_at', 'd.competent_agency_id',
      sql<number | null>`(SELECT coalesce((a.payload->>'officerId')::bigint, a.actor_id) FROM dossier_events a
        WHERE a.dossier_id = d.id AND a.action = 'assign' ORDER BY a.seq DESC LIMIT 1)`.as('assignee_id'),
      // a registered (not yet received) dossier's intake event: a bundle's member waiting for another's result
      sql<{ action: string; payload: Record<string, unknown> } | null>`(SELECT json_build_object('action', i.action, 'payload', i.payload) FROM dossier_events i
        WHERE d.status = 'submitted' AND i.dossier_id = d.id AND i.seq = 1)`.as('intake')])
    .orderBy('d.due_at', (ob) => ob.asc().nullsLast()).orderBy('d.id').limit(Math.min(Math.max(q.limit ?? 200, 1), 500)).execute();
  const [{ calendar }, names, procedures, agencies] = await Promise.all([
    calendarAround(ctx.db, now),
    userNames(ctx.db, rows.flatMap((r) => (r.assignee_id === null ? [] : [Number(r.assignee_id)]))),
    procedureLabels(ctx.db),
    agencyNames(ctx.db, rows.map((r) => r.competent_agency_id)),
  ]);
  const procedureName = new Map(procedures.map((p) => [p.id, p.name]));
  return {
    filter,
    items: rows.map((d) => {
      let remaining: number | null = null;
      if (d.due_at && isClockRunning(d.status)) { try { remaining = Math.round(remainingWorkingTime(now.getTime(), d.due_at.getTime(), calendar)); } catch { remaining = null; } }
      return {
        code: d.code, status: d.status, statusLabel: statusLabels[d.status], procedureCode: d.procedure_code,
        procedureName: procedureName.get(d.procedure_id) ?? d.procedure_code, applicantName: d.applicant_name,
        assigneeName: d.assignee_id === null ? null : names.get(Number(d.assignee_id)) ?? null,
        receivedAt: iso(d.received_at), dueAt: iso(d.due_at), remainingWorkingMinutes: remaining,
        timeliness: badgeOf(d, now),
        handoverDueAt: d.status === 'received' && d.received_at ? handoverDue(d.received_at, calendar) : null,
        competentAgencyName: agencies.get(d.competent_agency_id)?.name ?? '',
        waitingFor: heldFor(d.status, d.intake ?? undefined),
      };
    }),
  };
}
