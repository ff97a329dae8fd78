// A local stand-in for the post's order and tracking services (carrier.ts): orders numbered in
// memory (one per tracking number, as the carrier's own dedupe), a flat postage per weight class,
// and an event feed the test (or the demo) fills — with the faults a real feed has: events
// repeated, delivered late, out of order. Used in-process (the default `AppDeps.carrier`) or served
// over HTTP on the loopback by carrier-sim-server.ts, through which the HTTP adapter talks to it.
import type { CarrierAdapter, CarrierEvent, CarrierFeedPage, CarrierOrder, CarrierOrderRequest } from './carrier';

/** The carrier's record of an order. */
export interface SimulatedOrder extends CarrierOrder {
  readonly request: CarrierOrderRequest;
}

export class CarrierSimulator implements CarrierAdapter {
  readonly name = 'simulator';
  private readonly orders = new Map<string, SimulatedOrder>();
  private readonly byTracking = new Map<string, SimulatedOrder>();
  private readonly feed: CarrierEvent[] = [];
  private nextOrder = 1;

  /** 20,000 VND up to 500 g, then 5,000 VND per further 500 g [U: a stand-in, not the MIC tariff]. */
  static chargeFor(weightGrams: number): number {
    return 20_000 + Math.max(0, Math.ceil((weightGrams - 500) / 500)) * 5_000;
  }

  async createOrder(request: CarrierOrderRequest): Promise<CarrierOrder> {
    const known = this.byTracking.get(request.trackingNumber);
    if (known) return { orderId: known.orderId, trackingNumber: known.trackingNumber, chargeVnd: known.chargeVnd };
    const order: SimulatedOrder = {
      orderId: `SIM-${String(this.nextOrder++).padStart(6, '0')}`, trackingNumber: request.trackingNumber,
      chargeVnd: CarrierSimulator.chargeFor(request.weightGrams), request,
    };
    this.orders.set(order.orderId, order);
    this.byTracking.set(order.trackingNumber, order);
    return { orderId: order.orderId, trackingNumber: order.trackingNumber, chargeVnd: order.chargeVnd };
  }

  /** The order as the carrier keeps it; undefined when it has no such order. */
  order(orderId: string): SimulatedOrder | undefined {
    return this.orders.get(orderId);
  }

  /** The order made for a tracking number, if any. */
  orderOfTracking(trackingNumber: string): SimulatedOrder | undefined {
    return this.byTracking.get(trackingNumber);
  }

  async charge(orderId: string): Promise<{ amountVnd: number }> {
    const o = this.orders.get(orderId);
    if (!o) throw new Error(`no such order ${orderId}`);
    return { amountVnd: o.chargeVnd };
  }

  /** The test's hand: puts events in the feed in the order given (repeats and late ones included). */
  emit(...events: CarrierEvent[]): void {
    this.feed.push(...events);
  }

  /** At most `limit` events after `cursor` (a position in the feed), and whether more wait. */
  page(cursor: string | null, limit: number): CarrierFeedPage {
    const n = cursor === null ? 0 : Number(cursor);
    const from = Number.isInteger(n) && n >= 0 ? Math.min(n, this.feed.length) : 0;
    const events = this.feed.slice(from, from + limit);
    return { events, cursor: String(from + events.length), more: from + events.length < this.feed.length };
  }

  async events(cursor: string | null): Promise<CarrierFeedPage> {
    return this.page(cursor, Number.MAX_SAFE_INTEGER);
  }
}
