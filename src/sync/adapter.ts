// The national public service portal behind one interface (DESIGN §2: adapters at the edge): the
// real HTTP adapter (JSON over HTTPS, a configured base URL and key, time limits) talks to the
// portal or to the local simulator (simulator.ts) alike — the simulator speaks the same contract.
import type { NationalRecord } from './model';

/** A dossier filed on the national portal, as its feed gives it (pull.ts turns it into an online submission). */
export interface NationalSubmission {
  /** the portal's own reference of the submission (idempotency of the pull) */
  readonly reference: string;
  readonly procedureCode: string;
  readonly submittedAt: string;
  readonly applicant: {
    readonly fullName: string;
    readonly personalId: string;
    readonly phone: string;
    readonly address: string | null;
    /** statistics code of the applicant's commune */
    readonly unitCode: string;
  };
  readonly formData: Readonly<Record<string, unknown>>;
  /** the papers the citizen listed (their files stay on the portal) */
  readonly papers: readonly { readonly key: string; readonly name: string }[];
}

export interface NationalPortalAdapter {
  readonly description: string;
  /** Sends one record; resolves when the portal accepted it (or already had it: `duplicate`). Throws `PortalError`. */
  push(record: NationalRecord): Promise<{ readonly receipt: string; readonly duplicate: boolean }>;
  /** Submissions filed on the portal after `cursor` (null: from the start), oldest first. Throws `PortalError`. */
  feed(cursor: string | null): Promise<{ readonly items: readonly NationalSubmission[]; readonly cursor: string | null }>;
}

/** A failed call: `permanent` when sending the same again cannot succeed (the portal refused the content). */
export class PortalError extends Error {
  constructor(message: string, readonly permanent: boolean, readonly retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'PortalError';
  }
}

export const PORTAL_TIMEOUT_MS = 15_000;

export const PUSH_PATH = '/api/v1/hoso/dongbo';
export const FEED_PATH = '/api/v1/hoso/moi';

function retryAfterOf(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

async function errorText(res: Response): Promise<string> {
  const body = await res.text().catch(() => '');
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: unknown };
    const m = parsed.message ?? parsed.error;
    if (typeof m === 'string') return m.slice(0, 500);
  } catch { /* not JSON */ }
  return body.slice(0, 200);
}

/** The real adapter: `POST <url>/api/v1/hoso/dongbo` with the record, `GET <url>/api/v1/hoso/moi?sau=<cursor>` for the feed. */
export function httpNationalPortal(options: { readonly url: string; readonly key: string; readonly timeoutMs?: number; readonly description?: string }): NationalPortalAdapter {
  const base = options.url.replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? PORTAL_TIMEOUT_MS;
  const call = async (path: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetch(`${base}${path}`, {
        ...init, signal: AbortSignal.timeout(timeoutMs),
        headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${options.key}`, accept: 'application/json' },
      });
    } catch (e) {
      const timedOut = (e as Error).name === 'TimeoutError';
      // fetch says "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a certificate error) is its cause
      const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
      const reason = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : (e as Error).message;
      throw new PortalError(timedOut ? `Cổng DVCQG không trả lời trong ${Math.round(timeoutMs / 1000)} giây` : `Không kết nối được Cổng DVCQG (${reason})`, false);
    }
  };
  const fail = async (res: Response): Promise<never> => {
    const why = await errorText(res);
    // the content was refused: sending it again cannot help; anything else (auth, limits, outage) may pass later
    const permanent = res.status === 400 || res.status === 413 || res.status === 422;
    throw new PortalError(`Cổng DVCQG trả lời ${res.status}${why ? `: ${why}` : ''}`, permanent, retryAfterOf(res.headers.get('retry-after')));
  };
  return {
    description: options.description ?? `Cổng DVCQG ${base}`,
    async push(record) {
      const res = await call(PUSH_PATH, {
        method: 'POST', body: JSON.stringify(record),
        headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': `${record.MaHoSo}#${record.SoThuTuDongBo}` },
      });
      // 409: the portal already holds this (code, seq): it was sent before a crash lost our record of it
      if (res.status === 409) return { receipt: `${record.MaHoSo}#${record.SoThuTuDongBo}`, duplicate: true };
      if (!res.ok) return fail(res);
      const body = (await res.json().catch(() => ({}))) as { receipt?: unknown; duplicate?: unknown };
      return { receipt: typeof body.receipt === 'string' ? body.receipt : '', duplicate: body.duplicate === true };
    },
    async feed(cursor) {
      const res = await call(`${FEED_PATH}${cursor === null ? '' : `?sau=${encodeURIComponent(cursor)}`}`, { method: 'GET' });
      if (!res.ok) return fail(res);
      const body = (await res.json().catch(() => null)) as { items?: unknown; cursor?: unknown } | null;
      if (!body || !Array.isArray(body.items)) throw new PortalError('Cổng DVCQG trả về danh sách hồ sơ không đúng định dạng', false);
      return { items: body.items as NationalSubmission[], cursor: typeof body.cursor === 'string' ? body.cursor : cursor };
    },
  };
}
