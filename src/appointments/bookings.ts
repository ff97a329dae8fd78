// Booking, rescheduling and cancelling (issue 14 §3). No double booking is guaranteed by the
// database: the exclusion constraint `bookings_no_double_booking` (migration 0140, ADR 021) refuses
// a second live booking of one seat over overlapping times, whatever two requests decide at the
// same moment. The service picks a free seat from what it read; when a concurrent request took it
// first, the insert fails with 23P01 and the whole attempt is made again on fresh data.
import { randomBytes, randomInt } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { can, isWithinScope } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { conflict, forbidden, notFound, validationFailed } from '../platform/errors';
import { servicePointAddress } from '../directory/references';
import { queueTextSms } from '../notifications/service';
import { formatVnInstant, parseInstant, vnDateOfInstant } from '../shared/civil-date';
import { liveBookings, loadAvailability } from './availability';
import { papersToBring, procedurePapers } from './booking-papers';
import { bookingView, manageLinkPath, type BookingRow, type BookingWithLink } from './booking-view';
import { appointmentSecret, bookingLinkToken, isBookingLinkToken } from './keys';
import { bookingCodeFrom, holderKeyOf, PERSONAL_ID_RE, type BookingChannel, type Purpose } from './model';
import { verifiedPhone } from './one-time-codes';
import { checkPickup } from './pickup';
import type { HomeArea } from './home-areas';
import { moveBookedVisitPickup, openBookedVisitPickup, releaseBookedVisitPickup } from '../postal/service';
import { slotAt } from './slots';

export interface BookingDeps extends ServiceContext {
  /** the public address of the portal, for the link in the confirmation SMS */
  readonly publicUrl: string;
}

export interface BookingInput {
  readonly servicePointCode: string;
  readonly procedureCode: string;
  readonly purpose: Purpose;
  /** the slot's start, ISO 8601 ('2025-04-26T07:30+07:00') */
  readonly startsAt: string;
  readonly name: string;
  readonly personalId?: string;
  readonly phone: string;
  /** from POST /appointments/phone-codes/verify: the phone was verified by a one-time code */
  readonly phoneVerification: string;
  /** where the courier comes (a visit at home): the address, and its commune (current or pre-2025 code) */
  readonly address?: string;
  readonly communeCode?: string;
  /** the dossier whose result is picked up */
  readonly dossierCode?: string;
  /** staff only: at the counter, or on the phone */
  readonly channel?: Exclude<BookingChannel, 'portal'>;
}

/**
 * The seat was taken by a concurrent request: 23P01, the exclusion constraint refused ours; or
 * 40P01, PostgreSQL broke a deadlock between two inserts that each found the other's tuple while
 * checking the constraint (exclusion constraints are checked after the index insert, so two
 * concurrent conflicting inserts can wait on each other). Either way: read again and retry.
 */
const SEAT_TAKEN_MEANWHILE = 'SEAT_TAKEN_MEANWHILE';
const SEAT_TAKEN = new Set(['23P01', '40P01', SEAT_TAKEN_MEANWHILE]);
const isDoubleBooking = (e: unknown): boolean => SEAT_TAKEN.has(String((e as { code?: unknown })?.code));
/** attempts of one request when concurrent requests keep taking the seat it picked */
const MAX_ATTEMPTS = 10;

function channelOf(actor: Actor | null, asked: BookingInput['channel']): BookingChannel {
  if (actor && can(actor, 'appointments.book')) return asked ?? 'counter';
  if (asked) throw forbidden('FORBIDDEN', 'Chỉ nhân viên được đặt lịch tại quầy hoặc qua điện thoại.');
  return 'portal';
}

function startOf(text: string): number {
  const start = parseInstant(text);
  if (start === null) throw validationFailed('SLOT_START_INVALID', 'Thời điểm hẹn không hợp lệ.', [{ path: 'startsAt', message: 'không hợp lệ' }]);
  return start;
}

