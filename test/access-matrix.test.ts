// Authorization matrix over every route of /api/openapi.json (issue 10 §14), anonymous column:
// each operation has a row saying whether it is public; a route added without a row, or a row
// left for a removed route, fails. Every signed-in route answers an anonymous request 401 (or 400
// when the request is refused by its schema before anyone is asked who they are) — never data.
// Not yet here: the columns per role (admin, clerk, courier, officer, approver, supervisor,
// citizen) × in scope / out of scope; docs/security.md says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { systemClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import type { HttpApp } from '../src/platform/http/server';
import { createTestDatabase, type TestDatabase } from './db';

type Access = 'public' | 'signed-in';

/** Every operation of the API and whether an anonymous caller may use it. */
const anonymousAccess: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/health/detail': 'signed-in',
  'GET /api/metrics': 'signed-in',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /api/v1/auth/me': 'signed-in',
  'GET /api/v1/auth/session': 'public', // says whether anyone is signed in: { user: null } when not
  'POST /api/v1/auth/password': 'signed-in',
  'GET /api/v1/users': 'signed-in',
  'POST /api/v1/users': 'signed-in',
  'GET /api/v1/users/{id}': 'signed-in',
  'GET /api/v1/units': 'signed-in',
  'GET /api/v1/units/{code}': 'signed-in',
  'GET /api/v1/agencies': 'signed-in',
  'GET /api/v1/service-points': 'signed-in',
  'GET /api/v1/service-points/{code}': 'signed-in',
  'POST /api/v1/admin/directory/import': 'signed-in',
  'GET /api/v1/procedures': 'public',
  'GET /api/v1/procedures/{code}': 'public',
  'POST /api/v1/admin/catalog/import': 'signed-in',
  'GET /api/v1/calendar/due': 'signed-in',
  'GET /api/v1/calendar/{year}': 'signed-in',
  'GET /api/v1/calendar/{year}/versions': 'signed-in',
  'PUT /api/v1/admin/calendar/{year}': 'signed-in',
  'POST /api/v1/admin/calendar/import': 'signed-in',
  'POST /api/v1/reports/exports': 'signed-in',
  'GET /api/v1/reports/exports/{id}': 'signed-in',
  'GET /api/v1/reports/exports/{id}/file': 'signed-in',
  'GET /api/v1/reports/summary': 'signed-in',
  'GET /api/v1/reports/breakdown': 'signed-in',
  'GET /api/v1/reports/trend': 'signed-in',
  'GET /api/v1/reports/late': 'signed-in',
  'GET /api/v1/reports/dossiers': 'signed-in',
  'GET /api/v1/reports/indicators': 'signed-in',
  'GET /api/v1/supervision/at-risk': 'signed-in',
  'GET /api/v1/supervision/overdue': 'signed-in',
  'GET /api/v1/supervision/officers': 'signed-in',
  'POST /api/v1/supervision/audit-verify': 'signed-in',
  'GET /api/v1/transparency/procedures': 'public',
  'GET /api/v1/transparency/procedures/{code}': 'public',
  'GET /api/v1/notifications': 'signed-in',
  'POST /api/v1/notifications/read': 'signed-in',
  'POST /api/v1/dossiers': 'signed-in',
  'GET /api/v1/dossiers': 'signed-in',
  'GET /api/v1/dossiers/{code}': 'signed-in',
  'GET /api/v1/dossiers/{code}/assignees': 'signed-in',
  'POST /api/v1/dossiers/{code}/actions/{action}': 'signed-in',
  'GET /api/v1/queue': 'signed-in',
  'GET /api/v1/audit/verify': 'signed-in',
  'GET /api/v1/track/{code}': 'public',
  'GET /api/v1/dossiers/{code}/slips/{file}': 'signed-in',
  'GET /api/v1/ledger.pdf': 'signed-in',
  'GET /api/v1/ledger.xlsx': 'signed-in',
  'POST /api/v1/counter-outcomes': 'signed-in',
  'GET /api/v1/counter-outcomes': 'signed-in',
  'GET /api/v1/counter-outcomes/{id}': 'signed-in',
  'GET /api/v1/counter-outcomes/{id}/slip.pdf': 'signed-in',
  'GET /api/v1/admin/outbox': 'signed-in',
  'POST /api/v1/admin/outbox/{id}/retry': 'signed-in',
  'GET /api/v1/public/anchors': 'public',
};

let t: TestDatabase;
let app: HttpApp;
let operations: string[];

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({ db: t.db, clock: systemClock, config: loadConfig({ MOTCUA_WEB_DIR: '/nonexistent' }), loginRateLimit: 10_000, trackRateLimit: 10_000 });
  await app.ready();
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('authorization matrix: anonymous', () => {
  it('has one row for every route of the OpenAPI document, and none for a route that is gone', () => {
    expect(operations.filter((op) => !(op in anonymousAccess)), 'routes without a row in the matrix').toEqual([]);
    expect(Object.keys(anonymousAccess).filter((op) => !operations.includes(op)), 'rows for routes that no longer exist').toEqual([]);
  });

  it('answers an anonymous caller of every signed-in route with 401 (or a 400 of its schema), never data', async () => {
    const leaks: string[] = [];
    for (const op of operations.filter((o) => anonymousAccess[o] === 'signed-in')) {
      const [method, path] = op.split(' ') as ['GET' | 'POST' | 'PUT', string];
      const url = path.replace(/\{[^}]+\}/g, '1');
      const res = await app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
      if (![400, 401].includes(res.statusCode)) leaks.push(`${op} → ${res.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('never asks an anonymous caller of a public route to sign in', async () => {
    for (const op of operations.filter((o) => anonymousAccess[o] === 'public')) {
      const [method, path] = op.split(' ') as ['GET' | 'POST', string];
      const res = await app.inject({ method, url: path.replace(/\{[^}]+\}/g, '1'), ...(method === 'GET' ? {} : { payload: {} }) });
      expect(res.statusCode, op).not.toBe(401);
      expect(res.statusCode, op).toBeLessThan(500);
    }
  });
});
