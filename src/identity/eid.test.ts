// The e-ID login against PostgreSQL and the simulator this app serves, through the same adapter
// code as a real provider: start → the simulator's page → a test identity chosen → callback →
// session; the state used once, PKCE and nonce checked, a token signed by another key refused.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { systemClock } from '../platform/clock';
import { loadConfig } from '../platform/config';
import { isDomainError } from '../platform/errors';
import type { HttpApp } from '../platform/http/server';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { codeChallengeOf, oidcEidProvider, randomToken, type EidProvider } from './eid';
import { safeReturnPath } from './eid-login';
import { EID_SIM_CLIENT } from './eid-simulator';

let t: TestDatabase;
let app: HttpApp;
let baseUrl: string;

beforeAll(async () => {
  t = await createTestDatabase();
  // the public URL must be where the app listens: the adapter below reaches the simulator over a socket
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  baseUrl = `http://127.0.0.1:${port}`;
  app = await buildApp({ db: t.db, clock: systemClock, config: loadConfig({ MOTCUA_WEB_DIR: '/nonexistent', MOTCUA_PUBLIC_URL: baseUrl }), loginRateLimit: 10_000 });
  await app.listen({ port, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => { await app?.close(); await t?.close(); });

const pathOf = (url: string) => { const u = new URL(url); return u.pathname + u.search; };

/** Start → the simulator's page → the identity chosen: the callback URL the browser would follow. */
async function callbackFor(identity: string, returnTo = '/cong-dan/ho-so'): Promise<string> {
  const start = await app.inject({ method: 'GET', url: `/api/v1/public/eid/start?returnTo=${encodeURIComponent(returnTo)}` });
  expect(start.statusCode).toBe(303);
  const authorize = new URL(start.headers.location as string);
  expect(authorize.origin + authorize.pathname).toBe(`${baseUrl}/eid-sim/authorize`);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  const page = await app.inject({ method: 'GET', url: pathOf(authorize.toString()) });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('GIẢ LẬP VNeID');
  const chosen = await app.inject({ method: 'GET', url: `/eid-sim/authorize/choose${authorize.search}&identity=${identity}` });
  expect(chosen.statusCode).toBe(303);
  return pathOf(chosen.headers.location as string);
}

const sessionCookie = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'motcua_session')?.value;

describe('the e-ID login through the simulator', () => {
  it('opens a citizen account verified by e-ID, signs it in, and sends the browser back where it came from', async () => {
    const done = await app.inject({ method: 'GET', url: await callbackFor('binh') });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/cong-dan/ho-so');
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { motcua_session: sessionCookie(done) ?? '' } });
    expect(me.json()).toMatchObject({ role: 'citizen', fullName: 'Trần Thị Bình' });
    const user = await t.db.selectFrom('users').select(['id', 'personal_id', 'personal_id_verified_via']).where('personal_id', '=', '087195004321').executeTakeFirstOrThrow();
    expect(user.personal_id_verified_via).toBe('eid');
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_key', '=', String(user.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['citizen.registered', 'citizen.eidLogin', 'login.eid']));

    // the second login finds the same account
    const again = await app.inject({ method: 'GET', url: await callbackFor('binh') });
    const me2 = await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { motcua_session: sessionCookie(again) ?? '' } });
    expect((me2.json() as { id: number }).id).toBe(user.id);
  });

  it('refuses a replayed callback: 400 for a program, the sign-in page with the reason for a browser', async () => {
    const callback = await callbackFor('cuong');
    expect((await app.inject({ method: 'GET', url: callback })).statusCode).toBe(303);
    const replay = await app.inject({ method: 'GET', url: callback });
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ error: { code: 'EID_STATE_INVALID' } });
    const inBrowser = await app.inject({ method: 'GET', url: callback, headers: { accept: 'text/html' } });
    expect(inBrowser.statusCode).toBe(303);
    expect(inBrowser.headers.location).toBe('/cong-dan/ho-so?loi-vneid=EID_STATE_INVALID');
  });

  it('refuses a forged code, a cancelled login, and never sends the browser to another site', async () => {
    const real = new URL(`${baseUrl}${await callbackFor('an', '//evil.example/x')}`);
    const forged = await app.inject({ method: 'GET', url: `/api/v1/public/eid/callback?code=forged&state=${real.searchParams.get('state')}` });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ error: { code: 'EID_LOGIN_REFUSED' } });

    const start = await app.inject({ method: 'GET', url: '/api/v1/public/eid/start' });
    const cancelled = await app.inject({ method: 'GET', url: `/eid-sim/authorize/choose${new URL(start.headers.location as string).search}&identity=cancel` });
    const back = await app.inject({ method: 'GET', url: pathOf(cancelled.headers.location as string) });
    expect(back.json()).toMatchObject({ error: { code: 'EID_LOGIN_CANCELLED' } });

    expect(safeReturnPath('//evil.example/x')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('/cong-dan/ho-so?x=1')).toBe('/cong-dan/ho-so?x=1');
  });

  it('logs the demo citizen, whose card a clerk checked, into their own account', async () => {
    const clerkChecked = await t.db.insertInto('users').values({
      username: 'citizen-an', full_name: 'Nguyễn Văn An', role: 'citizen', phone: null, email: null, personal_id: '087090001234',
      personal_id_verified_at: new Date(), personal_id_verified_via: 'counter', password_hash: 'x',
      scope_unit_id: null, scope_agency_id: null, scope_service_point_id: null, scope_code: null, scope_path: null,
    }).returning('id').executeTakeFirstOrThrow();
    const done = await app.inject({ method: 'GET', url: await callbackFor('an') });
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { motcua_session: sessionCookie(done) ?? '' } });
    expect((me.json() as { id: number }).id).toBe(clerkChecked.id);
  });
});

