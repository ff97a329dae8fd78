// Reads of appointments: the free slots (public: the portal asks before anyone signs in), one
// booking through its signed link, and the day's bookings of a service point for its staff.
import { assertCan, can, isWithinScope } from '../accounts/policy';
import { bookablePoint } from '../directory/references';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import type { BookedVisit } from './queue-kiosk';
import { forbidden, notFound, validationFailed } from '../platform/errors';
import { addDays, formatVnInstant, parseIsoDate, vnDateOfInstant, vnInstant, type IsoDate } from '../shared/civil-date';
import { liveBookings, loadAvailability, requestedRange } from './availability';
import { bookingView, type BookingView } from './booking-view';
import { appointmentSecret, isBookingLinkToken } from './keys';
import type { Purpose } from './model';
import { generateSlots } from './slots';

export interface SlotView {
  /** ISO 8601 in Vietnam time */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly capacity: number;
  readonly free: number;
}

export interface SlotList {
  readonly servicePoint: { readonly code: string; readonly name: string; readonly address: string };
  readonly procedureCode: string;
  readonly purpose: Purpose;
  /** one service's minutes (a visit at home: the visit, without the travel around it) */
  readonly serviceMinutes: number;
  /** a visit at home: the address's commune in force */
  readonly commune: { readonly code: string; readonly name: string } | null;
  readonly slots: SlotView[];
}

function dateOrRefuse(text: string | undefined, path: string): IsoDate | undefined {
  if (text === undefined) return undefined;
  const date = parseIsoDate(text);
  if (!date) throw validationFailed('DATE_INVALID', 'Ngày không hợp lệ (YYYY-MM-DD).', [{ path, message: 'không hợp lệ' }]);
  return date;
}

/** The offered slots of [from, to] (at most 62 days), with their free seats; full slots are listed with free 0. */
export async function listSlots(ctx: ServiceContext, query: { servicePointCode: string; procedureCode: string; purpose: Purpose; from?: string; to?: string; communeCode?: string }): Promise<SlotList> {
  const now = ctx.clock.now().getTime();
  const range = requestedRange(now, dateOrRefuse(query.from, 'from'), dateOrRefuse(query.to, 'to'));
  if (range.to < range.from) throw validationFailed('DATE_RANGE_INVALID', 'Ngày kết thúc phải sau ngày bắt đầu.', [{ path: 'to', message: 'trước ngày bắt đầu' }]);
  const availability = await loadAvailability(ctx.db, { ...query, ...range });
  const bookings = await liveBookings(ctx.db, availability.point.id, availability.base.seats, vnInstant(range.from, 0), vnInstant(addDays(range.to, 1), 0));
  const slots = generateSlots({ ...availability.base, from: range.from, to: range.to, now, bookings });
  const { code, name, address } = availability.point;
  return {
    servicePoint: { code, name, address }, procedureCode: query.procedureCode, purpose: query.purpose, serviceMinutes: availability.serviceMinutes, commune: availability.home?.commune ?? null,
    slots: slots.map((s) => ({ startsAt: formatVnInstant(s.start), endsAt: formatVnInstant(s.end), capacity: s.capacity, free: s.freeSeats.length })),
  };
}

/** One booking through its signed link (no sign-in). */
export async function bookingByLink(ctx: ServiceContext, code: string, token: string): Promise<BookingView> {
  const secret = await appointmentSecret(ctx.db);
  const row = await ctx.db.selectFrom('bookings').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row || !isBookingLinkToken(secret, code, row.link_version, token)) throw notFound('BOOKING_NOT_FOUND', 'Không tìm thấy lịch hẹn hoặc đường dẫn đã hết hiệu lực.');
  const point = await bookablePoint(ctx.db, { id: row.service_point_id }, vnDateOfInstant(row.starts_at.getTime()));
  return bookingView(row, point ?? { code: '', name: '', address: '' });
}

/** The bookings of one day at a service point, in time order, for its staff (and administrators of its unit). */
export async function listDayBookings(ctx: ServiceContext, query: { servicePointCode: string; date: string }): Promise<{ items: BookingView[] }> {
  assertCan(ctx.actor, 'appointments.serve');
  return dayBookings(ctx, query);
}

/**
 * The visits at home of one day at a service point, in time order; each is also a pickup assigned
 * to its courier (src/postal/booked-visits.ts), which is how the courier's day plan shows it.
 */
export async function listHomeVisits(ctx: ServiceContext, query: { servicePointCode: string; date: string }): Promise<{ items: BookingView[] }> {
  if (!ctx.actor || !(can(ctx.actor, 'appointments.serve') || can(ctx.actor, 'postal.courier'))) throw forbidden('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
  return dayBookings(ctx, query, 'home');
}

async function dayBookings(ctx: ServiceContext, query: { servicePointCode: string; date: string }, purpose?: Purpose): Promise<{ items: BookingView[] }> {
  const actor = ctx.actor;
  const date = dateOrRefuse(query.date, 'date') as IsoDate;
  const point = await bookablePoint(ctx.db, { code: query.servicePointCode }, date);
  if (!actor || !point || !isWithinScope(actor, { unitPaths: [point.unitPath], servicePointIds: [point.id] })) {
    throw notFound('SERVICE_POINT_NOT_FOUND', `Không tìm thấy điểm phục vụ mã ${query.servicePointCode}.`);
  }
  const rows = await ctx.db.selectFrom('bookings').selectAll().where('service_point_id', '=', point.id)
    .where('starts_at', '>=', new Date(vnInstant(date, 0))).where('starts_at', '<', new Date(vnInstant(addDays(date, 1), 0)))
    .$if(purpose !== undefined, (q) => q.where('purpose', '=', purpose ?? 'home'))
    .orderBy('starts_at').orderBy('seat').execute();
  return { items: rows.map((r) => bookingView(r, point)) };
}

/**
 * A booking as the queue's check-in reads it (`BookingLookup` of queue-kiosk.ts, wired in
 * src/app.ts): active while booked or arrived and not yet ended.
 */
export async function lookupBookedVisit(db: Database, code: string, now: Date = new Date()): Promise<BookedVisit | null> {
  const row = await db.selectFrom('bookings').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return null;
  return {
    code: row.code, servicePointId: row.service_point_id, startsAt: row.starts_at, procedureCode: row.procedure_code, procedureName: row.procedure_name,
    applicantName: row.name, applicantPersonalId: row.personal_id, applicantPhone: row.phone,
    active: (row.status === 'booked' || row.status === 'arrived') && row.ends_at > now,
  };
}