/** Takes a slot for the applicant: the phone verified, one future booking per procedure, a seat the database guarantees. */
export async function createBooking(deps: BookingDeps, input: BookingInput): Promise<BookingWithLink> {
  const actor = deps.actor;
  const channel = channelOf(actor, input.channel);
  const now = deps.clock.now();
  const personalId = actor?.scope.kind === 'self' && actor.scope.personalId ? actor.scope.personalId : input.personalId?.trim() || null;
  if (personalId !== null && !PERSONAL_ID_RE.test(personalId)) throw validationFailed('PERSONAL_ID_INVALID', 'Số định danh cá nhân phải gồm 12 chữ số.', [{ path: 'personalId', message: 'không hợp lệ' }]);
  const name = input.name.trim();
  if (name === '') throw validationFailed('NAME_REQUIRED', 'Vui lòng nhập họ tên.', [{ path: 'name', message: 'bắt buộc' }]);
  const phone = await verifiedPhone(deps.db, input.phoneVerification, 'booking', now);
  const holderKey = holderKeyOf(personalId, input.phone);
  if (!phone || !holderKey || holderKeyOf(null, input.phone) !== `phone:${phone}`) {
    throw validationFailed('PHONE_NOT_VERIFIED', 'Số điện thoại chưa được xác thực bằng mã gửi qua tin nhắn (hoặc mã đã quá 30 phút).', [{ path: 'phoneVerification', message: 'chưa xác thực' }]);
  }
  if (input.purpose === 'home' && !input.address?.trim()) throw validationFailed('ADDRESS_REQUIRED', 'Vui lòng nhập địa chỉ để bưu tá đến.', [{ path: 'address', message: 'bắt buộc' }]);
  if (input.purpose === 'home' && !input.communeCode?.trim()) throw validationFailed('COMMUNE_REQUIRED', 'Vui lòng chọn xã, phường nơi bưu tá đến.', [{ path: 'communeCode', message: 'bắt buộc' }]);
  const start = startOf(input.startsAt);
  const day = vnDateOfInstant(start);
  // a result's pickup: the dossier's own place and procedure, not before the result is due
  if (input.purpose === 'pickup') await checkPickup(deps, input, personalId, day, vnDateOfInstant(now.getTime()));
  // the reference reads (procedure, secret, point, rules, counters, calendar) once per request, in
  // parallel and outside the transaction: a retry after a lost race reads only the live bookings
  const [procedure, secret, availability] = await Promise.all([
    procedurePapers(deps, input.procedureCode, day),
    appointmentSecret(deps.db),
    loadAvailability(deps.db, { servicePointCode: input.servicePointCode, procedureCode: input.procedureCode, purpose: input.purpose, today: vnDateOfInstant(now.getTime()), from: day, to: day, communeCode: input.communeCode }),
  ]);
  if (input.purpose === 'home' && !procedure.postalAllowed) {
    throw validationFailed('PROCEDURE_NOT_BY_POST', 'Thủ tục này phải nộp trực tiếp tại quầy, bưu tá không nhận tại nhà được.', [{ path: 'procedureCode', message: 'không nhận qua bưu chính' }]);
  }
  if (actor && channel !== 'portal' && !isWithinScope(actor, { unitPaths: [availability.point.unitPath], servicePointIds: [availability.point.id] }) && actor.scope.kind === 'servicePoint') {
    throw forbidden('OTHER_SERVICE_POINT', 'Nhân viên tại quầy chỉ đặt lịch tại điểm phục vụ của mình.');
  }

  for (let attempt = 1; ; attempt++) {
    try {
      const row = await deps.db.transaction().execute(async (trx) => {
        // one holder at a time: "one future booking per procedure" (per purpose; a pickup per dossier) is checked and written together
        await sql`SELECT pg_advisory_xact_lock(hashtext(${holderKey}))`.execute(trx);
        const held = await trx.selectFrom('bookings').select('code').where('holder_key', '=', holderKey).where('procedure_code', '=', input.procedureCode)
          .where('purpose', '=', input.purpose).$if(input.purpose === 'pickup', (q) => q.where('dossier_code', '=', input.dossierCode?.trim() ?? ''))
          .where('status', '=', 'booked').where('starts_at', '>', now).executeTakeFirst();
        if (held) throw conflict('ALREADY_BOOKED', `Ông/bà đã có lịch hẹn ${held.code} cho thủ tục này. Vui lòng hủy hoặc đổi lịch đó.`);
        const seat = await freeSeatAt(trx, availability, start, now.getTime());
        const booked = await trx.insertInto('bookings').values({
          code: bookingCodeFrom(randomBytes(8)), service_point_id: availability.point.id, province_code: availability.point.provinceCode, unit_path: availability.point.unitPath,
          purpose: input.purpose, procedure_code: input.procedureCode, procedure_name: procedure.name, seat: seat.seat,
          starts_at: new Date(start), ends_at: new Date(seat.end), holder_key: holderKey, personal_id: personalId, phone: input.phone.trim(), name,
          address: input.address?.trim() || null, dossier_code: input.dossierCode?.trim() || null, channel, created_by: actor?.userId ?? null, created_at: now,
          commune_code: availability.home?.commune.code ?? null,
        }).returningAll().executeTakeFirstOrThrow();
        // a visit at home is a pickup assigned to its courier, in this same transaction
        const inserted = availability.home ? await withPickup(trx, booked, availability.home, actor, now) : booked;
        await recordAudit(trx, actor, { action: 'appointment.book', entity: 'booking', entityKey: inserted.code, at: now, payload: { seat: seat.seat, startsAt: input.startsAt, channel } });
        await queueSms(trx, deps, inserted, `Đã đặt lịch ${inserted.code}: ${whenText(inserted)} tại ${availability.point.name}. Đổi/hủy: ${linkOf(deps.publicUrl, inserted.code, bookingLinkToken(secret, inserted.code, inserted.link_version))}`);
        return { row: inserted, point: availability.point };
      });
      const papers = await papersToBring(deps, actor, input.procedureCode, procedure, personalId, vnDateOfInstant(now.getTime()));
      return { ...bookingView(row.row, row.point), manageToken: bookingLinkToken(secret, row.row.code, row.row.link_version), ...papers };
    } catch (e) {
      // another request took the seat between our read and our insert: read again
      if (isDoubleBooking(e) && attempt < MAX_ATTEMPTS) continue;
      if (isDoubleBooking(e)) throw slotFull();
      throw e;
    }
  }
}

