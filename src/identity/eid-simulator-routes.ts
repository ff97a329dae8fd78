// The local e-ID simulator's HTTP (served only when no real provider is configured): discovery,
// JWKS, the login page where a tester picks a test identity (clearly labelled as a simulator), the
// choice (303 back to the client with a code, or access_denied), and the token endpoint
// (form-encoded, client_secret_basic), as an OpenID Connect provider speaks them.
import { Type } from '@fastify/type-provider-typebox';
import { fileAnswer, literals } from '../platform/http/schemas';
import type { HttpApp } from '../platform/http/server';
import { escapeHtml } from '../platform/text';
import {
  authorizeProblem, deniedRedirect, EID_SIM_IDENTITIES, EID_SIM_PATH, exchangeCode, issueCode, simulatorDiscovery, simulatorJwks,
  type AuthorizeQuery, type EidSimulatorDeps,
} from './eid-simulator';

const Html = fileAnswer('Trang HTML', 'text/html');
const Text = Type.Optional(Type.String({ maxLength: 2000 }));
const AuthorizeParams = {
  response_type: Text, client_id: Text, redirect_uri: Text, state: Text, nonce: Text, code_challenge: Text, code_challenge_method: Text,
  scope: Text, prompt: Text,
};
// hidden from motcua's OpenAPI document: these are the simulated provider's routes, not motcua's API
const PARAM_NAMES = ['response_type', 'client_id', 'redirect_uri', 'state', 'nonce', 'code_challenge', 'code_challenge_method'] as const;

const complete = (q: AuthorizeQuery): Required<AuthorizeQuery> =>
  Object.fromEntries(PARAM_NAMES.map((k) => [k, q[k] ?? ''])) as Required<AuthorizeQuery>;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.3rem}
.banner{background:#fff4cc;border:2px solid #8a6d00;border-radius:8px;padding:.5rem .75rem;font-weight:600}
button{display:block;width:100%;min-height:48px;margin:.5rem 0;font-size:1rem;border-radius:8px;border:1px solid #555;background:#fff;text-align:left;padding:.5rem .75rem}
button.who{border-color:#b3261e}button .id{display:block;color:#444;font-size:.9rem}.note{color:#444;font-size:.9rem}</style></head><body>${body}</body></html>`;
}

function loginPage(q: Required<AuthorizeQuery>): string {
  const hidden = PARAM_NAMES.map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q[k])}">`).join('');
  const people = EID_SIM_IDENTITIES.map((i) =>
    `<button class="who" name="identity" value="${i.key}">${escapeHtml(i.fullName)}<span class="id">Số định danh ${i.personalId}</span></button>`).join('');
  return page('VNeID giả lập', `<p class="banner" role="note">GIẢ LẬP VNeID — chỉ dùng để thử nghiệm trên máy này, không phải hệ thống định danh điện tử thật.</p>
<h1>Đăng nhập bằng tài khoản định danh điện tử (giả lập)</h1>
<p>Chọn một công dân thử nghiệm để đăng nhập:</p>
<form method="get" action="${EID_SIM_PATH}/authorize/choose">${hidden}${people}
<button name="identity" value="cancel">Hủy, quay lại Một cửa</button></form>
<p class="note">Hệ thống thật (VNeID) được dùng khi quản trị đặt MOTCUA_EID_DISCOVERY_URL.</p>`);
}

export function registerEidSimulatorRoutes(app: HttpApp, deps: EidSimulatorDeps): void {
  const tags = ['identity'];
  app.get(`${EID_SIM_PATH}/.well-known/openid-configuration`, {
    schema: { hide: true, tags, summary: 'VNeID giả lập: tài liệu cấu hình OpenID Connect', response: { 200: Type.Record(Type.String(), Type.Unknown()) } },
  }, async () => simulatorDiscovery(deps.issuer));

  app.get(`${EID_SIM_PATH}/jwks`, {
    schema: { hide: true, tags, summary: 'VNeID giả lập: khóa công khai ký id_token (JWKS)', response: { 200: Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) }) } },
  }, async () => simulatorJwks(deps));

  app.get(`${EID_SIM_PATH}/authorize`, {
    schema: { hide: true, tags, summary: 'VNeID giả lập: trang đăng nhập (chọn công dân thử nghiệm)', querystring: Type.Object(AuthorizeParams), response: { 200: Html } },
  }, async (request, reply) => {
    const q = complete(request.query);
    const problem = authorizeProblem(q);
    const html = problem ? page('VNeID giả lập', `<h1>Yêu cầu đăng nhập không hợp lệ</h1><p>${escapeHtml(problem)}</p>`) : loginPage(q);
    return reply.code((problem ? 400 : 200) as 200).type('text/html; charset=utf-8').send(Buffer.from(html));
  });

  app.get(`${EID_SIM_PATH}/authorize/choose`, {
    schema: {
      hide: true, tags, summary: 'VNeID giả lập: người thử chọn một công dân (hoặc hủy); chuyển về ứng dụng với mã',
      querystring: Type.Object({ ...AuthorizeParams, identity: literals([...EID_SIM_IDENTITIES.map((i) => i.key), 'cancel']) }), response: { 200: Html },
    },
  }, async (request, reply) => {
    const q = complete(request.query);
    const target = request.query.identity === 'cancel' ? deniedRedirect(q) : await issueCode(deps, q, request.query.identity);
    if (!target) return reply.code(400 as 200).type('text/html; charset=utf-8').send(Buffer.from(page('VNeID giả lập', '<h1>Yêu cầu đăng nhập không hợp lệ</h1>')));
    return reply.redirect(target, 303);
  });

  // the token endpoint takes form-encoded bodies (RFC 6749 §4.1.3): a parser for this route's scope only
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.post(`${EID_SIM_PATH}/token`, {
      schema: {
        hide: true, tags, summary: 'VNeID giả lập: đổi mã lấy id_token (PKCE, client_secret_basic)',
        body: Type.Record(Type.String(), Type.String()),
        response: {
          200: Type.Object({ access_token: Type.String(), token_type: Type.Literal('Bearer'), expires_in: Type.Integer(), id_token: Type.String() }),
          400: Type.Object({ error: Type.String(), error_description: Type.String() }),
          401: Type.Object({ error: Type.String(), error_description: Type.String() }),
        },
      },
    }, async (request, reply) => {
      const answer = await exchangeCode(deps, request.headers.authorization, request.body as Record<string, string>);
      return reply.code(answer.status).header('cache-control', 'no-store').send(answer.body);
    });
  });
}
