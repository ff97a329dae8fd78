// The post's own systems (Vietnam Post's order and tracking services; QĐ 45/2016/QĐ-TTg art. 15 and
// TT 17/2017/TT-BTTTT arts. 15–16: status exchange with the agencies' systems) behind an interface:
// create an order for a leg, charge it, and read its tracking events. `httpCarrier`
// (carrier-http.ts) is the real adapter (MOTCUA_CARRIER_URL); `CarrierSimulator`
// (carrier-simulator.ts) the local stand-in the tests drive, in-process or over HTTP
// (carrier-sim-server.ts). Incoming events go through `ingestCarrierEvents`: idempotent by event id and folded by
// event time, so events that come late, twice or out of order never corrupt a trail.
import type { Database } from '../platform/db/connect';
import type { Clock } from '../platform/clock';
import { trailKinds, type LegKind, type TrailKind } from './model';
import { parseTrackingNumber } from './tracking-number';
import { appendLegEvent, lockLeg } from './trail-store';

/** A party of a carrier order: who hands the parcel over, who receives it. */
export interface CarrierParty {
  readonly name: string;
  readonly phone: string | null;
  readonly address: string;
  /** statistics code of the commune in force */
  readonly communeCode: string;
}

/** What the carrier is asked to carry: one leg, under the leg's own S10 tracking number. */
export interface CarrierOrderRequest {
  readonly trackingNumber: string;
  readonly kind: LegKind;
  readonly sender: CarrierParty;
  readonly receiver: CarrierParty;
  readonly weightGrams: number;
  /** the value declared for insurance (0: papers of no declared value) */
  readonly declaredValueVnd: number;
}

export interface CarrierOrder {
  readonly orderId: string;
  readonly trackingNumber: string;
  /** the postage the carrier charges for the order, in VND */
  readonly chargeVnd: number;
}

export interface CarrierEvent {
  /** the carrier's id of the event: the same id is the same event */
  readonly eventId: string;
  readonly trackingNumber: string;
  readonly kind: TrailKind;
  /** when it happened at the carrier (ISO instant) */
  readonly at: string;
  readonly note?: string;
  readonly position?: { lat: number; lon: number };
}

/** One read of the feed: the events, the cursor to ask from next time, whether more wait, and how many the adapter refused to pass on. */
export interface CarrierFeedPage {
  readonly events: readonly CarrierEvent[];
  readonly cursor: string | null;
  readonly more?: boolean;
  /** events the carrier sent that were not well formed or of a status motcua does not know (skipped, counted) */
  readonly rejected?: number;
}

export interface CarrierAdapter {
  readonly name: string;
  /** Creates the order for a leg (idempotent by tracking number: asking again answers the same order). */
  createOrder(order: CarrierOrderRequest): Promise<CarrierOrder>;
  /** the postage the carrier charges for the order, in VND */
  charge(orderId: string): Promise<{ amountVnd: number }>;
  /** events after `cursor` (null: from the start), and the cursor to ask from next time */
  events(cursor: string | null): Promise<CarrierFeedPage>;
}

export interface IngestResult {
  readonly received: number;
  readonly inserted: number;
  readonly duplicates: number;
  readonly unknown: number;
}

/**
 * Records carrier events on their legs: each in its own transaction with the leg locked, inserted
 * once per (leg, event id), the leg's status re-folded. Events for unknown tracking numbers or of an
 * unknown kind are counted and skipped (never an error that would stop the feed).
 */
export async function ingestCarrierEvents(db: Database, clock: Clock, events: readonly CarrierEvent[]): Promise<IngestResult> {
  let inserted = 0;
  let duplicates = 0;
  let unknown = 0;
  for (const e of events) {
    const n = parseTrackingNumber(e.trackingNumber);
    const at = new Date(e.at);
    if (!n || Number.isNaN(at.getTime()) || !(trailKinds as readonly string[]).includes(e.kind)) { unknown += 1; continue; }
    const outcome = await db.transaction().execute(async (trx) => {
      const leg = await lockLeg(trx, { trackingNumber: n });
      if (!leg) return 'unknown' as const;
      const { inserted: isNew } = await appendLegEvent(trx, leg.id, {
        eventId: `carrier:${e.eventId}`, kind: e.kind, at, source: 'carrier', note: e.note ?? null, position: e.position ?? null,
      }, null, clock.now());
      return isNew ? 'inserted' as const : 'duplicate' as const;
    });
    if (outcome === 'inserted') inserted += 1; else if (outcome === 'duplicate') duplicates += 1; else unknown += 1;
  }
  return { received: events.length, inserted, duplicates, unknown };
}

/** The most pages one poll reads (the rest waits for the next tick). */
const MAX_PAGES_PER_POLL = 50;

/**
 * Reads the carrier's feed from the stored cursor, page by page, ingesting each and storing the
 * cursor after it (a poll cut short by an outage keeps what it read). The adapter's errors
 * propagate: the job fails and the next tick asks again from the stored cursor.
 */
export async function pollCarrier(db: Database, clock: Clock, carrier: CarrierAdapter): Promise<IngestResult> {
  const total = { received: 0, inserted: 0, duplicates: 0, unknown: 0 };
  const row = await db.selectFrom('postal_carrier_cursor').select('cursor').where('carrier', '=', carrier.name).executeTakeFirst();
  let from = row?.cursor ?? null;
  for (let page = 0; page < MAX_PAGES_PER_POLL; page += 1) {
    const { events, cursor, more, rejected } = await carrier.events(from);
    const result = await ingestCarrierEvents(db, clock, events);
    total.received += result.received + (rejected ?? 0);
    total.inserted += result.inserted;
    total.duplicates += result.duplicates;
    total.unknown += result.unknown + (rejected ?? 0);
    if (cursor !== null && cursor !== from) {
      await db.insertInto('postal_carrier_cursor').values({ carrier: carrier.name, cursor, updated_at: clock.now() })
        .onConflict((oc) => oc.column('carrier').doUpdateSet({ cursor, updated_at: clock.now() })).execute();
    }
    if (!more || cursor === null || cursor === from) break;
    from = cursor;
  }
  return total;
}
