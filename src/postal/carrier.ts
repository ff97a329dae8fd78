// The post's own systems (Vietnam Post's order and tracking services; QĐ 45/2016/QĐ-TTg art. 15 and
// TT 17/2017/TT-BTTTT arts. 15–16: status exchange with the agencies' systems) behind an interface:
// create an order for a leg, charge it, and read its tracking events. `CarrierSimulator`
// (carrier-simulator.ts) is the local stand-in the tests drive; a real adapter implements the same
// interface. Incoming events go through `ingestCarrierEvents`: idempotent by event id and folded by
// event time, so events that come late, twice or out of order never corrupt a trail.
import type { Database } from '../platform/db/connect';
import type { Clock } from '../platform/clock';
import { trailKinds, type TrailKind } from './model';
import { parseTrackingNumber } from './tracking-number';
import { appendLegEvent, lockLeg } from './trail-store';

export interface CarrierOrder {
  readonly orderId: string;
  readonly trackingNumber: string;
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

export interface CarrierAdapter {
  readonly name: string;
  createOrder(leg: { trackingNumber: string; kind: string; weightGrams: number; fromCommune: string; toCommune: string }): Promise<CarrierOrder>;
  /** the postage the carrier charges for the order, in VND */
  charge(orderId: string): Promise<{ amountVnd: number }>;
  /** events after `cursor` (null: from the start), and the cursor to ask from next time */
  events(cursor: string | null): Promise<{ events: readonly CarrierEvent[]; cursor: string | null }>;
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

/** Reads the carrier's feed from the stored cursor, ingests it and stores the new cursor. */
export async function pollCarrier(db: Database, clock: Clock, carrier: CarrierAdapter): Promise<IngestResult> {
  const row = await db.selectFrom('postal_carrier_cursor').select('cursor').where('carrier', '=', carrier.name).executeTakeFirst();
  const { events, cursor } = await carrier.events(row?.cursor ?? null);
  const result = await ingestCarrierEvents(db, clock, events);
  if (cursor !== null) {
    await db.insertInto('postal_carrier_cursor').values({ carrier: carrier.name, cursor, updated_at: clock.now() })
      .onConflict((oc) => oc.column('carrier').doUpdateSet({ cursor, updated_at: clock.now() })).execute();
  }
  return result;
}
