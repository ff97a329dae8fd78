// The counter's side of the queue (issue 14 §4, §5): a clerk at a counter of their service point
// calls the next ticket (the order is queue-model.ts's), recalls it, and closes it as served or as
// a no-show. Calling a booked ticket hands back what the booking says, so that the intake opens
// prefilled. Each change is one transaction with its audit row and a notice to every instance.
import { sql, type Transaction } from 'kysely';
import { assertCan } from '../accounts/policy';
import { servicePointCounters, type CounterRef } from '../directory/references';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { notifySql } from '../platform/db/listen';
import { conflict, forbidden, notFound, validationFailed } from '../platform/errors';
import { vnDateOfInstant } from '../shared/civil-date';
import { QUEUE_CHANNEL } from './queue-kiosk';
import {
  callAnnouncement, callOrder, counterServes, isBookingDue, nextToCall, queueFigures, ticketLabel,
  type QueueFigures, type QueuePolicy, type TicketKind, type TicketStatus,
} from './queue-model';

export interface QueueContext extends ServiceContext {
  readonly policy: QueuePolicy;
}

export interface QueueTicket {
  readonly id: number;
  readonly label: string;
  readonly number: number;
  readonly kind: TicketKind;
  readonly priority: boolean;
  readonly status: TicketStatus;
  readonly issuedAt: string;
  readonly bookedAt: string | null;
  /** a booked ticket's time has come (it is called before walk-ins) */
  readonly due: boolean;
  readonly calledAt: string | null;
  readonly callCount: number;
  readonly counterCode: string | null;
  readonly counterName: string | null;
  /** what the booking says (booked tickets): the intake is prefilled from it */
  readonly booking: {
    readonly code: string;
    readonly procedureCode: string | null;
    readonly procedureName: string | null;
    readonly applicantName: string | null;
    readonly applicantPersonalId: string | null;
    readonly applicantPhone: string | null;
    /** a result's pickup: the dossier whose result is returned (the counter goes to the return, not to an intake) */
    readonly resultDossierCode: string | null;
  } | null;
}

export interface CounterQueue {
  readonly day: string;
  readonly counters: CounterRef[];
  /** the ticket being served at the asked counter, if any */
  readonly current: QueueTicket | null;
  /** waiting tickets in the order they will be called */
  readonly waiting: QueueTicket[];
  readonly figures: QueueFigures;
}

type TicketRow = Awaited<ReturnType<typeof ticketRows>>[number];

function clerkAtPoint(ctx: ServiceContext): Actor & { scope: { kind: 'servicePoint'; servicePointId: number } } {
  assertCan(ctx.actor, 'queue.serve');
  const actor = ctx.actor;
  if (actor.scope.kind !== 'servicePoint') throw forbidden('NOT_AT_A_SERVICE_POINT', 'Chỉ nhân viên tại một điểm tiếp nhận được gọi số.');
  return actor as Actor & { scope: { kind: 'servicePoint'; servicePointId: number } };
}

async function counterOf(ctx: ServiceContext, servicePointId: number, counterCode: string): Promise<CounterRef> {
  const counter = (await servicePointCounters(ctx.db, servicePointId)).find((c) => c.code === counterCode);
  if (!counter) throw validationFailed('COUNTER_UNKNOWN', 'Quầy này không thuộc điểm phục vụ của bạn.', [{ path: 'counterCode', message: 'không có quầy này' }]);
  return counter;
}

const ticketRows = (db: ServiceContext['db'] | Transaction<DB>, servicePointId: number, day: string) =>
  db.selectFrom('queue_tickets').selectAll().where('service_point_id', '=', servicePointId).where('day', '=', day).orderBy('number').execute();

/** The dossier of each booked ticket that is a result's pickup (its booking says so), by booking code. */
async function pickupDossiers(db: ServiceContext['db'], rows: readonly TicketRow[]): Promise<Map<string, string>> {
  const codes = rows.flatMap((r) => (r.booking_code ? [r.booking_code] : []));
  if (codes.length === 0) return new Map();
  const found = await db.selectFrom('bookings').select(['code', 'dossier_code']).where('code', 'in', codes).where('purpose', '=', 'pickup').execute();
  return new Map(found.flatMap((b) => (b.dossier_code ? [[b.code, b.dossier_code] as const] : [])));
}

function view(t: TicketRow, now: Date, policy: QueuePolicy, pickups: ReadonlyMap<string, string> = new Map()): QueueTicket {
  const bookedAt = t.booked_at;
  return {
    id: t.id, label: ticketLabel(t), number: t.number, kind: t.kind, priority: t.priority, status: t.status,
    issuedAt: t.issued_at.toISOString(), bookedAt: bookedAt?.toISOString() ?? null,
    due: isBookingDue({ kind: t.kind, bookedAt }, now, policy),
    calledAt: t.called_at?.toISOString() ?? null, callCount: t.call_count, counterCode: t.counter_code, counterName: t.counter_name,
    booking: t.booking_code === null ? null : {
      code: t.booking_code, procedureCode: t.procedure_code, procedureName: t.procedure_name,
      applicantName: t.applicant_name, applicantPersonalId: t.applicant_personal_id, applicantPhone: t.applicant_phone,
      resultDossierCode: pickups.get(t.booking_code) ?? null,
    },
  };
}

const waitingOf = (t: TicketRow) => ({ id: t.id, number: t.number, kind: t.kind, priority: t.priority, bookedAt: t.booked_at, issuedAt: t.issued_at });
const timesOf = (t: TicketRow) => ({ status: t.status, issuedAt: t.issued_at, bookedAt: t.booked_at, calledAt: t.called_at, finishedAt: t.finished_at });

