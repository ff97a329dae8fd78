// The real carrier adapter (issue 13 §7; DESIGN §2 "adapters at the edge"): the post's order and
// tracking API over HTTPS (carrier-protocol.ts), configured by MOTCUA_CARRIER_URL and
// MOTCUA_CARRIER_TOKEN. Each call has a time limit; an outage (5xx, 429, a network error, a time-out)
// is tried again with a doubling back-off (the carrier's Retry-After honoured up to the cap), a
// refusal (4xx) is not and becomes a `CarrierError` with a clear Vietnamese message. Answers are
// parsed, never trusted. The same adapter talks to the local simulator (carrier-sim-server.ts).
import type { CarrierAdapter, CarrierFeedPage, CarrierOrder, CarrierOrderRequest } from './carrier';
import {
  CARRIER_ORDERS_PATH, CARRIER_PAGE_LIMIT, CARRIER_TOKEN_HEADER, CARRIER_TRACKING_PATH, parseFeed, parseOrder, wireErrorMessage, wireOrderRequest,
} from './carrier-protocol';

export type CarrierErrorCode = 'CARRIER_UNAVAILABLE' | 'CARRIER_AUTH' | 'CARRIER_NOT_FOUND' | 'CARRIER_REFUSED' | 'CARRIER_BAD_ANSWER';

/** A failed call to the carrier; `transient` when the same call may pass later (an outage, not a refusal). */
export class CarrierError extends Error {
  constructor(readonly code: CarrierErrorCode, message: string, readonly status: number | null, readonly transient: boolean) {
    super(message);
    this.name = 'CarrierError';
  }
}

export interface HttpCarrierOptions {
  readonly url: string;
  readonly token: string;
  /** per attempt (default 10 s) */
  readonly timeoutMs?: number;
  /** attempts of one call, the first included (default 4) */
  readonly attempts?: number;
  /** the first back-off, doubled at each attempt (default 500 ms) … */
  readonly backoffMs?: number;
  /** … up to this (default 8 s; also the cap of a Retry-After) */
  readonly maxBackoffMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** the cursor's owner in `postal_carrier_cursor` (default `http:<host>`: another carrier starts its own feed) */
  readonly name?: string;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The back-off before attempt `attempt + 1`: the carrier's Retry-After when it gave one, else doubling; never above the cap. */
export function backoffBefore(attempt: number, retryAfterSeconds: number | null, options: { backoffMs: number; maxBackoffMs: number }): number {
  const doubled = options.backoffMs * 2 ** (attempt - 1);
  return Math.min(options.maxBackoffMs, retryAfterSeconds !== null ? retryAfterSeconds * 1000 : doubled);
}

function retryAfterOf(header: string | null): number | null {
  const n = header === null ? NaN : Number(header);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function refusal(status: number, said: string): CarrierError {
  const why = said ? `: ${said}` : '';
  if (status === 401 || status === 403) return new CarrierError('CARRIER_AUTH', `Bưu điện từ chối mã truy cập (kiểm tra MOTCUA_CARRIER_TOKEN)${why}`, status, false);
  if (status === 404) return new CarrierError('CARRIER_NOT_FOUND', `Bưu điện không có đơn hàng này${why}`, status, false);
  return new CarrierError('CARRIER_REFUSED', `Bưu điện từ chối yêu cầu (${status})${why}`, status, false);
}

/** The adapter over HTTP. */
export function httpCarrier(options: HttpCarrierOptions): CarrierAdapter & { readonly url: string } {
  const base = options.url.replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const attempts = Math.max(1, options.attempts ?? 4);
  const backoff = { backoffMs: options.backoffMs ?? 500, maxBackoffMs: options.maxBackoffMs ?? 8_000 };
  const sleep = options.sleep ?? wait;

  /** One attempt: the parsed JSON of a 2xx answer, or a CarrierError. */
  const attempt = async (method: string, path: string, body?: unknown): Promise<{ json: unknown } | { error: CarrierError; retryAfter: number | null }> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method, signal: AbortSignal.timeout(timeoutMs),
        headers: { [CARRIER_TOKEN_HEADER]: options.token, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      const timedOut = (e as Error).name === 'TimeoutError';
      const cause = (e as { cause?: { code?: unknown } }).cause;
      const reason = typeof cause?.code === 'string' ? cause.code : (e as Error).message;
      const message = timedOut ? `Bưu điện không trả lời trong ${Math.round(timeoutMs / 1000)} giây` : `Không kết nối được hệ thống của bưu điện (${reason})`;
      return { error: new CarrierError('CARRIER_UNAVAILABLE', message, null, true), retryAfter: null };
    }
    const text = await res.text().catch(() => '');
    let json: unknown = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = undefined; }
    if (res.ok) {
      if (json === undefined) return { error: new CarrierError('CARRIER_BAD_ANSWER', 'Bưu điện trả lời không phải JSON', res.status, false), retryAfter: null };
      return { json };
    }
    const said = wireErrorMessage(json);
    if (res.status >= 500 || res.status === 429 || res.status === 408) {
      return { error: new CarrierError('CARRIER_UNAVAILABLE', `Hệ thống của bưu điện tạm thời không phục vụ (${res.status})${said ? `: ${said}` : ''}`, res.status, true), retryAfter: retryAfterOf(res.headers.get('retry-after')) };
    }
    return { error: refusal(res.status, said), retryAfter: null };
  };

  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    for (let n = 1; ; n += 1) {
      const r = await attempt(method, path, body);
      if ('json' in r) return r.json;
      if (!r.error.transient || n >= attempts) throw r.error;
      await sleep(backoffBefore(n, r.retryAfter, backoff));
    }
  };

  const badAnswer = (what: string) => new CarrierError('CARRIER_BAD_ANSWER', `Bưu điện trả về ${what} không đúng định dạng`, null, false);

  return {
    name: options.name ?? `http:${new URL(base).host}`,
    url: base,
    async createOrder(order: CarrierOrderRequest): Promise<CarrierOrder> {
      // the order number is the leg's tracking number: a retried creation answers the same order
      const parsed = parseOrder(await call('POST', CARRIER_ORDERS_PATH, wireOrderRequest(order)), order.trackingNumber);
      if (!parsed) throw badAnswer('đơn hàng');
      return parsed;
    },
    async charge(orderId: string) {
      const parsed = parseOrder(await call('GET', `${CARRIER_ORDERS_PATH}/${encodeURIComponent(orderId)}`));
      if (!parsed || parsed.orderId !== orderId) throw badAnswer('đơn hàng');
      return { amountVnd: parsed.chargeVnd };
    },
    async events(cursor: string | null): Promise<CarrierFeedPage> {
      const query = new URLSearchParams({ limit: String(CARRIER_PAGE_LIMIT), ...(cursor !== null ? { after: cursor } : {}) });
      const parsed = parseFeed(await call('GET', `${CARRIER_TRACKING_PATH}?${query.toString()}`));
      if (!parsed) throw badAnswer('danh sách hành trình');
      return parsed;
    },
  };
}
