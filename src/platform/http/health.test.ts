// Operators' routes: /api/metrics (Prometheus text) and /api/health/detail for a system
// administrator or the metrics token only; /api/health and every database-bound request answer
// 503 with Retry-After — never 500 — while the database cannot be reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import type { Actor } from '../actor';
import { connectUrl, type Database } from '../db/connect';
import { freePort } from '../db/embedded';
import { createMetrics } from '../metrics';
import { registerHealthRoutes, registerHttpMetrics } from './health';
import { createHttpServer, type HttpApp } from './server';

const TOKEN = 'scrape-token-0123456789';
const actors: Record<string, Actor> = {
  system: { userId: 1, username: 'quantri', fullName: 'Quản trị', role: 'admin', scope: { kind: 'unit', unitId: 0, unitPath: '/' } },
  clerk: { userId: 3, username: 'tiepnhan', fullName: 'Tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: 1, unitPath: '/87/' } },
};

async function appOver(db: Database, lookupActor: (who: string) => Promise<Actor | null>): Promise<HttpApp> {
  const resolveActor = async (request: { headers: Record<string, unknown> }) => {
    const who = request.headers['x-test-actor'];
    return typeof who === 'string' ? lookupActor(who) : null;
  };
  const app = await createHttpServer({ logger: false, version: 'test', resolveActor });
  const metrics = createMetrics({ processMetrics: false });
  metrics.addGauge('motcua_outbox_pending', 'test gauge', async () => 7);
  registerHttpMetrics(app, metrics);
  await registerHealthRoutes(app, {
    db, version: 'test', metrics, resolveActor, metricsToken: TOKEN,
    isOperator: (a) => a.role === 'admin' && a.scope.kind === 'unit' && a.scope.unitPath === '/',
    detailSections: { outbox: async () => ({ pending: 7, dead: 1 }) },
  });
  // a route that needs the database, as every capability's do
  app.get('/api/v1/probe', async () => (await db.selectFrom('schema_migrations').select('name').limit(1).execute()).length);
  await app.ready();
  return app;
}

describe('operator routes', () => {
  let t: TestDatabase;
  let app: HttpApp;
  beforeAll(async () => {
    t = await createTestDatabase();
    app = await appOver(t.db, async (who) => actors[who] ?? null);
  });
  afterAll(async () => { await app?.close(); await t?.close(); });

  it('refuses the metrics to anonymous callers (401) and to a clerk (403)', async () => {
    const anonymous = await app.inject({ url: '/api/metrics' });
    expect(anonymous.statusCode).toBe(401);
    const clerk = await app.inject({ url: '/api/metrics', headers: { 'x-test-actor': 'clerk' } });
    expect(clerk.statusCode).toBe(403);
    expect(clerk.json().error.code).toBe('OPERATOR_ONLY');
    expect((await app.inject({ url: '/api/metrics', headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode).toBe(401);
  });

  it('gives a system administrator and the token holder the Prometheus text with request counts and gauges', async () => {
    await app.inject({ url: '/api/v1/probe' });
    const admin = await app.inject({ url: '/api/metrics', headers: { 'x-test-actor': 'system' } });
    expect(admin.statusCode).toBe(200);
    expect(admin.headers['content-type']).toContain('text/plain');
    expect(admin.body).toContain('motcua_http_requests_total{method="GET",route="/api/v1/probe",status="200"} 1');
    expect(admin.body).toContain('motcua_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/probe"}');
    expect(admin.body).toContain('motcua_outbox_pending 7');
    const scraper = await app.inject({ url: '/api/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scraper.statusCode).toBe(200);
    expect(scraper.body).toContain('status="401"'); // the refused calls above were counted too
  });

  it('details the database, migrations and the capabilities\' figures for operators', async () => {
    const r = await app.inject({ url: '/api/health/detail', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', database: { up: true, migrations: { pending: 0 } }, sections: { outbox: { pending: 7, dead: 1 } } });
  });
});

describe('while the database is unreachable', () => {
  let app: HttpApp;
  let db: Database;
  beforeAll(async () => {
    const port = await freePort(); // nothing listens there
    db = connectUrl(`postgres://motcua:x@127.0.0.1:${port}/motcua`, 2).db;
    app = await appOver(db, async () => { await db.selectFrom('users').select('id').execute(); return null; });
  });
  afterAll(async () => { await app?.close(); await db?.destroy(); });

  it('answers /api/health 503 with Retry-After', async () => {
    const r = await app.inject({ url: '/api/health' });
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('5');
    expect(r.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' });
  });

  it('answers a request that needs the database 503 DATABASE_UNAVAILABLE in Vietnamese, never 500', async () => {
    for (const headers of [{}, { 'x-test-actor': 'clerk' }]) {
      const r = await app.inject({ url: '/api/v1/probe', headers });
      expect(r.statusCode).toBe(503);
      expect(r.headers['retry-after']).toBe('5');
      expect(r.json().error).toEqual({ code: 'DATABASE_UNAVAILABLE', message: 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít giây.' });
    }
  });

  it('still serves the metrics and the detail to the token holder, showing the database down', async () => {
    const metrics = await app.inject({ url: '/api/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('status="503"');
    const detail = await app.inject({ url: '/api/health/detail', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(detail.json()).toMatchObject({ status: 'degraded', database: { up: false, migrations: null } });
  });
});
