// HTTP of the national e-ID login (issue 15 §1): which provider the portal offers, the start (303
// to the provider) and the callback (session cookie, 303 back to the page the citizen came from).
// Without MOTCUA_EID_* the provider is the local simulator, served here at /eid-sim and reached by
// the adapter over HTTP like the real one.
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { EidSettings } from '../platform/config';
import type { RouteDeps } from '../platform/context';
import { isDomainError } from '../platform/errors';
import { toErrorResponse } from '../platform/http/errors';
import { ErrorShape, fileAnswer, literals } from '../platform/http/schemas';
import { publicRateLimit, SESSION_COOKIE, type HttpApp } from '../platform/http/server';
import { oidcEidProvider, type EidProvider } from './eid';
import { EID_CALLBACK_PATH, finishEidLogin, startEidLogin, type EidLoginDeps } from './eid-login';
import { registerEidSimulatorRoutes } from './eid-simulator-routes';
import { EID_SIM_CLIENT, EID_SIM_PATH } from './eid-simulator';

const strict = { additionalProperties: false } as const;
const Redirect = Type.Unsafe<void>({ type: 'null', description: 'Chuyển trang (Location)' });
/** What the browser ends on after the 303: a page (the 2xx the OpenAPI document names). */
const Page = fileAnswer('Trang HTML sau khi chuyển trang', 'text/html');
/** The page a failed login lands on: the citizen's dossiers, whose sign-in form shows the reason. */
export const EID_ERROR_PAGE = '/cong-dan/ho-so';

export interface EidRouteDeps extends RouteDeps {
  readonly eid: EidSettings;
  readonly publicUrl: string;
  readonly sessionTtlHours: number;
  readonly rateLimit: number;
  /** tests may give their own provider */
  readonly provider?: EidProvider;
}

/**
 * A fetch answered by this app's own routes: the adapter's requests to the simulator this app
 * serves go through its HTTP routes whatever the public URL (behind a proxy, not yet listening).
 */
export function ownRoutesFetch(app: HttpApp): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const res = await app.inject({
      method: init?.method === 'POST' ? 'POST' : 'GET', url: url.pathname + url.search,
      headers: Object.fromEntries(new Headers(init?.headers).entries()), ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
    });
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    return new Response(new Uint8Array(res.rawPayload), { status: res.statusCode, headers });
  };
}

/** The configured provider, or the simulator served by this app (issuer at the public URL). */
export function eidProviderOf(deps: Pick<EidRouteDeps, 'eid' | 'publicUrl' | 'clock'>, app: HttpApp): EidProvider {
  const now = () => deps.clock.now();
  if (deps.eid.kind === 'oidc') return oidcEidProvider({ ...deps.eid, kind: 'oidc', now });
  const issuer = `${deps.publicUrl.replace(/\/$/, '')}${EID_SIM_PATH}`;
  return oidcEidProvider({
    kind: 'simulator', discoveryUrl: `${issuer}/.well-known/openid-configuration`, ...EID_SIM_CLIENT, personalIdClaim: 'personal_id', now, fetch: ownRoutesFetch(app),
  });
}

const wantsHtml = (request: FastifyRequest): boolean => (request.headers.accept ?? '').includes('text/html');

export function registerEidRoutes(app: HttpApp, deps: EidRouteDeps): void {
  const tags = ['identity'];
  const provider = deps.provider ?? eidProviderOf(deps, app);
  const loginDeps: EidLoginDeps = { db: deps.db, clock: deps.clock, provider, publicUrl: deps.publicUrl, sessionTtlHours: deps.sessionTtlHours };
  const limited = publicRateLimit(deps.rateLimit);
  const errors = { 400: ErrorShape, 429: ErrorShape, 503: ErrorShape };

  app.get('/api/v1/public/eid/provider', {
    schema: { tags, summary: 'Nhà cung cấp đăng nhập định danh điện tử mà cổng đang dùng (thật hoặc giả lập)', response: { 200: Type.Object({ kind: literals(['oidc', 'simulator'] as const) }) } },
  }, async () => ({ kind: provider.kind }));

  app.get('/api/v1/public/eid/start', {
    config: limited,
    schema: {
      tags, summary: 'Bắt đầu đăng nhập bằng VNeID: chuyển đến trang đăng nhập của hệ thống định danh điện tử',
      querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500 })) }, strict),
      response: { 200: Page, 303: Redirect, ...errors },
    },
  }, async (request, reply) => reply.redirect(await startEidLogin(loginDeps, request.query), 303));

  app.get(EID_CALLBACK_PATH, {
    config: limited,
    schema: {
      tags, summary: 'Hệ thống định danh điện tử trả người dùng về: mở phiên đăng nhập, chuyển về trang đã rời đi',
      querystring: Type.Object({
        code: Type.Optional(Type.String({ maxLength: 2000 })), state: Type.Optional(Type.String({ maxLength: 200 })),
        error: Type.Optional(Type.String({ maxLength: 200 })), error_description: Type.Optional(Type.String({ maxLength: 1000 })),
        iss: Type.Optional(Type.String({ maxLength: 500 })),
      }, strict),
      response: { 200: Page, 303: Redirect, ...errors },
    },
  }, async (request, reply) => {
    try {
      const result = await finishEidLogin(loginDeps, request.query);
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true, sameSite: 'lax', path: '/', secure: deps.publicUrl.startsWith('https:'), expires: result.expiresAt,
      });
      return reply.redirect(result.returnTo, 303);
    } catch (e) {
      // a person in a browser sees the reason on the sign-in form; a program gets the 4xx answer
      if (!isDomainError(e) || !wantsHtml(request)) throw e;
      return reply.redirect(`${EID_ERROR_PAGE}?loi-vneid=${encodeURIComponent(toErrorResponse(e).body.error.code)}`, 303);
    }
  });

  if (deps.eid.kind === 'simulator') registerEidSimulatorRoutes(app, { db: deps.db, clock: deps.clock, issuer: `${deps.publicUrl.replace(/\/$/, '')}${EID_SIM_PATH}` });
}
