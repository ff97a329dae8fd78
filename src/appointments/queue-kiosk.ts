// The kiosk of a service point (issue 14 §4): staff open it (a secret token bound to their service
// point until the end of the Vietnam day), and citizens take tickets there without signing in —
// a walk-in ticket, or a booked one by the booking's code. Abuse is bounded: a kiosk issues at most
// `ticketsPerMinute` tickets a minute, and wrong booking codes slow the kiosk down (throttle).
import { createHash, randomBytes } from 'node:crypto';
import { assertCan } from '../accounts/policy';
import { servicePointPlace, type ServicePointPlace } from '../directory/references';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import { notifySql } from '../platform/db/listen';
import { conflict, forbidden, notFound, tooManyRequests } from '../platform/errors';
import { nextRegisterNumberSql } from '../platform/registers';
import { claimAttempt, clearAttempts, type BackoffPolicy } from '../platform/throttle';
import { addDays, vnDateOfInstant, vnMidnightOf, vnYearOfInstant, type IsoDate } from '../shared/civil-date';
import { normaliseBookingCode, ticketLabel, type TicketKind } from './queue-model';
import { markArrived } from './staff';

/** The channel every instance listens on; the payload is the service point's id. */
export const QUEUE_CHANNEL = 'motcua_queue';

/** What a booking says, as the appointments' bookings tell it (wired in src/app.ts). */
export interface BookedVisit {
  readonly code: string;
  readonly servicePointId: number;
  readonly startsAt: Date;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly applicantName: string;
  readonly applicantPersonalId: string | null;
  readonly applicantPhone: string | null;
  /** false when cancelled or already past */
  readonly active: boolean;
}
export type BookingLookup = (db: Database, code: string) => Promise<BookedVisit | null>;

export interface KioskDeps {
  readonly db: Database;
  readonly clock: { now(): Date };
  readonly lookupBooking: BookingLookup;
  readonly ticketsPerMinute: number;
}

export interface OpenedKiosk {
  /** shown once: the kiosk sends it with each request (header x-kiosk-token) */
  readonly token: string;
  readonly servicePointCode: string;
  readonly servicePointName: string;
  readonly expiresAt: string;
}

export interface IssuedTicket {
  readonly id: number;
  readonly label: string;
  readonly number: number;
  readonly kind: TicketKind;
  readonly priority: boolean;
  readonly day: string;
  readonly issuedAt: string;
  readonly servicePointName: string;
  /** tickets waiting before this one was issued (an estimate of the queue ahead) */
  readonly waitingAhead: number;
  /** booked tickets: the appointment's time and procedure */
  readonly bookedAt: string | null;
  readonly procedureName: string | null;
}

const CHECK_IN_GUESSES: BackoffPolicy = { free: 10, baseSeconds: 5, capSeconds: 120, forgetAfterSeconds: 3600 };
const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');
const vnDay = (at: Date): IsoDate => vnDateOfInstant(at.getTime());

/** Staff open a kiosk at their own service point; it serves until the end of today (Vietnam time). */
export async function openKiosk(ctx: ServiceContext): Promise<OpenedKiosk> {
  assertCan(ctx.actor, 'queue.serve');
  const actor = ctx.actor;
  if (actor.scope.kind !== 'servicePoint') throw forbidden('NOT_AT_A_SERVICE_POINT', 'Chỉ nhân viên tại một điểm tiếp nhận được mở máy lấy số.');
  const place = await servicePointPlace(ctx.db, actor.scope.servicePointId);
  if (!place) throw notFound('SERVICE_POINT_NOT_FOUND', 'Không tìm thấy điểm phục vụ của bạn.');
  const now = ctx.clock.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(vnMidnightOf(addDays(vnDay(now), 1)));
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('queue_kiosks').values({ service_point_id: place.id, token_hash: hashOf(token), opened_by: actor.userId, opened_at: now, expires_at: expiresAt })
      .returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'queue.kiosk.open', entity: 'queue_kiosk', entityKey: row.id, at: now, payload: { servicePointCode: place.code } });
  });
  return { token, servicePointCode: place.code, servicePointName: place.name, expiresAt: expiresAt.toISOString() };
}