/** The booked visit's pickup (src/postal): the courier of its seat, the visit as its window. */
async function withPickup(trx: Transaction<DB>, row: BookingRow, home: HomeArea, actor: Actor | null, now: Date): Promise<BookingRow> {
  const courier = home.couriers.find((c) => c.seat === row.seat);
  if (!courier) throw seatTaken();
  const { shipmentId } = await openBookedVisitPickup(trx, {
    servicePointId: row.service_point_id, procedureCode: row.procedure_code, procedureName: row.procedure_name,
    applicant: { name: row.name, phone: row.phone, personalId: row.personal_id }, address: row.address ?? '', commune: home.commune,
    windowFrom: row.starts_at, windowTo: row.ends_at, courier, bookingCode: row.code, origin: row.channel,
  }, actor, now);
  return trx.updateTable('bookings').set({ shipment_id: shipmentId }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
}

const slotFull = () => conflict('SLOT_FULL', 'Khung giờ này vừa hết chỗ. Vui lòng chọn khung giờ khác.');

/** The first free seat of the offered slot starting at `start` (its end with it), or the reason there is none. */
async function freeSeatAt(trx: Transaction<DB>, availability: Awaited<ReturnType<typeof loadAvailability>>, start: number, now: number, exceptId?: number): Promise<{ seat: string; end: number }> {
  const dayStart = start - 86_400_000;
  const bookings = await liveBookings(trx, availability.point.id, availability.base.seats, dayStart, start + 86_400_000, exceptId);
  const day = vnDateOfInstant(start);
  const slot = slotAt({ ...availability.base, from: day, to: day, now, bookings }, start);
  if (!slot) throw validationFailed('SLOT_NOT_OFFERED', 'Khung giờ này không nhận đặt lịch (ngoài giờ làm việc, ngày nghỉ, quá sát giờ hoặc quá xa).', [{ path: 'startsAt', message: 'không nhận đặt lịch' }]);
  // one of the free seats at random: concurrent requests for one slot spread over its seats instead of all racing for the first
  const seat = slot.freeSeats[randomInt(slot.freeSeats.length || 1)];
  if (!seat) throw slotFull();
  // Writers of one seat queue here rather than at the constraint check, where two conflicting
  // inserts can deadlock (a 1 s wait before PostgreSQL breaks it). After the lock, what another
  // writer committed is visible: a seat taken meanwhile is retried at once. One seat lock per
  // transaction, so these locks cannot deadlock; the exclusion constraint stays the guarantee.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`booking-seat:${availability.point.id}:${seat}`}))`.execute(trx);
  if (availability.base.travel) {
    // a visit at home: the courier's visits of the day as committed now must still keep the travel clear of it
    const fresh = await liveBookings(trx, availability.point.id, [seat], dayStart, start + 86_400_000, exceptId);
    if (!slotAt({ ...availability.base, seats: [seat], from: day, to: day, now, bookings: fresh }, start)?.freeSeats.includes(seat)) throw seatTaken();
  } else if ((await liveBookings(trx, availability.point.id, [seat], start, slot.end, exceptId)).length > 0) {
    throw seatTaken();
  }
  return { seat, end: slot.end };
}

/** A seat taken between our read and our lock: the attempt is made again on fresh data. */
const seatTaken = () => Object.assign(new Error('seat taken meanwhile'), { code: SEAT_TAKEN_MEANWHILE });

/** '07:30 26/04/2025' in Vietnam time. */
export const whenText = (row: Pick<BookingRow, 'starts_at'>): string => {
  const t = formatVnInstant(row.starts_at.getTime());
  return `${t.slice(11, 16)} ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
};
const linkOf = (publicUrl: string, code: string, token: string): string => `${publicUrl.replace(/\/+$/, '')}${manageLinkPath(code, token)}`;

/** An SMS to the booking's phone, through the outbox (delivered by its job, retried on failure). */
const queueSms = (trx: Transaction<DB>, deps: ServiceContext, row: BookingRow, text: string): Promise<void> =>
  queueTextSms(trx, { to: row.phone, text, reference: `booking:${row.code}`, provinceCode: row.province_code }, deps.clock.now());

/** The booking a link names, if the link is genuine and current. */
async function bookingByLink(trx: Transaction<DB>, code: string, token: string, secret: string): Promise<BookingRow> {
  const row = await trx.selectFrom('bookings').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  // a wrong token and an unknown code get the same answer
  if (!row || !isBookingLinkToken(secret, code, row.link_version, token)) throw notFound('BOOKING_NOT_FOUND', 'Không tìm thấy lịch hẹn hoặc đường dẫn đã hết hiệu lực.');
  return row;
}

/** Cancels through the signed link: the seat is offered again at once. */
export async function cancelBooking(deps: BookingDeps, code: string, token: string): Promise<BookingWithLink> {
  const now = deps.clock.now();
  const secret = await appointmentSecret(deps.db);
  const { row, point } = await deps.db.transaction().execute(async (trx) => {
    const found = await bookingByLink(trx, code, token, secret);
    if (found.status !== 'booked') throw conflict('BOOKING_NOT_ACTIVE', 'Lịch hẹn này không còn hiệu lực để hủy.');
    const updated = await trx.updateTable('bookings').set({ status: 'cancelled', cancelled_at: now, link_version: found.link_version + 1 })
      .where('id', '=', found.id).returningAll().executeTakeFirstOrThrow();
    if (found.shipment_id !== null) await releaseBookedVisitPickup(trx, found.shipment_id, found.code, deps.actor, now);
    await recordAudit(trx, deps.actor, { action: 'appointment.cancel', entity: 'booking', entityKey: code, at: now, payload: { channel: 'link' } });
    const point = await servicePointAddress(trx, found.service_point_id);
    await queueSms(trx, deps, updated, `Lịch hẹn ${code} (${whenText(updated)}) đã được hủy.`);
    return { row: updated, point: point ?? { code: '', name: '', address: '' } };
  });
  return { ...bookingView(row, point), manageToken: bookingLinkToken(secret, row.code, row.link_version), papers: [], store: null };
}


/** Moves the booking to another offered slot of the same point through the signed link; the old link stops working. */
export async function rescheduleBooking(deps: BookingDeps, code: string, token: string, startsAt: string): Promise<BookingWithLink> {
  const now = deps.clock.now();
  const start = startOf(startsAt);
  const secret = await appointmentSecret(deps.db);
  for (let attempt = 1; ; attempt++) {
    try {
      const { row, point } = await deps.db.transaction().execute(async (trx) => {
        const found = await bookingByLink(trx, code, token, secret);
        if (found.status !== 'booked') throw conflict('BOOKING_NOT_ACTIVE', 'Lịch hẹn này không còn hiệu lực để đổi.');
        const day = vnDateOfInstant(start);
        // a visit at home moves within the same address's commune
        const availability = await loadAvailability(trx, { servicePointId: found.service_point_id, procedureCode: found.procedure_code, purpose: found.purpose, today: vnDateOfInstant(now.getTime()), from: day, to: day, communeCode: found.commune_code });
        const seat = await freeSeatAt(trx, availability, start, now.getTime(), found.id);
        const updated = await trx.updateTable('bookings').set({
          starts_at: new Date(start), ends_at: new Date(seat.end), seat: seat.seat, link_version: found.link_version + 1, reminder_sent_at: null,
        }).where('id', '=', found.id).returningAll().executeTakeFirstOrThrow();
        const courier = availability.home?.couriers.find((c) => c.seat === seat.seat);
        if (found.shipment_id !== null && courier) await moveBookedVisitPickup(trx, found.shipment_id, { windowFrom: updated.starts_at, windowTo: updated.ends_at, courier }, deps.actor, now);
        await recordAudit(trx, deps.actor, { action: 'appointment.reschedule', entity: 'booking', entityKey: code, at: now, payload: { from: found.starts_at.toISOString(), to: startsAt, seat: seat.seat } });
        await queueSms(trx, deps, updated, `Lịch hẹn ${code} đã đổi sang ${whenText(updated)}. Đổi/hủy: ${linkOf(deps.publicUrl, code, bookingLinkToken(secret, code, updated.link_version))}`);
        return { row: updated, point: availability.point };
      });
      const list = await procedurePapers(deps, row.procedure_code, vnDateOfInstant(start));
      const papers = await papersToBring(deps, deps.actor, row.procedure_code, list, row.personal_id, vnDateOfInstant(now.getTime()));
      return { ...bookingView(row, point), manageToken: bookingLinkToken(secret, row.code, row.link_version), ...papers };
    } catch (e) {
      if (isDoubleBooking(e) && attempt < MAX_ATTEMPTS) continue;
      if (isDoubleBooking(e)) throw slotFull();
      throw e;
    }
  }
}
