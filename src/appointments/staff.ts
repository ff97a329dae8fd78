// What the staff of a service point do with its bookings: record that the applicant came (the
// queue's check-in calls it) or did not come, and the jobs of the day before and the day after:
// reminders, and no-shows recorded for bookings nobody came to.
import type { Kysely, Transaction } from 'kysely';
import { assertCan, isWithinScope } from '../accounts/policy';
import { bookablePoint } from '../directory/references';
import { queueTextSms } from '../notifications/service';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import type { DB } from '../platform/db/schema';
import { conflict, notFound } from '../platform/errors';
import { addDays, vnDateOfInstant, vnInstant } from '../shared/civil-date';
import { bookingView, type BookingRow, type BookingView } from './booking-view';
import { whenText } from './bookings';
import { NO_SHOW_GRACE_MINUTES } from './model';

async function bookingInScope(trx: Transaction<DB>, actor: Actor, code: string): Promise<BookingRow> {
  const row = await trx.selectFrom('bookings').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  if (!row || !isWithinScope(actor, { unitPaths: [row.unit_path], servicePointIds: [row.service_point_id] })) {
    throw notFound('BOOKING_NOT_FOUND', `Không tìm thấy lịch hẹn ${code}.`);
  }
  return row;
}

async function viewOf(db: Database, row: BookingRow): Promise<BookingView> {
  const point = await bookablePoint(db, { id: row.service_point_id }, vnDateOfInstant(row.starts_at.getTime()));
  return bookingView(row, point ?? { code: '', name: '', address: '' });
}

/**
 * The applicant came (check-in at the kiosk or the counter): 'booked' → 'arrived'. For the queue
 * (h-kiosk) inside its own transaction, or through the staff route.
 */
export async function markArrived(trx: Transaction<DB>, actor: Actor | null, code: string, at: Date): Promise<BookingRow> {
  const row = await trx.selectFrom('bookings').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  if (!row) throw notFound('BOOKING_NOT_FOUND', `Không tìm thấy lịch hẹn ${code}.`);
  if (row.status === 'arrived') return row;
  if (row.status !== 'booked') throw conflict('BOOKING_NOT_ACTIVE', 'Lịch hẹn này đã hủy hoặc đã ghi không đến.');
  const updated = await trx.updateTable('bookings').set({ status: 'arrived', arrived_at: at }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
  await recordAudit(trx, actor, { action: 'appointment.arrive', entity: 'booking', entityKey: code, at });
  return updated;
}

/** A clerk records a no-show once the booked time has passed. */
export async function recordNoShow(ctx: ServiceContext, code: string): Promise<BookingView> {
  assertCan(ctx.actor, 'appointments.serve');
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const found = await bookingInScope(trx, actor, code);
    if (found.status !== 'booked') throw conflict('BOOKING_NOT_ACTIVE', 'Chỉ ghi "không đến" cho lịch hẹn còn hiệu lực.');
    if (found.starts_at > now) throw conflict('BOOKING_NOT_STARTED', 'Chưa đến giờ hẹn: chưa thể ghi "không đến".');
    const updated = await trx.updateTable('bookings').set({ status: 'no_show', no_show_at: now }).where('id', '=', found.id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'appointment.noShow', entity: 'booking', entityKey: code, at: now });
    return updated;
  });
  return viewOf(ctx.db, row);
}

/** The arrival through the staff route (the queue's check-in calls markArrived in its own transaction). */
export async function recordArrival(ctx: ServiceContext, code: string): Promise<BookingView> {
  assertCan(ctx.actor, 'appointments.serve');
  const actor = ctx.actor;
  const row = await ctx.db.transaction().execute(async (trx) => {
    await bookingInScope(trx, actor, code);
    return markArrived(trx, actor, code, ctx.clock.now());
  });
  return viewOf(ctx.db, row);
}

/** Job: bookings still 'booked' NO_SHOW_GRACE_MINUTES after their end are recorded as no-shows. Returns how many. */
export async function recordNoShows(db: Kysely<DB>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.updateTable('bookings').set({ status: 'no_show', no_show_at: now })
      .where('status', '=', 'booked').where('ends_at', '<', new Date(now.getTime() - NO_SHOW_GRACE_MINUTES * 60_000))
      // a visit at home is not a visit to the counter: its outcome is its pickup's (collected, or a failed attempt)
      .where('purpose', '!=', 'home')
      // a booking checked in at the kiosk has its queue ticket: the applicant came
      .where((eb) => eb.not(eb.exists(eb.selectFrom('queue_tickets').select('queue_tickets.id').whereRef('queue_tickets.province_code', '=', 'bookings.province_code').whereRef('queue_tickets.booking_code', '=', 'bookings.code'))))
      .returning(['code']).execute();
    for (const r of rows) await recordAudit(trx, null, { action: 'appointment.noShow', entity: 'booking', entityKey: r.code, at: now, payload: { by: 'job' } });
    return rows.length;
  });
}

/**
 * Job: the reminder the day before — every live booking of tomorrow (Vietnam date) not yet
 * reminded gets one SMS through the outbox, and is marked in the same transaction (once only).
 */
export async function sendReminders(db: Kysely<DB>, now: Date): Promise<number> {
  const tomorrow = addDays(vnDateOfInstant(now.getTime()), 1);
  return db.transaction().execute(async (trx) => {
    const rows = await trx.updateTable('bookings').set({ reminder_sent_at: now })
      .where('status', '=', 'booked').where('reminder_sent_at', 'is', null)
      .where('starts_at', '>=', new Date(vnInstant(tomorrow, 0))).where('starts_at', '<', new Date(vnInstant(addDays(tomorrow, 1), 0)))
      .returning(['code', 'phone', 'starts_at', 'purpose', 'province_code']).execute();
    for (const r of rows) {
      await queueTextSms(trx, { to: r.phone, text: `Nhắc lịch hẹn ${r.code}: ${whenText(r)}${r.purpose === 'home' ? ', bưu tá đến tại nhà' : ''}. Vui lòng mang đủ giấy tờ và đến đúng giờ.`, reference: `booking:${r.code}`, provinceCode: r.province_code }, now);
    }
    return rows.length;
  });
}
