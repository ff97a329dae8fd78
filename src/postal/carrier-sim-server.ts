// The carrier simulator served over HTTP on the loopback (issue 13 §7): the same `CarrierSimulator`
// state behind the carrier's contract (carrier-protocol.ts), so that the real HTTP adapter
// (carrier-http.ts) is what talks to it. The faults a real carrier has are switches the tests (or a
// tester, through `motcua carrier-sim`) turn: an outage (503 with Retry-After), the next answers
// failing with a status or a dropped connection, the next answer replaced by any body (a malformed
// one). Events go in through the simulator (`emit`) or its hand `POST /v1/_sim/events`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readBody, sendJson, startLoopbackServer } from '../platform/http/loopback-server';
import type { CarrierEvent } from './carrier';
import {
  CARRIER_ORDERS_PATH, CARRIER_PAGE_LIMIT, CARRIER_SIM_EVENTS_PATH, CARRIER_TOKEN_HEADER, CARRIER_TRACKING_PATH, parseEvent, wireEvent,
  type WireOrderRequest,
} from './carrier-protocol';
import { CarrierSimulator, type SimulatedOrder } from './carrier-simulator';
import type { LegKind } from './model';
import { parseTrackingNumber } from './tracking-number';

export interface CarrierSimServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly simulator: CarrierSimulator;
  /** requests by what they got: an answer, the outage's 503, a simulated fault, a cut connection, no answer, a refusal */
  readonly answered: Readonly<Record<'ok' | 'outage' | 'failed' | 'dropped' | 'hung' | 'refused', number>>;
  /** true: every request is answered 503 with Retry-After: 1 */
  setOutage(down: boolean): void;
  /** The next `count` requests fail: with that status, 'drop' (the connection cut without an answer) or 'hang' (no answer ever). */
  failNext(count: number, how: number | 'drop' | 'hang'): void;
  /** The next request is answered 200 with this body (e.g. a malformed one). */
  answerNextWith(body: unknown): void;
  close(): Promise<void>;
}

const refuse = (res: ServerResponse, status: number, code: string, message: string) => sendJson(res, status, { error: { code, message } });

/** What the carrier checks of an order: its number (a well-formed S10), the parties, a weight it carries. */
export function orderProblems(o: Partial<WireOrderRequest>): string[] {
  const problems: string[] = [];
  if (typeof o.orderNumber !== 'string' || !parseTrackingNumber(o.orderNumber)) problems.push('orderNumber');
  for (const side of ['sender', 'receiver'] as const) {
    const p = o[side];
    if (!p || typeof p.fullName !== 'string' || p.fullName.trim() === '' || typeof p.address !== 'string' || typeof p.communeCode !== 'string') problems.push(side);
  }
  if (!Number.isInteger(o.weightGrams) || (o.weightGrams as number) < 1 || (o.weightGrams as number) > 30_000) problems.push('weightGrams');
  if (!Number.isInteger(o.declaredValueVnd) || (o.declaredValueVnd as number) < 0) problems.push('declaredValueVnd');
  return problems;
}

const wireOrder = (o: SimulatedOrder) => ({ orderId: o.orderId, orderNumber: o.trackingNumber, totalChargeVnd: o.chargeVnd });

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  try { return JSON.parse(await readBody(req)) as unknown; } catch { return undefined; }
}

