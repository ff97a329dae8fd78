// Cross-site request forgery: the browser sends the session cookie (SameSite=Lax) with a POST from
// a sibling site of the same registrable domain, and a form or fetch without a body needs no
// preflight. So an unsafe request that the cookie authenticates must show, through `Origin` or
// `Sec-Fetch-Site`, that it comes from our own pages. Requests with `Authorization: Bearer` are
// not affected: a browser never adds that header by itself.
import type { FastifyRequest } from 'fastify';
import { errorBody } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CsrfVerdict = 'allowed' | 'cross-origin' | 'origin-unknown';

export interface CsrfFacts {
  readonly method: string;
  readonly hasBearer: boolean;
  readonly hasSessionCookie: boolean;
  readonly origin: string | undefined;
  readonly secFetchSite: string | undefined;
  /** Origins this server answers as (`https://motcua.example.vn`), without a trailing slash. */
  readonly ownOrigins: readonly string[];
}

/** Pure rule: whether an unsafe request may go on. */
export function csrfVerdict(f: CsrfFacts): CsrfVerdict {
  if (SAFE_METHODS.has(f.method.toUpperCase()) || f.hasBearer) return 'allowed';
  const site = f.secFetchSite?.toLowerCase();
  // Sec-Fetch-Site is set by the browser alone (scripts cannot forge it): when present it decides.
  // A sibling site of the same domain says `same-site`, another site `cross-site`.
  if (site === 'same-origin') return 'allowed';
  if (site !== undefined && site !== 'none') return 'cross-origin';
  // Older browsers: the Origin header. `null` comes from sandboxed frames and data: URLs.
  // Sign-in too is refused from elsewhere (login CSRF would sign the victim in as the attacker).
  if (f.origin !== undefined) return f.ownOrigins.includes(f.origin.toLowerCase()) ? 'allowed' : 'cross-origin';
  // nothing shows where the request comes from: fine without a session, refused with the cookie
  return f.hasSessionCookie ? 'origin-unknown' : 'allowed';
}

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return null;
  }
};

/** The `onRequest` hook refusing forged requests with 403 CSRF_REFUSED. */
export function csrfHook(options: { publicUrl?: string | undefined; sessionCookie: string }) {
  const configured = options.publicUrl ? originOf(options.publicUrl) : null;
  return async (request: FastifyRequest, reply: import('fastify').FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const header = (name: string): string | undefined => {
      const v = request.headers[name];
      return typeof v === 'string' ? v : undefined;
    };
    const own = [`${request.protocol}://${request.host}`.toLowerCase(), ...(configured ? [configured] : [])];
    const verdict = csrfVerdict({
      method: request.method,
      hasBearer: header('authorization')?.startsWith('Bearer ') ?? false,
      hasSessionCookie: request.cookies[options.sessionCookie] !== undefined,
      origin: header('origin'),
      secFetchSite: header('sec-fetch-site'),
      ownOrigins: own,
    });
    if (verdict === 'allowed') return;
    request.log.warn({ code: 'CSRF_REFUSED', verdict, origin: header('origin') ?? null, site: header('sec-fetch-site') ?? null }, 'cross-site request refused');
    return reply.status(403).send(errorBody('CSRF_REFUSED',
      'Yêu cầu bị từ chối vì không đến từ trang của hệ thống Một cửa. Hãy thao tác trực tiếp trên trang của hệ thống.'));
  };
}