describe('the OpenID Connect adapter over HTTP', () => {
  const provider = (): EidProvider => oidcEidProvider({
    kind: 'oidc', discoveryUrl: `${baseUrl}/eid-sim/.well-known/openid-configuration`, ...EID_SIM_CLIENT, personalIdClaim: 'personal_id',
  });
  const reason = (e: unknown) => (e instanceof Error && !isDomainError(e) ? (e as { reason?: string }).reason : String(e));

  async function codeFor(p: EidProvider, nonce: string, verifier: string): Promise<string> {
    const url = new URL(await p.authorizationUrl({ state: 's1', nonce, codeChallenge: codeChallengeOf(verifier), redirectUri: `${baseUrl}/cb` }));
    const res = await fetch(`${baseUrl}/eid-sim/authorize/choose${url.search}&identity=an`, { redirect: 'manual' });
    return new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
  }

  it('checks the PKCE verifier, the nonce, and that a code is used once', async () => {
    const p = provider();
    const verifier = randomToken();
    const code = await codeFor(p, 'n1', verifier);
    expect(await p.identityOf({ code, codeVerifier: randomToken(), redirectUri: `${baseUrl}/cb`, nonce: 'n1' }).catch(reason)).toBe('refused');
    const code2 = await codeFor(p, 'n2', verifier);
    expect(await p.identityOf({ code: code2, codeVerifier: verifier, redirectUri: `${baseUrl}/cb`, nonce: 'other' }).catch(reason)).toBe('refused');
    const code3 = await codeFor(p, 'n3', verifier);
    expect(await p.identityOf({ code: code3, codeVerifier: verifier, redirectUri: `${baseUrl}/cb`, nonce: 'n3' })).toMatchObject({ personalId: '087090001234', fullName: 'Nguyễn Văn An' });
    expect(await p.identityOf({ code: code3, codeVerifier: verifier, redirectUri: `${baseUrl}/cb`, nonce: 'n3' }).catch(reason)).toBe('refused');
  });

  it('refuses an id_token not signed by the provider\'s key (JWKS), and says unreachable when it is down', async () => {
    // a provider whose token endpoint hands out a token signed by another key, with the simulator's JWKS
    const { privateKey } = await generateKeyPair('ES256');
    const forger = http.createServer((req, res) => {
      if (req.url?.startsWith('/.well-known')) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ issuer: `${baseUrl}/eid-sim`, authorization_endpoint: `${baseUrl}/eid-sim/authorize`, token_endpoint: `http://127.0.0.1:${(forger.address() as AddressInfo).port}/token`, jwks_uri: `${baseUrl}/eid-sim/jwks` }));
        return;
      }
      void new SignJWT({ nonce: 'n', name: 'Kẻ Giả Mạo', personal_id: '087090009999' }).setProtectedHeader({ alg: 'ES256' })
        .setIssuer(`${baseUrl}/eid-sim`).setAudience(EID_SIM_CLIENT.clientId).setSubject('x').setIssuedAt().setExpirationTime('5m').sign(privateKey)
        .then((idToken) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ id_token: idToken, token_type: 'Bearer', access_token: 'a' })); });
    });
    await new Promise<void>((resolve) => forger.listen(0, '127.0.0.1', resolve));
    const forgerUrl = `http://127.0.0.1:${(forger.address() as AddressInfo).port}`;
    const p = oidcEidProvider({ kind: 'oidc', discoveryUrl: `${forgerUrl}/.well-known/openid-configuration`, ...EID_SIM_CLIENT, personalIdClaim: 'personal_id' });
    expect(await p.identityOf({ code: 'c', codeVerifier: 'v', redirectUri: `${baseUrl}/cb`, nonce: 'n' }).catch(reason)).toBe('refused');
    await new Promise<void>((resolve) => forger.close(() => resolve()));
    const down = oidcEidProvider({ kind: 'oidc', discoveryUrl: `${forgerUrl}/.well-known/openid-configuration`, ...EID_SIM_CLIENT, personalIdClaim: 'personal_id' });
    expect(await down.authorizationUrl({ state: 's', nonce: 'n', codeChallenge: 'c', redirectUri: `${baseUrl}/cb` }).catch(reason)).toBe('unreachable');
  });
});