export async function startCarrierSimServer(options: { readonly port?: number; readonly token?: string; readonly simulator?: CarrierSimulator; readonly unref?: boolean } = {}): Promise<CarrierSimServer> {
  const token = options.token ?? `sim-${randomBytes(12).toString('hex')}`;
  const simulator = options.simulator ?? new CarrierSimulator();
  const answered = { ok: 0, outage: 0, failed: 0, dropped: 0, hung: 0, refused: 0 };
  let down = false;
  let failures: { count: number; how: number | 'drop' | 'hang' } = { count: 0, how: 500 };
  let nextBody: { body: unknown } | null = null;

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method === 'POST' && url.pathname === CARRIER_ORDERS_PATH) {
      const body = (await jsonBody(req)) as Partial<WireOrderRequest> | undefined;
      const problems = body === undefined ? ['body'] : orderProblems(body);
      if (!body || problems.length > 0) { answered.refused++; refuse(res, 422, 'INVALID_ORDER', `Trường không hợp lệ: ${problems.join(', ')}`); return; }
      const p = (w: WireOrderRequest['sender']) => ({ name: w.fullName, phone: w.phone ?? null, address: w.address, communeCode: w.communeCode });
      const trackingNumber = parseTrackingNumber(body.orderNumber ?? '') ?? '';
      // the order number is the sender's: asking again answers the order it already made (200), not a second one
      const existed = simulator.orderOfTracking(trackingNumber) !== undefined;
      const order = await simulator.createOrder({
        trackingNumber, kind: (body.legKind ?? 'pickup') as LegKind, sender: p(body.sender as WireOrderRequest['sender']), receiver: p(body.receiver as WireOrderRequest['receiver']),
        weightGrams: body.weightGrams as number, declaredValueVnd: body.declaredValueVnd as number,
      });
      answered.ok++;
      sendJson(res, existed ? 200 : 201, { orderId: order.orderId, orderNumber: order.trackingNumber, totalChargeVnd: order.chargeVnd });
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith(`${CARRIER_ORDERS_PATH}/`)) {
      const order = simulator.order(decodeURIComponent(url.pathname.slice(CARRIER_ORDERS_PATH.length + 1)));
      if (!order) { answered.refused++; refuse(res, 404, 'ORDER_NOT_FOUND', 'Không có đơn hàng này'); return; }
      answered.ok++;
      sendJson(res, 200, wireOrder(order));
      return;
    }
    if (req.method === 'GET' && url.pathname === CARRIER_TRACKING_PATH) {
      const limit = Math.min(CARRIER_PAGE_LIMIT, Math.max(1, Number(url.searchParams.get('limit')) || CARRIER_PAGE_LIMIT));
      const page = simulator.page(url.searchParams.get('after'), limit);
      answered.ok++;
      sendJson(res, 200, { items: page.events.map(wireEvent), nextCursor: page.cursor, hasMore: page.more === true });
      return;
    }
    if (req.method === 'POST' && url.pathname === CARRIER_SIM_EVENTS_PATH) {
      const body = (await jsonBody(req)) as { items?: unknown } | undefined;
      const events = Array.isArray(body?.items) ? body.items.map(parseEvent) : [null];
      const bad = events.length === 0 ? 0 : events.findIndex((e) => e === null);
      if (bad >= 0) { answered.refused++; refuse(res, 422, 'INVALID_EVENTS', `Sự kiện thứ ${bad + 1} không hợp lệ (eventId, orderNumber S10, statusCode, time có múi giờ)`); return; }
      simulator.emit(...(events as CarrierEvent[]));
      answered.ok++;
      sendJson(res, 202, { accepted: events.length });
      return;
    }
    answered.refused++;
    refuse(res, 404, 'NOT_FOUND', 'Không có địa chỉ này');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (down) { answered.outage++; sendJson(res, 503, { error: { code: 'MAINTENANCE', message: 'Hệ thống đang bảo trì' } }, { 'retry-after': '1' }); return; }
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      if (failures.how === 'drop') { answered.dropped++; req.socket.destroy(); return; }
      if (failures.how === 'hang') { answered.hung++; return; }
      answered.failed++;
      refuse(res, failures.how, 'SIMULATED_FAULT', `Lỗi giả lập ${failures.how}`);
      return;
    }
    if (req.headers[CARRIER_TOKEN_HEADER] !== token) { answered.refused++; refuse(res, 401, 'INVALID_TOKEN', 'Token không hợp lệ'); return; }
    if (nextBody) { const { body } = nextBody; nextBody = null; answered.ok++; sendJson(res, 200, body); return; }
    await route(req, res, new URL(req.url ?? '/', 'http://carrier-simulator'));
  };

  const server = await startLoopbackServer(handle, { ...options, failure: { error: { code: 'INTERNAL', message: 'Lỗi' } } });
  return {
    url: server.url, port: server.port, token, simulator, answered,
    setOutage(value) { down = value; },
    failNext(count, how) { failures = { count, how }; },
    answerNextWith(body) { nextBody = { body }; },
    close: () => server.close(),
  };
}