/** The queue as a counter sees it: its current ticket, who waits in call order, the day's figures. */
export async function counterQueue(ctx: QueueContext, counterCode: string | undefined): Promise<CounterQueue> {
  const actor = clerkAtPoint(ctx);
  const servicePointId = actor.scope.servicePointId;
  const now = ctx.clock.now();
  const day = vnDateOfInstant(now.getTime());
  const [counters, rows] = await Promise.all([servicePointCounters(ctx.db, servicePointId), ticketRows(ctx.db, servicePointId, day)]);
  const current = counterCode === undefined ? undefined : rows.find((t) => t.status === 'called' && t.counter_code === counterCode);
  const waiting = callOrder(rows.filter((t) => t.status === 'waiting').map((t) => ({ ...waitingOf(t), row: t })), now, ctx.policy);
  const pickups = await pickupDossiers(ctx.db, rows);
  return {
    day, counters,
    current: current ? view(current, now, ctx.policy, pickups) : null,
    waiting: waiting.map((w) => view(w.row, now, ctx.policy, pickups)),
    figures: queueFigures(rows.map(timesOf)),
  };
}

/**
 * Calls the next ticket to the clerk's counter. One caller at a time per service point (a
 * transaction-scoped lock), so two counters never call the same ticket. A counter still serving a
 * ticket must close it first.
 */
export async function callNextTicket(ctx: QueueContext, input: { readonly counterCode: string }): Promise<QueueTicket> {
  const actor = clerkAtPoint(ctx);
  const servicePointId = actor.scope.servicePointId;
  const counter = await counterOf(ctx, servicePointId, input.counterCode);
  const now = ctx.clock.now();
  const day = vnDateOfInstant(now.getTime());
  const row = await ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('motcua.queue'), ${servicePointId}::integer)`.execute(trx);
    const rows = await ticketRows(trx, servicePointId, day);
    const busy = rows.find((t) => t.status === 'called' && t.counter_code === counter.code);
    if (busy) throw conflict('COUNTER_BUSY', `${counter.name} đang phục vụ số ${ticketLabel(busy)}. Hãy kết thúc số này trước khi gọi số tiếp theo.`);
    const served = await trx.selectFrom('appointment_counter_procedures').select(['counter_code', 'procedure_code']).where('service_point_id', '=', servicePointId).execute();
    // a booked ticket (an intake, or a result's pickup) is called only to a counter serving its procedure
    const callable = (t: { row: TicketRow }) => t.row.kind !== 'booked' || t.row.procedure_code === null || counterServes(served, counter.code, t.row.procedure_code);
    const next = nextToCall(rows.filter((t) => t.status === 'waiting').map((t) => ({ ...waitingOf(t), row: t })), now, ctx.policy, callable);
    if (!next) throw conflict('QUEUE_EMPTY', 'Không còn ai đang chờ.');
    const called = await trx.updateTable('queue_tickets').set({
      status: 'called', called_at: now, last_called_at: now, call_count: 1, counter_code: counter.code, counter_name: counter.name, called_by: actor.userId,
    }).where('id', '=', next.id).where('status', '=', 'waiting').returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'queue.call', entity: 'queue_ticket', entityKey: called.id, at: now, payload: { label: ticketLabel(called), counter: counter.code } });
    await notifySql(QUEUE_CHANNEL, String(servicePointId)).execute(trx);
    return called;
  });
  return view(row, now, ctx.policy, await pickupDossiers(ctx.db, [row]));
}

const actions = {
  recall: { from: 'called', action: 'queue.recall' },
  served: { from: 'called', action: 'queue.served' },
  noShow: { from: 'called', action: 'queue.no_show' },
} as const satisfies Record<string, { from: TicketStatus; action: string }>;
export type TicketAction = keyof typeof actions;

/** Recall (call again), served, or no-show: only a ticket being served at the clerk's service point. */
export async function actOnTicket(ctx: QueueContext, id: number, action: TicketAction): Promise<QueueTicket> {
  const actor = clerkAtPoint(ctx);
  const servicePointId = actor.scope.servicePointId;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const t = await trx.selectFrom('queue_tickets').selectAll().where('id', '=', id).where('service_point_id', '=', servicePointId).forUpdate().executeTakeFirst();
    if (!t) throw notFound('TICKET_NOT_FOUND', 'Không tìm thấy số thứ tự này.');
    if (t.status !== actions[action].from) throw conflict('TICKET_NOT_CALLED', `Số ${ticketLabel(t)} không đang được phục vụ (${t.status === 'waiting' ? 'đang chờ' : 'đã kết thúc'}).`);
    const change = action === 'recall'
      ? { last_called_at: now, call_count: t.call_count + 1 }
      : { status: action === 'served' ? 'served' as const : 'no_show' as const, finished_at: now };
    const changed = await trx.updateTable('queue_tickets').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: actions[action].action, entity: 'queue_ticket', entityKey: id, at: now, payload: { label: ticketLabel(t), counter: t.counter_code } });
    await notifySql(QUEUE_CHANNEL, String(servicePointId)).execute(trx);
    return changed;
  });
  return view(row, now, ctx.policy, await pickupDossiers(ctx.db, [row]));
}

/** The announcement for a called ticket (the display says it; the panel shows it). */
export const announcementOf = (t: Pick<QueueTicket, 'number' | 'kind' | 'counterName'>): string => callAnnouncement(t, t.counterName ?? 'quầy');
