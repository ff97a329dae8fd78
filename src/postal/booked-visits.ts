// A visit at home booked through the appointments (issue 14 §2) becomes a pickup: the shipment and
// its pickup leg, requested and assigned at once to the courier whose time was booked, with the
// visit as its window — so it is in that courier's day plan (day-plan.ts). Written inside the
// booking's own transaction (the caller's), so a booking never exists without its pickup nor the
// reverse. The booking's SMS tells the citizen; no postal SMS is sent twice.
import type { Transaction } from 'kysely';
import { servicePointPlace } from '../directory/references';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db/schema';
import { invalidTransition, notFound } from '../platform/errors';
import { mayRecord, type PickupOrigin } from './model';
import { appendLegEvent, lockLeg, nextTrackingNumber, statusOf } from './trail-store';

export interface BookedVisit {
  readonly servicePointId: number;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly applicant: { readonly name: string; readonly phone: string; readonly personalId: string | null };
  readonly address: string;
  /** the commune in force (the booking mapped it) */
  readonly commune: { readonly code: string; readonly name: string };
  readonly windowFrom: Date;
  readonly windowTo: Date;
  readonly courier: { readonly userId: number; readonly fullName: string };
  readonly bookingCode: string;
  readonly origin: PickupOrigin;
}

const noteOf = (bookingCode: string) => `Lịch hẹn tại nhà ${bookingCode}`;

async function assign(trx: Transaction<DB>, legId: number, version: number, courier: BookedVisit['courier'], actor: Actor | null, now: Date): Promise<void> {
  await trx.updateTable('postal_legs').set({ courier_id: courier.userId, courier_name: courier.fullName }).where('id', '=', legId).execute();
  await appendLegEvent(trx, legId, { eventId: `assigned-${legId}-${version}`, kind: 'assigned', at: now, source: 'system', payload: { courierId: courier.userId, courierName: courier.fullName } }, actor, now);
}

/** The pickup of a booked visit, assigned to its courier; in the caller's transaction. */
export async function openBookedVisitPickup(trx: Transaction<DB>, visit: BookedVisit, actor: Actor | null, now: Date): Promise<{ shipmentId: number; trackingNumber: string }> {
  const place = await servicePointPlace(trx, visit.servicePointId);
  if (!place) throw notFound('SERVICE_POINT_NOT_FOUND', 'Không tìm thấy bưu cục.');
  const { applicant } = visit;
  const s = await trx.insertInto('postal_shipments').values({
    service_point_id: place.id, unit_path: place.unitPath, province_code: place.provinceCode, origin: visit.origin, procedure_code: visit.procedureCode,
    procedure_name: visit.procedureName, applicant: JSON.stringify({ name: applicant.name, phone: applicant.phone, ...(applicant.personalId ? { personalId: applicant.personalId } : {}) }),
    personal_id: applicant.personalId, address: visit.address, commune_code: visit.commune.code, commune_name: visit.commune.name, requested_commune_code: visit.commune.code,
    window_from: visit.windowFrom, window_to: visit.windowTo, note: noteOf(visit.bookingCode), requested_by: actor?.userId ?? null, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const trackingNumber = await nextTrackingNumber(trx);
  const leg = await trx.insertInto('postal_legs').values({
    shipment_id: s.id, province_code: place.provinceCode, kind: 'pickup', tracking_number: trackingNumber, status: 'requested', service_point_id: place.id, created_at: now, updated_at: now,
  }).returning(['id', 'version']).executeTakeFirstOrThrow();
  await appendLegEvent(trx, leg.id, { eventId: `requested-${leg.id}`, kind: 'requested', at: now, source: 'system', payload: { origin: visit.origin, booking: visit.bookingCode } }, actor, now);
  await assign(trx, leg.id, leg.version + 1, visit.courier, actor, now);
  return { shipmentId: s.id, trackingNumber };
}

async function pickupLegOf(trx: Transaction<DB>, shipmentId: number) {
  const row = await trx.selectFrom('postal_legs').select('tracking_number').where('shipment_id', '=', shipmentId).where('kind', '=', 'pickup').executeTakeFirst();
  const leg = row ? await lockLeg(trx, { trackingNumber: row.tracking_number }) : undefined;
  if (!leg) throw notFound('SHIPMENT_NOT_FOUND', 'Không tìm thấy bưu gửi của lịch hẹn.');
  if (!mayRecord(statusOf(leg), 'assigned')) throw invalidTransition('LEG_NOT_ASSIGNABLE', 'Bưu tá đã nhận hồ sơ của lịch hẹn này, không đổi được nữa.');
  return leg;
}

/** A rescheduled visit: the pickup's window moves, and its courier when another one takes it. */
export async function moveBookedVisitPickup(trx: Transaction<DB>, shipmentId: number, to: Pick<BookedVisit, 'windowFrom' | 'windowTo' | 'courier'>, actor: Actor | null, now: Date): Promise<void> {
  const leg = await pickupLegOf(trx, shipmentId);
  await trx.updateTable('postal_shipments').set({ window_from: to.windowFrom, window_to: to.windowTo }).where('id', '=', shipmentId).execute();
  if (leg.courier_id !== to.courier.userId) await assign(trx, leg.id, leg.version, to.courier, actor, now);
}

/**
 * A cancelled visit: the pickup ends `withdrawn` on its trail ("Đã hủy yêu cầu", with the booking's
 * code) and leaves the courier's day (no courier, no window); its note says why.
 */
export async function releaseBookedVisitPickup(trx: Transaction<DB>, shipmentId: number, bookingCode: string, actor: Actor | null, now: Date): Promise<void> {
  const leg = await pickupLegOf(trx, shipmentId);
  await trx.updateTable('postal_legs').set({ courier_id: null, courier_name: null }).where('id', '=', leg.id).execute();
  await trx.updateTable('postal_shipments').set({ window_from: null, window_to: null, note: `${noteOf(bookingCode)} — đã hủy` }).where('id', '=', shipmentId).execute();
  await appendLegEvent(trx, leg.id, { eventId: `withdrawn-${leg.id}`, kind: 'withdrawn', at: now, source: 'system', note: `Người dân hủy lịch hẹn ${bookingCode}`, payload: { booking: bookingCode } }, actor, now);
}
