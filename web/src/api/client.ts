// A small same-origin JSON client. The session travels in the httpOnly cookie; every failure
// becomes an ApiError carrying the server's code and its Vietnamese message.
import type { ErrorDetail } from './types';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** Codes the client itself produces when the server gives no error body. */
export const clientErrorCodes = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
} as const;

// Used only when the server answers without the error shape (a proxy, a crash page).
const fallbackMessages: Readonly<Record<string, string>> = {
  [clientErrorCodes.network]: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  [clientErrorCodes.badResponse]: 'Máy chủ trả lời không đúng định dạng. Vui lòng thử lại.',
};

interface ErrorShape {
  error: { code: string; message: string; details?: ErrorDetail[] };
}

const isErrorShape = (body: unknown): body is ErrorShape => {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null
    && typeof (e as { code?: unknown }).code === 'string'
    && typeof (e as { message?: unknown }).message === 'string';
};

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** extra request headers (the kiosk's token) */
  readonly headers?: Readonly<Record<string, string>>;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (options.signal) init.signal = options.signal;

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, clientErrorCodes.network, fallbackMessages[clientErrorCodes.network] ?? '');
  }

  const body = await readJson(response);
  if (!response.ok) {
    if (isErrorShape(body)) {
      throw new ApiError(response.status, body.error.code, body.error.message, body.error.details ?? []);
    }
    throw new ApiError(response.status, clientErrorCodes.badResponse, fallbackMessages[clientErrorCodes.badResponse] ?? '');
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, signal ? { signal } : {}),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
};
