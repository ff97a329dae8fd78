// Random JSON thrown at every write route of the real app, as an administrator, a clerk and
// an anonymous caller: the answer is never a 5xx, and always the one error shape on a 4xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { systemClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import type { HttpApp } from '../src/platform/http/server';
import { seedDemo, DEMO_PASSWORD } from '../src/seed';
import { createTestDatabase, type TestDatabase } from './db';

interface Route { method: string; url: string; query: string[] }

describe('every write route under random input', () => {
  let t: TestDatabase;
  let app: HttpApp;
  const tokens: Record<string, string> = {};
  let routes: Route[] = [];
  let reads: Route[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDemo(t.db, systemClock);
    app = await buildApp({ db: t.db, clock: systemClock, config: loadConfig({ MOTCUA_WEB_DIR: '/nonexistent', MOTCUA_RESPONSE_CHECK: 'throw' }), loginRateLimit: 10_000 });
    await app.ready();
    for (const username of ['admin', 'clerk']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      tokens[username] = res.json().token;
    }
    const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const all = Object.entries(spec.paths).flatMap(([url, methods]) =>
      Object.entries(methods).map(([m, op]) => ({
        method: m.toUpperCase(),
        url: url.replace(/\{[^}]+\}/g, 'X'),
        query: ((op as { parameters?: { in: string; name: string }[] }).parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })));
    routes = all.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
      .filter((r) => r.url !== '/api/v1/auth/logout' && r.url !== '/api/v1/auth/password'); // would end the session under test
    reads = all.filter((r) => r.method === 'GET' && !r.url.startsWith('/api/docs'));
  }, 120_000);
  afterAll(async () => { await app.close(); await t.close(); });

  it('finds the write routes in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    '/api/v1/track/%00', '/api/v1/units?q=%00', '/api/v1/units?validOn=2026-02-31', '/api/v1/agencies?validOn=0000-01-01',
    '/api/v1/procedures?onDate=2026-02-30', '/api/v1/procedures?q=%00', '/api/v1/dossiers?from=2026-02-31', '/api/v1/dossiers?name=%00',
  ])('answers %s with a 4xx, not a 500', async (url) => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens.clerk}` } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('never answers 5xx to random query strings on the read routes', async () => {
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('2026-02-31', '0000-01-01', '9999-12-31', '-1', '1e400', '\u0000', 'NaN'), fc.integer().map(String));
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...reads), fc.constantFrom('admin', 'clerk', 'anonymous'), fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 3 }), value,
      async (route, who, extra, v) => {
        const params = new URLSearchParams();
        for (const q of route.query) if (v.length % 2 === 0) params.set(q, v);
        for (const [k, x] of Object.entries(extra)) params.set(k, x);
        const headers: Record<string, string> = who === 'anonymous' ? {} : { authorization: `Bearer ${tokens[who]}` };
        const res = await app.inject({ method: 'GET', url: `${route.url.replace(/X/g, encodeURIComponent(v) || 'X')}?${params}`, headers });
        expect(res.statusCode, `GET ${route.url}?${params} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
      },
    ), { numRuns: 300 });
  }, 120_000);

  it('never answers 5xx', async () => {
    const pathPiece = fc.oneof(fc.constant('X'), fc.string({ maxLength: 12 }).map(encodeURIComponent), fc.integer().map(String));
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...routes),
      fc.constantFrom('admin', 'clerk', 'anonymous'),
      fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 })),
      pathPiece,
      async (route, who, body, piece) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (who !== 'anonymous') headers.authorization = `Bearer ${tokens[who]}`;
        const res = await app.inject({ method: route.method as 'POST', url: route.url.replace(/X/g, piece || 'X'), headers, payload: JSON.stringify(body) });
        expect(res.statusCode, `${route.method} ${route.url} → ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          const err = res.json().error;
          expect(typeof err.code).toBe('string');
          expect(typeof err.message).toBe('string');
        }
      },
    ), { numRuns: 300 });
  }, 120_000);
});
