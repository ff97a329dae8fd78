// The carrier's JSON-over-HTTP contract (shaped like Vietnam Post's and Viettel Post's partner APIs:
// an order created under the sender's own item number, a charge, a tracking feed read from a
// cursor; every call carries the partner's `Token` header). Both sides use this file: the adapter
// (carrier-http.ts) and the local simulator's server (carrier-sim-server.ts). Answers are parsed
// here, never trusted: a malformed answer is refused whole, a malformed event is skipped and counted.
// The contract is documented in src/postal/README.md ("The carrier's API").
import type { CarrierEvent, CarrierFeedPage, CarrierOrder, CarrierOrderRequest } from './carrier';
import type { TrailKind } from './model';
import { parseTrackingNumber } from './tracking-number';

export const CARRIER_ORDERS_PATH = '/v1/orders';
export const CARRIER_TRACKING_PATH = '/v1/tracking';
/** The simulator's hand (not part of a real carrier's API): events put in its feed. */
export const CARRIER_SIM_EVENTS_PATH = '/v1/_sim/events';
export const CARRIER_TOKEN_HEADER = 'token';
/** The most events the feed answers at once (`limit`). */
export const CARRIER_PAGE_LIMIT = 100;

/** The carrier's status codes and the trail event each one is. */
export const carrierStatusCodes = {
  ASSIGNED: 'assigned',
  PICKED_UP: 'collected',
  IN_TRANSIT: 'inTransit',
  HANDED_OVER: 'handedOver',
  DELIVERED: 'delivered',
  DELIVERY_FAILED: 'failedAttempt',
  RETURNED: 'returnedToAgency',
} as const satisfies Record<string, TrailKind>;
export type CarrierStatusCode = keyof typeof carrierStatusCodes;

/** The carrier's code of a trail event; null for events that are motcua's own (requested, incidents). */
export function statusCodeOf(kind: TrailKind): CarrierStatusCode | null {
  const found = (Object.entries(carrierStatusCodes) as [CarrierStatusCode, TrailKind][]).find(([, k]) => k === kind);
  return found ? found[0] : null;
}

export interface WireParty { fullName: string; phone: string | null; address: string; communeCode: string }
export interface WireOrderRequest {
  orderNumber: string; serviceCode: 'BCCI'; legKind: string;
  sender: WireParty; receiver: WireParty; weightGrams: number; declaredValueVnd: number;
}
export interface WireOrder { orderId: string; orderNumber: string; totalChargeVnd: number }
export interface WireEvent { eventId: string; orderNumber: string; statusCode: string; time: string; note?: string; location?: { lat: number; lng: number } }
export interface WireFeed { items: WireEvent[]; nextCursor: string | null; hasMore: boolean }
/** Every refusal: `{ error: { code, message } }`. */
export interface WireError { error: { code: string; message: string } }

const party = (p: CarrierOrderRequest['sender']): WireParty => ({ fullName: p.name, phone: p.phone, address: p.address, communeCode: p.communeCode });

export function wireOrderRequest(o: CarrierOrderRequest): WireOrderRequest {
  return {
    orderNumber: o.trackingNumber, serviceCode: 'BCCI', legKind: o.kind, sender: party(o.sender), receiver: party(o.receiver),
    weightGrams: o.weightGrams, declaredValueVnd: o.declaredValueVnd,
  };
}

export function wireEvent(e: CarrierEvent): WireEvent {
  return {
    eventId: e.eventId, orderNumber: e.trackingNumber, statusCode: statusCodeOf(e.kind) ?? 'OTHER', time: e.at,
    ...(e.note !== undefined ? { note: e.note } : {}), ...(e.position ? { location: { lat: e.position.lat, lng: e.position.lon } } : {}),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isToken = (v: unknown, max: number): v is string => typeof v === 'string' && /^[\x21-\x7e]+$/.test(v) && v.length <= max;
/** An instant with its offset (the carrier's clock is in Vietnam time; an offset-less time is refused, not guessed). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const inRange = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

/** An order as the carrier answers it; null when the answer is not one (or not the order asked for). */
export function parseOrder(body: unknown, trackingNumber?: string): CarrierOrder | null {
  if (!isObject(body) || !isToken(body.orderId, 64) || typeof body.orderNumber !== 'string') return null;
  const n = parseTrackingNumber(body.orderNumber);
  if (!n || (trackingNumber !== undefined && n !== trackingNumber)) return null;
  if (!Number.isSafeInteger(body.totalChargeVnd) || (body.totalChargeVnd as number) < 0 || (body.totalChargeVnd as number) > 100_000_000) return null;
  return { orderId: body.orderId, trackingNumber: n, chargeVnd: body.totalChargeVnd as number };
}

/** One event of the feed as motcua's `CarrierEvent`; null when it is malformed or of an unknown status. */
export function parseEvent(item: unknown): CarrierEvent | null {
  if (!isObject(item) || !isToken(item.eventId, 100) || typeof item.orderNumber !== 'string' || typeof item.statusCode !== 'string') return null;
  const trackingNumber = parseTrackingNumber(item.orderNumber);
  const kind = (carrierStatusCodes as Record<string, TrailKind>)[item.statusCode];
  if (!trackingNumber || !kind || !Object.hasOwn(carrierStatusCodes, item.statusCode)) return null;
  if (typeof item.time !== 'string' || !INSTANT.test(item.time) || Number.isNaN(Date.parse(item.time))) return null;
  if (item.note !== undefined && (typeof item.note !== 'string' || item.note.length > 500)) return null;
  const loc = item.location;
  if (loc !== undefined && !(isObject(loc) && inRange(loc.lat, -90, 90) && inRange(loc.lng, -180, 180))) return null;
  return {
    eventId: item.eventId, trackingNumber, kind, at: new Date(item.time).toISOString(),
    ...(typeof item.note === 'string' ? { note: item.note } : {}),
    ...(isObject(loc) ? { position: { lat: loc.lat as number, lon: loc.lng as number } } : {}),
  };
}

/** A page of the feed; null when the envelope is not one (the events inside are checked one by one). */
export function parseFeed(body: unknown): CarrierFeedPage | null {
  if (!isObject(body) || !Array.isArray(body.items) || body.items.length > 1000 || typeof body.hasMore !== 'boolean') return null;
  if (body.nextCursor !== null && !isToken(body.nextCursor, 200)) return null;
  const events: CarrierEvent[] = [];
  for (const item of body.items) {
    const e = parseEvent(item);
    if (e) events.push(e);
  }
  return { events, cursor: body.nextCursor as string | null, more: body.hasMore, rejected: body.items.length - events.length };
}

/** The carrier's message of a refusal, cut short; '' when it gave none. */
export function wireErrorMessage(body: unknown): string {
  const e = isObject(body) && isObject(body.error) ? body.error : null;
  const m = e && typeof e.message === 'string' ? e.message : '';
  return m.slice(0, 300);
}
