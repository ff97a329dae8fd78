// The carrier's order for each sealed parcel on its way to the agency (issue 13 §7; QĐ 45 art. 15:
// the post's own systems follow the item): a job places an order for every toAgency leg that has
// none — under the leg's tracking number (the carrier answers the same order when asked again), the
// post office as sender, the competent agency as receiver, the weight saved at the door — and keeps
// the carrier's order id and charge on the leg. Outside any use case's transaction (DESIGN §2: no
// outgoing call inside a transaction); a carrier outage stops the run, the next tick goes on.
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { everyMinutesCron, type JobDefinition } from '../platform/jobs';
import { agencyById, servicePointAddress, servicePointPlace } from '../directory/references';
import type { CarrierAdapter, CarrierOrderRequest, CarrierParty } from './carrier';
import { CarrierError } from './carrier-http';

export const CARRIER_ORDER_JOB = 'postal.carrierOrders';

export interface CarrierOrderDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly carrier: CarrierAdapter;
}

export interface OrdersPlaced {
  readonly placed: number;
  /** legs the carrier refused (a 4xx: the same request cannot pass), tried again at the next run */
  readonly refused: number;
}

/** The statistics code at the end of a unit path ('/82/29926/' → '29926'). */
const unitCodeOf = (path: string): string => path.split('/').filter(Boolean).at(-1) ?? '';

async function orderRequest(db: Database, leg: { trackingNumber: string; servicePointId: number; agencyId: number; weightGrams: number }): Promise<CarrierOrderRequest | null> {
  const [office, place, agency] = await Promise.all([servicePointAddress(db, leg.servicePointId), servicePointPlace(db, leg.servicePointId), agencyById(db, leg.agencyId)]);
  if (!office || !place || !agency) return null;
  const sender: CarrierParty = { name: office.name, phone: null, address: office.address, communeCode: unitCodeOf(place.unitPath) };
  // the directory keeps no street address of an agency: the carrier delivers to it by name in its commune
  const receiver: CarrierParty = { name: agency.name, phone: null, address: agency.name, communeCode: unitCodeOf(agency.unitPath) };
  return { trackingNumber: leg.trackingNumber, kind: 'toAgency', sender, receiver, weightGrams: leg.weightGrams, declaredValueVnd: 0 };
}

/** Places the orders still missing, oldest leg first, at most `batch` a run. */
export async function placeCarrierOrders(deps: CarrierOrderDeps, batch = 50): Promise<OrdersPlaced> {
  const legs = await deps.db.selectFrom('postal_legs as l').innerJoin('postal_shipments as s', (j) => j.onRef('s.province_code', '=', 'l.province_code').onRef('s.id', '=', 'l.shipment_id'))
    .select(['l.id', 'l.tracking_number', 'l.service_point_id', 'l.agency_id', 's.draft'])
    .where('l.kind', '=', 'toAgency').where('l.carrier_order_id', 'is', null).where('s.sealed_at', 'is not', null)
    .orderBy('l.id').limit(batch).execute();
  let placed = 0;
  let refused = 0;
  for (const l of legs) {
    const weightGrams = typeof l.draft.weightGrams === 'number' ? l.draft.weightGrams : null;
    const request = l.agency_id === null || weightGrams === null ? null
      : await orderRequest(deps.db, { trackingNumber: l.tracking_number, servicePointId: l.service_point_id, agencyId: l.agency_id, weightGrams });
    if (!request) continue;
    try {
      const order = await deps.carrier.createOrder(request);
      await deps.db.updateTable('postal_legs').set({ carrier_order_id: order.orderId, carrier_charge_vnd: order.chargeVnd, carrier_name: deps.carrier.name })
        .where('id', '=', l.id).where('carrier_order_id', 'is', null).execute();
      placed += 1;
    } catch (e) {
      if (!(e instanceof CarrierError) || e.transient) throw e;
      refused += 1;
    }
  }
  return { placed, refused };
}

/** The job: with the poll's interval, and at start. */
export function carrierOrderJob(deps: CarrierOrderDeps & { readonly everyMinutes: number }): JobDefinition & { readonly handler: () => Promise<OrdersPlaced> } {
  return { name: CARRIER_ORDER_JOB, cron: everyMinutesCron(deps.everyMinutes), runAtStart: true, handler: () => placeCarrierOrders(deps) };
}