interface Kiosk { readonly id: number; readonly place: ServicePointPlace }

/** The kiosk a token opens, or 403: unknown, closed or expired tokens open nothing. */
export async function kioskOf(db: Database, token: string | undefined, now: Date): Promise<Kiosk> {
  const refused = forbidden('KIOSK_NOT_OPEN', 'Máy lấy số chưa được mở hoặc đã hết phiên. Nhân viên cần mở lại máy lấy số.');
  if (!token || token.length > 200) throw refused;
  const row = await db.selectFrom('queue_kiosks').select(['id', 'service_point_id']).where('token_hash', '=', hashOf(token))
    .where('closed_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  const place = row ? await servicePointPlace(db, row.service_point_id) : null;
  if (!row || !place) throw refused;
  return { id: row.id, place };
}

export async function kioskInfo(deps: KioskDeps, token: string | undefined): Promise<{ servicePointCode: string; servicePointName: string }> {
  const { place } = await kioskOf(deps.db, token, deps.clock.now());
  return { servicePointCode: place.code, servicePointName: place.name };
}

/** A walk-in ticket: the next number of the service point's day. */
export async function takeWalkInTicket(deps: KioskDeps, token: string | undefined, input: { readonly priority: boolean }): Promise<IssuedTicket> {
  const now = deps.clock.now();
  const kiosk = await kioskOf(deps.db, token, now);
  await assertKioskRate(deps, kiosk, now);
  return issue(deps.db, kiosk, now, { kind: 'walk_in', priority: input.priority, booking: null });
}

/**
 * Check-in by booking code: a booked ticket carrying what the booking says (the intake is
 * prefilled from it). The same booking checked in again gets its ticket back, not a second one.
 */
export async function checkInBooking(deps: KioskDeps, token: string | undefined, input: { readonly bookingCode: string; readonly priority?: boolean }): Promise<IssuedTicket> {
  const now = deps.clock.now();
  const kiosk = await kioskOf(deps.db, token, now);
  const throttleKey = `queue-checkin:${kiosk.id}`;
  const claim = await claimAttempt(deps.db, [{ key: throttleKey, policy: CHECK_IN_GUESSES }], now);
  if (!claim.allowed) throw tooManyRequests('CHECK_IN_TOO_MANY', `Nhập sai mã lịch hẹn nhiều lần. Vui lòng thử lại sau ${claim.retryAfterSeconds} giây hoặc hỏi nhân viên.`, claim.retryAfterSeconds);
  const code = normaliseBookingCode(input.bookingCode);
  const booking = code ? await deps.lookupBooking(deps.db, code) : null;
  if (!booking || booking.servicePointId !== kiosk.place.id) throw notFound('BOOKING_NOT_FOUND', 'Không tìm thấy lịch hẹn với mã này tại điểm phục vụ này. Vui lòng kiểm tra lại mã trong tin nhắn.');
  if (!booking.active) throw conflict('BOOKING_NOT_ACTIVE', 'Lịch hẹn này đã bị hủy hoặc đã qua.');
  if (vnDay(booking.startsAt) !== vnDay(now)) {
    throw conflict('BOOKING_NOT_TODAY', `Lịch hẹn này vào ngày ${formatDay(vnDay(booking.startsAt))}, không phải hôm nay.`);
  }
  await clearAttempts(deps.db, throttleKey);
  const existing = await deps.db.selectFrom('queue_tickets').select('id').where('booking_code', '=', booking.code).executeTakeFirst();
  if (existing) return ticketView(deps.db, existing.id, kiosk.place, 0);
  await assertKioskRate(deps, kiosk, now);
  return issue(deps.db, kiosk, now, { kind: 'booked', priority: input.priority ?? false, booking });
}

const formatDay = (day: IsoDate): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

async function assertKioskRate(deps: KioskDeps, kiosk: Kiosk, now: Date): Promise<void> {
  const recent = await deps.db.selectFrom('queue_tickets').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kiosk_id', '=', kiosk.id).where('issued_at', '>', new Date(now.getTime() - 60_000)).executeTakeFirstOrThrow();
  if (Number(recent.n) >= deps.ticketsPerMinute) throw tooManyRequests('KIOSK_TOO_MANY_TICKETS', 'Máy lấy số đang bận. Vui lòng chờ một phút rồi lấy số lại.', 60);
}

async function issue(db: Database, kiosk: Kiosk, now: Date, what: { kind: TicketKind; priority: boolean; booking: BookedVisit | null }): Promise<IssuedTicket> {
  const day = vnDay(now);
  const { id, ahead } = await db.transaction().execute(async (trx) => {
    // gap-free per service point and day: the number is taken in the transaction that writes the ticket
    const taken = await nextRegisterNumberSql({ servicePointId: kiosk.place.id, year: vnYearOfInstant(now.getTime()), register: `queue:${day}`, provinceCode: kiosk.place.provinceCode }).execute(trx);
    const number = taken.rows[0]?.last_number;
    if (number === undefined) throw new Error('register: no number taken');
    const b = what.booking;
    const row = await trx.insertInto('queue_tickets').values({
      service_point_id: kiosk.place.id, unit_path: kiosk.place.unitPath, province_code: kiosk.place.provinceCode, day, number,
      kind: what.kind, priority: what.priority, kiosk_id: kiosk.id, issued_at: now,
      booking_code: b?.code ?? null, booked_at: b?.startsAt ?? null, procedure_code: b?.procedureCode ?? null, procedure_name: b?.procedureName ?? null,
      applicant_name: b?.applicantName ?? null, applicant_personal_id: b?.applicantPersonalId ?? null, applicant_phone: b?.applicantPhone ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    const waiting = await trx.selectFrom('queue_tickets').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('province_code', '=', kiosk.place.provinceCode).where('service_point_id', '=', kiosk.place.id).where('day', '=', day)
      .where('status', '=', 'waiting').where('id', '<>', row.id).executeTakeFirstOrThrow();
    // the booking is marked arrived in the same transaction: no no-show is recorded for someone in the queue
    if (b) await markArrived(trx, null, b.code, now);
    await notifySql(QUEUE_CHANNEL, String(kiosk.place.id)).execute(trx);
    return { id: row.id, ahead: Number(waiting.n) };
  });
  return ticketView(db, id, kiosk.place, ahead);
}

async function ticketView(db: Database, id: number, place: ServicePointPlace, waitingAhead: number): Promise<IssuedTicket> {
  const t = await db.selectFrom('queue_tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return {
    id: t.id, label: ticketLabel(t), number: t.number, kind: t.kind, priority: t.priority, day: t.day, issuedAt: t.issued_at.toISOString(),
    servicePointName: place.name, waitingAhead, bookedAt: t.booked_at?.toISOString() ?? null, procedureName: t.procedure_name,
  };
}

/** Staff close the kiosks of their service point (a lost or stolen kiosk stops working at once). */
export async function closeKiosks(ctx: ServiceContext): Promise<{ closed: number }> {
  assertCan(ctx.actor, 'queue.serve');
  const actor = ctx.actor;
  if (actor.scope.kind !== 'servicePoint') throw forbidden('NOT_AT_A_SERVICE_POINT', 'Chỉ nhân viên tại một điểm tiếp nhận được đóng máy lấy số.');
  const servicePointId = actor.scope.servicePointId;
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('queue_kiosks').set({ closed_at: now }).where('service_point_id', '=', servicePointId)
      .where('closed_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
    const closed = Number(r.numUpdatedRows);
    await recordAudit(trx, actor, { action: 'queue.kiosk.close', entity: 'queue_kiosk', entityKey: servicePointId, at: now, payload: { closed } });
    return { closed };
  });
}
