// The HTTP platform's promises: one error shape, 4xx for every bad input, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { makeServicePoint, makeUnit, makeUser, tableScopeLookup, TEST_PASSWORD } from '../../../test/factories';
import { actorResolver, registerAccountsRoutes } from '../../accounts/routes';
import { accountsServer } from '../../accounts/routes.test-helper';
import { systemClock } from '../clock';
import { registerHealthRoutes } from './health';
import { createMetrics } from '../metrics';
import { toErrorResponse } from './errors';
import { createHttpServer, type HttpApp } from './server';

describe('HTTP platform', () => {
  let t: TestDatabase;
  let app: HttpApp;

  beforeAll(async () => {
    t = await createTestDatabase();
    const deps = { db: t.db, clock: systemClock };
    app = await createHttpServer({ logger: false, resolveActor: actorResolver(deps), version: 'test', bodyLimitBytes: 10_000 });
    await registerHealthRoutes(app, { db: t.db, version: 'test', metrics: createMetrics({ processMetrics: false }), resolveActor: actorResolver(deps), isOperator: () => false });
    registerAccountsRoutes(app, deps, { sessionTtlHours: 1, loginRateLimit: 5, secureCookies: false, lookupScope: tableScopeLookup(t.db) });
    await app.ready();
    const province = await makeUnit(t.db, { code: '82' });
    const commune = await makeUnit(t.db, { code: '28001', parent: province });
    await makeServicePoint(t.db, commune, { code: 'BD-A' });
    await makeUser(t.db, 'clerk', 'BD-A', { username: 'clerk' });
  });
  afterAll(async () => { await app.close(); await t.close(); });

  const post = (payload: string | Buffer, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { 'content-type': contentType }, payload });

  it('refuses a name with a bidirectional override in any JSON body (400 INVALID_TEXT, the field named)', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk\u202Enimda', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_TEXT', details: [{ path: 'body/username', message: expect.stringContaining('U+202E') }] });
  });

  it('reports health with migrations applied', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', migrations: { pending: 0 }, version: 'test' });
  });

  it.each([
    ['malformed JSON', '{"a":', 'application/json', 400, 'MALFORMED_JSON'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'application/json', 400, 'INVALID_UTF8'],
    ['an unknown field', '{"currentPassword":"a","newPassword":"b","admin":true}', 'application/json', 400, 'VALIDATION_FAILED'],
    ['a wrong type', '{"currentPassword":1,"newPassword":"b"}', 'application/json', 400, 'VALIDATION_FAILED'],
    ['an oversized body', JSON.stringify({ currentPassword: 'x'.repeat(20_000), newPassword: 'y' }), 'application/json', 413, 'PAYLOAD_TOO_LARGE'],
    ['a form body', 'a=1', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ] as const)('answers %s with a 4xx in the one error shape', async (_name, payload, type, status, code) => {
    const res = await post(payload, type);
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  it('names the offending field of a validation error', async () => {
    const res = await post('{"currentPassword":"a","newPassword":"b","admin":true}');
    expect(res.json().error.details[0].path).toContain('body');
  });

  it('answers unknown API paths with 404 in the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('requires a session: 401 without one', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập.' });
  });

  it('tells the browser whether anyone is signed in without a failed request', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null });
    const { token } = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk', password: TEST_PASSWORD } })).json();
    const signedIn = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${token}` } });
    expect(signedIn.json().user.username).toBe('clerk');
    const stale = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: 'Bearer not-a-session' } });
    expect(stale.json()).toEqual({ user: null });
  });

  it('logs in through the API with a bearer token and with the cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const { token, user } = res.json();
    expect(user.role).toBe('clerk');
    const cookie = res.cookies.find((c) => c.name === 'motcua_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const viaBearer = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(viaBearer.json().username).toBe('clerk');
    const viaCookie = await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { motcua_session: cookie?.value ?? '' } });
    expect(viaCookie.json().username).toBe('clerk');
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('sets security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rate-limits login attempts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.9.9', payload: { username: 'x', password: 'y' } });
      codes.push(res.statusCode);
    }
    expect(codes).toContain(429);
    const limited = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.9.9', payload: { username: 'x', password: 'y' } });
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });
});

describe('HTTP platform behind no proxy', () => {
  let t: TestDatabase;
  let app: HttpApp;
  beforeAll(async () => {
    ({ t, app } = await accountsServer({ loginRateLimit: 3 }));
  });
  afterAll(async () => { await app.close(); await t.close(); });

  it('does not let a client choose its address with X-Forwarded-For to dodge the rate limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.1.1.1', headers: { 'x-forwarded-for': `10.0.0.${i}` }, payload: { username: 'x', password: 'y' } });
      codes.push(res.statusCode);
    }
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a NUL character in the URL with 400', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/users?limit=%00' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });
});

describe('error mapping', () => {
  it('maps a PostgreSQL data exception (SQLSTATE class 22) to 400', () => {
    const pgError = Object.assign(new Error('date/time field value out of range: "2026-02-31"'), { code: '22008', severity: 'ERROR' });
    expect(toErrorResponse(pgError)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_VALUE' } } });
    expect(toErrorResponse(new Error('boom'))).toMatchObject({ status: 500, unexpected: true });
  });
});
