// The real SMS adapter: a generic JSON POST to the province's SMS gateway (brandname SMS). The
// contract it expects of the gateway (also in README.md):
//
//   POST <MOTCUA_SMS_URL>
//   Authorization: Bearer <MOTCUA_SMS_TOKEN>
//   Content-Type: application/json; charset=utf-8
//   Idempotency-Key: motcua-outbox-<id>-<created ms>
//   {"to":"84912345678","text":"…","encoding":"ucs2","segments":2,
//    "idempotencyKey":"motcua-outbox-<id>-<created ms>","sender":"<MOTCUA_SMS_BRANDNAME>"}   (sender only if set)
//
//   2xx  accepted; body {"id": "<gateway message id>"} (id optional)
//   409  a message with this idempotency key was already accepted: counted as sent
//   400, 413, 422  the message is refused (bad number, too long…): permanent, no retry;
//        the reason is read from {"error": "…"} or {"message": "…"}
//   anything else (401/403 bad token, 408, 429, 5xx), a network error or no answer in 15 s:
//        tried again later; Retry-After (seconds or an HTTP date) is honoured.
//
// The message is checked first with the same rules as the simulator (Vietnamese mobile number,
// segments): a gateway is never called with a message it would refuse.
import { DeliveryError, type SentReceipt } from './channels';
import { checkSms, type OutgoingSms, type SmsSender } from './sms';

export interface SmsGatewayOptions {
  readonly url: string;
  readonly token: string;
  readonly brandname?: string | undefined;
  readonly timeoutMs?: number;
  /** For tests; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
}

const PERMANENT = new Set([400, 413, 422]);

function retryAfterOf(header: string | null, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

async function reasonOf(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).slice(0, 2000);
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const reason = typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : null;
    if (reason) return reason.slice(0, 300);
  } catch { /* not JSON */ }
  return text.slice(0, 300) || response.statusText;
}

export function createSmsGateway(options: SmsGatewayOptions): SmsSender {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const host = new URL(options.url).host;
  return {
    description: `cổng SMS HTTP ${host}${options.brandname ? ` (tên định danh ${options.brandname})` : ''}`,
    async send(sms: OutgoingSms): Promise<SentReceipt> {
      const checked = checkSms(sms);
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.token}`,
            'content-type': 'application/json; charset=utf-8',
            accept: 'application/json',
            'idempotency-key': sms.idempotencyKey,
          },
          body: JSON.stringify({
            to: checked.to, text: checked.text, encoding: checked.count.encoding, segments: checked.count.segments,
            idempotencyKey: sms.idempotencyKey, ...(options.brandname ? { sender: options.brandname } : {}),
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
        throw new DeliveryError(timedOut ? `Cổng SMS không trả lời trong ${timeoutMs / 1000} giây.` : `Không kết nối được cổng SMS: ${(e as Error).message}`, { permanent: false });
      }
      if (response.ok || response.status === 409) {
        const body = await response.json().catch(() => ({})) as { id?: unknown };
        const id = typeof body.id === 'string' || typeof body.id === 'number' ? String(body.id) : null;
        return { providerId: id, ...(response.status === 409 ? { duplicate: true } : {}) };
      }
      const reason = await reasonOf(response);
      throw new DeliveryError(`Cổng SMS trả lời ${response.status}: ${reason}`, {
        permanent: PERMANENT.has(response.status),
        retryAfterSeconds: retryAfterOf(response.headers.get('retry-after'), Date.now()),
      });
    },
  };
}
