// A local stand-in for the post's order and tracking services (carrier.ts): orders numbered in
// memory, a flat postage per weight class, and an event feed the test (or the demo) fills — with the
// faults a real feed has: events repeated, delivered late, out of order.
import type { CarrierAdapter, CarrierEvent, CarrierOrder } from './carrier';

export class CarrierSimulator implements CarrierAdapter {
  readonly name = 'simulator';
  private readonly orders = new Map<string, { trackingNumber: string; weightGrams: number }>();
  private readonly feed: CarrierEvent[] = [];
  private nextOrder = 1;

  async createOrder(leg: { trackingNumber: string; kind: string; weightGrams: number }): Promise<CarrierOrder> {
    const orderId = `SIM-${String(this.nextOrder++).padStart(6, '0')}`;
    this.orders.set(orderId, { trackingNumber: leg.trackingNumber, weightGrams: leg.weightGrams });
    return { orderId, trackingNumber: leg.trackingNumber };
  }

  /** 20,000 VND up to 500 g, then 5,000 VND per further 500 g [U: a stand-in, not the MIC tariff]. */
  async charge(orderId: string): Promise<{ amountVnd: number }> {
    const o = this.orders.get(orderId);
    if (!o) throw new Error(`no such order ${orderId}`);
    return { amountVnd: 20_000 + Math.max(0, Math.ceil((o.weightGrams - 500) / 500)) * 5_000 };
  }

  /** The test's hand: puts events in the feed in the order given (repeats and late ones included). */
  emit(...events: CarrierEvent[]): void {
    this.feed.push(...events);
  }

  async events(cursor: string | null): Promise<{ events: readonly CarrierEvent[]; cursor: string | null }> {
    const from = cursor === null ? 0 : Number(cursor);
    return { events: this.feed.slice(from), cursor: String(this.feed.length) };
  }
}
