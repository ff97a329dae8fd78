// Authorization matrix over every route of /api/openapi.json (issue 10 §14). Each operation has a
// row in access-matrix-rows.ts (what it needs: nothing, a session, or a permission; the kind of
// resource it acts on); a route added without a row, or a row left for a removed route, fails.
// Anonymous: every signed-in route answers 401 (or a 400 of its schema), never data. Per role
// (admin, clerk, courier, officer, approver, supervisor, citizen — every one a real account of
// scope A, signed in through POST /auth/login): the expected answer is derived from
// rolePermissions (src/accounts/model.ts): a role without the permission → 403 (never 2xx, never
// 500); with it, on a resource of scope B → 403 or 404 (never the data); in scope → not 401/403
// (and never 500).
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { roles, roleHas } from '../src/accounts/model';
import type { Role } from '../src/platform/actor';
import { systemClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import type { HttpApp } from '../src/platform/http/server';
import { receiveDossier } from '../src/dossiers/service';
import { reportExportsJob } from '../src/reports/exports';
import { buildWorld, type World } from '../src/dossiers/world.test-helper';
import { counterOutcome, matrix, pickupRequest, type Row, type Scope } from './access-matrix-rows';
import { createTestDatabase, type TestDatabase } from './db';
import { makeServicePoint, makeUser, TEST_PASSWORD } from './factories';

type SignedIn = Extract<Row, { access: 'signed-in' }>;
/** The loops over every route × role grow with every route added: a minute-scale budget under load. */
const ROUTES_X_ROLES_TIMEOUT_MS = 180_000;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

let t: TestDatabase;
let app: HttpApp;
let w: World;
let operations: string[];
/** The bearer token of each role's account in scope A, and of a few accounts of scope B. */
const token: Partial<Record<Role | 'clerkB' | 'supervisorB' | 'systemAdmin', string>> = {};
/** Path parameters naming a resource of scope A (`in`) and of scope B (`out`). */
const ids: Record<'in' | 'out', Record<string, string>> = { in: {}, out: {} };
let scopeA: Scope;
/** Route × role × scope cases run by the role tests (at least one per signed-in row and role). */
let cases = 0;

async function signIn(username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
}

function call(who: keyof typeof token | null, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  const options: InjectOptions = { method, url, headers: who ? { authorization: `Bearer ${token[who] ?? ''}` } : {} };
  if (payload !== undefined) options.payload = payload as InjectOptions['payload'];
  return app.inject(options);
}

beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
  app = await buildApp({ db: t.db, clock: systemClock, config: loadConfig({ MOTCUA_WEB_DIR: '/nonexistent' }), loginRateLimit: 10_000, trackRateLimit: 10_000 });
  await app.ready();
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`));

  // scope A: the world's province, its commune agency and post office; scope B: the other province,
  // its commune's agency and a post office of its own
  const citizenA = '087090001234';
  const citizenB = '058090009876';
  const pointB = await makeServicePoint(w.db, { id: w.otherCommune.id, provinceCode: w.otherCommune.path.split('/')[1] ?? '' }, { code: `BD-B-${process.pid}`, receivingAgencyId: w.otherAgency.id });
  const scopeCodeOf: Record<Role, string | undefined> = {
    admin: w.province.code, supervisor: w.province.code, clerk: w.servicePoint.code, courier: w.servicePoint.code,
    officer: w.communeAgency.identifier, approver: w.communeAgency.identifier, citizen: undefined,
  };
  for (const role of roles) {
    const user = await makeUser(w.db, role, scopeCodeOf[role], role === 'citizen' ? { personalId: citizenA } : {});
    token[role] = await signIn(user.username);
  }
  const clerkB = await makeUser(w.db, 'clerk', pointB.code);
  token.clerkB = await signIn(clerkB.username);
  // an administrator of the whole system (scope '/'): the only one who may touch shared reference data
  token.systemAdmin = await signIn((await makeUser(w.db, 'admin')).username);
  token.supervisorB = await signIn((await makeUser(w.db, 'supervisor', w.otherCommune.code)).username);

  // a dossier in each scope
  const a = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: citizenA }));
  const clerkBActor = { ...w.actors.clerk, userId: clerkB.id, scope: { kind: 'servicePoint' as const, servicePointId: pointB.id, unitPath: w.otherCommune.path } };
  const b = await receiveDossier(w.ctx(clerkBActor), { ...w.intake({ personalId: citizenB }), applicant: { ...w.intake({ personalId: citizenB }).applicant, unitCode: w.otherCommune.code } });
  // an export and a counter outcome in each scope, through the API
  const exportOf = async (who: 'supervisor' | 'supervisorB') =>
    (await call(who, 'POST', '/api/v1/reports/exports', { kind: 'breakdown-xlsx', from: '2026-03-01', to: '2026-03-31' })).json() as { id: string };
  const outcomeOf = async (who: 'clerk' | 'clerkB', personalId: string) =>
    (await call(who, 'POST', '/api/v1/counter-outcomes', counterOutcome({ procedureCode: w.procedureCode, personalId }))).json() as { id: number };
  const [exportA, exportB] = [await exportOf('supervisor'), await exportOf('supervisorB')];
  await reportExportsJob({ db: t.db, clock: systemClock }).handler(); // the export job (pg-boss under `motcua serve`) makes their files
  const [outcomeA, outcomeB] = [await outcomeOf('clerk', citizenA), await outcomeOf('clerkB', citizenB)];
  // a pickup in each scope (src/postal), asked for by each scope's clerk: its shipment and its leg's tracking number
  const pickupOf = async (who: 'clerk' | 'clerkB', personalId: string, communeCode: string) =>
    (await call(who, 'POST', '/api/v1/postal/pickups', pickupRequest({ procedureCode: w.procedureCode, personalId, communeCode }))).json() as { id: number; legs: { trackingNumber: string }[] };
  const [pickupA, pickupB] = [await pickupOf('clerk', citizenA, w.commune.code), await pickupOf('clerkB', citizenB, w.otherCommune.code)];
  ids.in = { code: a.code, id: '', user: String((await makeUser(w.db, 'clerk', w.servicePoint.code)).id), export: exportA.id, counterOutcome: String(outcomeA.id),
    shipment: String(pickupA.id), leg: pickupA.legs[0]?.trackingNumber ?? '' };
  ids.out = { code: b.code, id: '', user: String(clerkB.id), export: exportB.id, counterOutcome: String(outcomeB.id), shipment: String(pickupB.id), leg: pickupB.legs[0]?.trackingNumber ?? '' };
  scopeA = { procedureCode: w.procedureCode, communeCode: w.commune.code, servicePointCode: w.servicePoint.code, personalId: citizenA, intake: { ...w.intake({ personalId: citizenA }) } };
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

/** The URL of an operation with its path parameters naming resources of one scope. */
function urlOf(op: string, row: SignedIn, scope: 'in' | 'out'): string {
  const path = op.split(' ')[1] ?? '';
  const p = ids[scope];
  return (row.query ? `${path}?${row.query}` : path)
    .replace('{code}', op.includes('/units/') ? w.commune.code : op.includes('/service-points/') ? w.servicePoint.code : p.code ?? '')
    .replace('{id}', row.resource === 'user' ? p.user ?? '' : row.resource === 'export' ? p.export ?? '' : row.resource === 'counterOutcome' ? p.counterOutcome ?? '' : row.resource === 'shipment' ? p.shipment ?? '' : '1')
    .replace('{trackingNumber}', p.leg ?? 'EB123456785VN')
    .replace('{validFrom}', '2025-07-01').replace('{identifier}', w.communeAgency.identifier)
    .replace('{year}', '2026').replace('{action}', 'approve').replace('{file}', 'receipt.pdf')
    .replace('{servicePointCode}', w.servicePoint.code).replace('{fileId}', '1').replace('{procedureCode}', w.procedureCode);
}

const holds = (role: Role, row: SignedIn) => row.needs === 'session' || row.needs.some((p) => roleHas(role, p));
const signedInRows = () => operations.filter((op) => matrix[op]?.access === 'signed-in').map((op) => [op, matrix[op] as SignedIn] as const);
const send = (who: Role | 'systemAdmin', op: string, row: SignedIn, scope: 'in' | 'out') =>
  call(who, op.split(' ')[0] as Method, urlOf(op, row, scope), row.body ? row.body(scopeA, who === 'systemAdmin' ? 'admin' : who) : op.startsWith('GET') ? undefined : {});

/** Sends each row as each role `picked` chooses, in or out of its scope; the answers `isWrong` flags, one line each. */
async function wrongAnswers(rows: readonly (readonly [string, SignedIn])[], picked: (role: Role, row: SignedIn) => boolean,
  scopeOf: (row: SignedIn) => 'in' | 'out', isWrong: (status: number, row: SignedIn) => boolean, shown = 120): Promise<string[]> {
  const wrong: string[] = [];
  for (const [op, row] of rows) {
    for (const role of roles.filter((r) => picked(r, row))) {
      const res = await send(role, op, row, scopeOf(row));
      cases += 1;
      if (isWrong(res.statusCode, row)) wrong.push(`${op} as ${role} → ${res.statusCode} ${res.body.slice(0, shown)}`);
    }
  }
  return wrong;
}

describe('authorization matrix: rows', () => {
  it('has one row for every route of the OpenAPI document, and none for a route that is gone', () => {
    expect(operations.filter((op) => !(op in matrix)), 'routes without a row in the matrix').toEqual([]);
    expect(Object.keys(matrix).filter((op) => !operations.includes(op)), 'rows for routes that no longer exist').toEqual([]);
  });
});

describe('authorization matrix: anonymous', () => {
  it('answers an anonymous caller of every signed-in route with 401 (or a 400 of its schema), never data', async () => {
    const leaks: string[] = [];
    for (const op of operations.filter((o) => matrix[o]?.access === 'signed-in')) {
      const [method, path] = op.split(' ') as [Method, string];
      const res = await call(null, method, path.replace(/\{[^}]+\}/g, '1'), method === 'GET' ? undefined : {});
      if (![400, 401].includes(res.statusCode)) leaks.push(`${op} → ${res.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('never asks an anonymous caller of a public route to sign in', async () => {
    for (const op of operations.filter((o) => matrix[o]?.access === 'public')) {
      const [method, path] = op.split(' ') as [Method, string];
      const res = await call(null, method, path.replace(/\{[^}]+\}/g, '1'), method === 'GET' ? undefined : {});
      expect(res.statusCode, op).not.toBe(401);
      expect(res.statusCode, op).toBeLessThan(500);
    }
  });
});

