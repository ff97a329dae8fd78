// The `toAgency` leg (QĐ 45/2016/QĐ-TTg art. 7; TT 17/2017/TT-BTTTT art. 5.1; DOMAIN §5.2 steps
// 6–8): the sealed parcel's carriage from the post office to the competent agency. The pickup leg
// ends at the post office (its `handedOver`), the toAgency leg at the agency's desk: the hand-over
// record closes it. The leg is opened at the seal (assigned to the courier who sealed it, a
// dispatcher may re-assign it), or by the hand-over for a parcel sealed before toAgency legs existed.
import type { Transaction } from 'kysely';
import { procedureForIntake } from '../catalog/references';
import { communeByCode, competentAgencyFor } from '../directory/references';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { forbidden, invalidTransition } from '../platform/errors';
import { vnDateOfInstant } from '../shared/civil-date';
import type { Position } from './model';
import { getShipment } from './queries';
import { postalStaff, shipmentNotFound, type PostalStaff } from './scope';
import { parseTrackingNumber } from './tracking-number';
import { appendLegEvent, lockLeg, nextTrackingNumber, statusOf, type LegRow } from './trail-store';
import type { ShipmentView } from './views';

/** The agency competent for a shipment's procedure in the applicant's unit (null when the directory cannot name one). */
export async function competentAgencyOfShipment(ctx: Pick<ServiceContext, 'db'>, s: Pick<ShipmentView, 'procedureCode' | 'draft' | 'commune'>, at: Date): Promise<{ id: number; name: string } | null> {
  const day = vnDateOfInstant(at.getTime());
  const unitCode = (s.draft.applicant as { unitCode?: unknown } | undefined)?.unitCode;
  const procedure = await procedureForIntake(ctx.db, s.procedureCode, day);
  const unit = await communeByCode(ctx.db, typeof unitCode === 'string' ? unitCode : s.commune.code, day);
  return competentAgencyFor(ctx.db, procedure, unit, day).catch(() => null);
}

/** The toAgency leg of a shipment (locked), or undefined. */
export const toAgencyLegOf = (trx: Transaction<DB>, shipmentId: number): Promise<LegRow | undefined> =>
  trx.selectFrom('postal_legs').selectAll().where('shipment_id', '=', shipmentId).where('kind', '=', 'toAgency').forUpdate().executeTakeFirst();

/**
 * Opens the toAgency leg of a sealed shipment (once): its tracking number, the agency it goes to,
 * `requested` and, when a courier carries it, `assigned`. Returns the leg.
 */
export async function openToAgencyLeg(
  trx: Transaction<DB>, s: { id: number; service_point_id: number; province_code: string }, agencyId: number | null, courier: Pick<PostalStaff, 'userId' | 'fullName'> | null, at: Date,
  /** the clerk who asked (a forwarded dossier); absent: the system at the seal */
  requestedBy: PostalStaff | null = null,
): Promise<LegRow> {
  const existing = await toAgencyLegOf(trx, s.id);
  if (existing) return existing;
  const trackingNumber = await nextTrackingNumber(trx);
  const leg = await trx.insertInto('postal_legs').values({
    shipment_id: s.id, province_code: s.province_code, kind: 'toAgency', tracking_number: trackingNumber, status: 'requested', service_point_id: s.service_point_id, agency_id: agencyId,
    courier_id: courier?.userId ?? null, courier_name: courier?.fullName ?? null, created_at: at, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow();
  const source = requestedBy ? 'staff' : 'system';
  await appendLegEvent(trx, leg.id, { eventId: `requested-${leg.id}`, kind: 'requested', at, source, payload: { agencyId } }, requestedBy, at);
  if (courier) await appendLegEvent(trx, leg.id, { eventId: `assigned-${leg.id}-0`, kind: 'assigned', at, source, payload: { courierId: courier.userId, courierName: courier.fullName } }, requestedBy, at);
  return (await lockLeg(trx, { id: leg.id })) as LegRow;
}

/**
 * The parcel leaves the post office for the agency in the courier's hands: the pickup leg ends at
 * the post office (`handedOver`) and the toAgency leg is `collected` (the courier takes it when
 * nobody carries it yet). Repeats of the same step change nothing.
 */
export async function departToAgency(trx: Transaction<DB>, shipmentId: number, staff: PostalStaff, at: Date, position?: Position): Promise<LegRow> {
  const pickup = await trx.selectFrom('postal_legs').selectAll().where('shipment_id', '=', shipmentId).where('kind', '=', 'pickup').forUpdate().executeTakeFirst();
  const leg = await toAgencyLegOf(trx, shipmentId);
  if (!leg) throw shipmentNotFound();
  if (statusOf(leg) === 'collected') return leg;
  if (statusOf(leg) === 'handedOver') throw invalidTransition('PARCEL_ALREADY_HANDED_OVER', `Bưu gửi ${leg.tracking_number} đã bàn giao cho cơ quan.`);
  if (leg.courier_id !== null && leg.courier_id !== staff.userId) throw forbidden('NOT_YOUR_PARCEL', 'Bưu gửi này được giao cho bưu tá khác chuyển đến cơ quan.');
  if (leg.courier_id === null) {
    await trx.updateTable('postal_legs').set({ courier_id: staff.userId, courier_name: staff.fullName }).where('id', '=', leg.id).execute();
    await appendLegEvent(trx, leg.id, { eventId: `assigned-${leg.id}-${leg.version}`, kind: 'assigned', at, source: 'courier', payload: { courierId: staff.userId, courierName: staff.fullName } }, staff, at);
  }
  if (pickup && statusOf(pickup) === 'collected') {
    await appendLegEvent(trx, pickup.id, { eventId: `handedOver-${pickup.id}`, kind: 'handedOver', at, source: 'courier', note: 'Về bưu cục', payload: { toAgencyLeg: leg.tracking_number } }, staff, at);
  }
  await appendLegEvent(trx, leg.id, { eventId: `collected-${leg.id}`, kind: 'collected', at, source: 'courier', position: position ?? null, payload: {} }, staff, at);
  return (await lockLeg(trx, { id: leg.id })) as LegRow;
}

/** `POST …/legs/{n}/depart`: the courier leaves the post office with the parcel for the agency (n: the toAgency or the pickup number). */
export async function departWithParcel(ctx: ServiceContext, trackingNumber: string, input: { position?: Position } = {}): Promise<ShipmentView> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  const now = ctx.clock.now();
  const shipmentId = await ctx.db.transaction().execute(async (trx) => {
    const seen = await lockLeg(trx, { trackingNumber: parseTrackingNumber(trackingNumber) ?? '' });
    if (!seen || seen.service_point_id !== staff.scope.servicePointId || (seen.kind !== 'toAgency' && seen.kind !== 'pickup')) throw shipmentNotFound();
    const s = await trx.selectFrom('postal_shipments').select(['id', 'sealed_at']).where('id', '=', seen.shipment_id).executeTakeFirstOrThrow();
    if (s.sealed_at === null) throw invalidTransition('PARCEL_NOT_COLLECTED', 'Bưu gửi chưa được nhận và niêm phong.');
    await departToAgency(trx, s.id, staff, now, input.position);
    return s.id;
  });
  return getShipment(ctx, shipmentId);
}
