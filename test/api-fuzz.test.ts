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

interface Route { method: string; url: string }

describe('every write route under random input', () => {
  let t: TestDatabase;
  let app: HttpApp;
  const tokens: Record<string, string> = {};
  let routes: Route[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDemo(t.db, systemClock);
    app = await buildApp({ db: t.db, clock: systemClock, config: loadConfig({ MOTCUA_WEB_DIR: '/nonexistent' }), loginRateLimit: 10_000 });
    await app.ready();
    for (const username of ['admin', 'clerk']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      tokens[username] = res.json().token;
    }
    const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(spec.paths).flatMap(([url, methods]) =>
      Object.keys(methods).filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), url: url.replace(/\{[^}]+\}/g, 'X') })))
      .filter((r) => r.url !== '/api/v1/auth/logout' && r.url !== '/api/v1/auth/password'); // would end the session under test
  }, 120_000);
  afterAll(async () => { await app.close(); await t.close(); });

  it('finds the write routes in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(3);
  });

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