describe('authorization matrix: every role × in scope / out of scope', () => {
  it('refuses a role without the permission with 403 — never data, never a 500', async () => {
    const refused = (status: number, row: SignedIn) => (row.deniedAs4xx ? status >= 400 && status < 500 : status === 403);
    expect(await wrongAnswers(signedInRows(), (role, row) => !holds(role, row), () => 'in', (status, row) => !refused(status, row))).toEqual([]);
  }, ROUTES_X_ROLES_TIMEOUT_MS);

  it('answers a role with the permission, on a resource of scope B, 403 or 404 — never the data', async () => {
    const refused = (status: number, row: SignedIn) => (row.deniedAs4xx ? status >= 400 && status < 500 : [403, 404].includes(status));
    const rows = signedInRows().filter(([, r]) => r.resource !== 'none');
    expect(await wrongAnswers(rows, holds, (row) => (row.resource === 'shared' ? 'in' : 'out'), (status, row) => !refused(status, row))).toEqual([]);
  }, ROUTES_X_ROLES_TIMEOUT_MS);

  it('lets a role with the permission act in its own scope: not 401, not 403, never a 500', async () => {
    const rows = signedInRows().filter(([, r]) => r.resource !== 'shared');
    const kept = (status: number, row: SignedIn) => [401, 403].includes(status) || status >= 500 || (status >= 400 && !row.note);
    expect(await wrongAnswers(rows, holds, () => 'in', kept, 160)).toEqual([]);
  }, ROUTES_X_ROLES_TIMEOUT_MS);

  it('ran every signed-in row for every role at least once', () => {
    // without the permission (in scope) + with it in scope (or, on shared data, refused) = one case per row and role
    expect(cases).toBeGreaterThanOrEqual(signedInRows().length * roles.length);
  });

  it('lets the system administrator (scope \'/\') use the shared-data routes: not 401, not 403, never a 500', async () => {
    const wrong: string[] = [];
    for (const [op, row] of signedInRows().filter(([, r]) => r.resource === 'shared')) {
      const res = await send('systemAdmin', op, row, 'in');
      cases += 1;
      if ([401, 403].includes(res.statusCode) || res.statusCode >= 500 || (res.statusCode >= 400 && !row.deniedAs4xx && !row.note)) wrong.push(`${op} → ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  });
});
