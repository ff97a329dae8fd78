// HTTP for bundles on the demo province: the definitions with their combined form, a bundle received
// at the counter and read back with its members; bad input is a 4xx with a code, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { closeAll, createTestApp, expectError } from '../../test/http';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import type { DossierHook } from '../dossiers/events';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import type { HttpApp } from '../platform/http/server';
import { seedDemo } from '../seed';
import { bundleHook } from './hook';
import { registerBundleRoutes } from './routes';

let t: TestDatabase;
let app: HttpApp;
const clock = new FixedClock(new Date('2026-03-02T09:00:00+07:00'));
const hooks: DossierHook[] = [];
hooks.push(bundleHook({ hooks: () => hooks }));
let clerk: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
  clerk = { userId: 9902, username: 'clerk-route', fullName: 'Người tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  const supervisor: Actor = { userId: 9903, username: 'sup', fullName: 'Giám sát', role: 'supervisor', scope: { kind: 'unit', unitId: 1, unitPath: '/99/' } };
  app = await createTestApp((who) => ({ clerk, supervisor } as Record<string, Actor>)[who], (a) => registerBundleRoutes(a, { db: t.db, clock, hooks }));
}, 180_000);
afterAll(async () => { await closeAll(app, t); });

const as = (who: string) => ({ 'x-test-actor': who });
const body = (formData: Record<string, unknown>) => ({
  bundleCode: '2.002621',
  applicant: { personalId: '087090001234', name: 'Nguyễn Văn An', phone: '0912345678', unitCode: '29926' },
  formData,
  papers: {},
});

/** The required papers of each member of 2.002621, scanned. */
async function scannedPapers(): Promise<Record<string, { key: string; source: 'scanned' }[]>> {
  const papers: Record<string, { key: string; source: 'scanned' }[]> = {};
  for (const [key, procedure] of [['birth', '1.001193'], ['residence', '1.004222'], ['healthInsurance', '2.002621.BHYT']] as const) {
    const p = await getProcedure(t.db, procedure, '2026-03-02');
    papers[key] = (p?.requiredPapers ?? []).filter((r) => paperRequirement(r) === 'required').map((r) => ({ key: r.key, source: 'scanned' }));
  }
  return papers;
}

const counts = async () => ({
  bundles: (await t.db.selectFrom('bundles').select('id').execute()).length,
  dossiers: (await t.db.selectFrom('dossiers').select('id').execute()).length,
  events: (await t.db.selectFrom('dossier_events').select('id').execute()).length,
});

describe('bundles over HTTP', () => {
  it('lists the bundles in force, each member field asked once', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/bundle-definitions', headers: as('clerk') });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; form: { schema: { properties: Record<string, unknown> }; askedBy: Record<string, string[]> } }[];
    expect(items.map((i) => i.code)).toEqual(['2.002621', '2.002622']);
    expect(items[0]?.form.askedBy.fullName).toEqual(['birth', 'residence', 'healthInsurance']);
    expect(items[0]?.form.askedBy.residenceAddress).toEqual(['residence']);
  });

  it('receives a bundle and reads it back with its three members', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: as('clerk'), payload: body({ fullName: 'Nguyễn Văn An', personalId: '087090001234', address: 'ấp 1' }) });
    // the demo catalogue's papers are required: the members' intake names what is missing
    expectError(res, 400, 'DOSSIER_INVALID');
    expect(await t.db.selectFrom('bundles').select('id').execute()).toEqual([]);
    const papers = await scannedPapers();
    const ok = await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: as('clerk'), payload: { ...body({ fullName: 'Nguyễn Văn An', personalId: '087090001234', address: 'ấp 1' }), papers } });
    expect(ok.statusCode, ok.body).toBe(201);
    const code = ok.json().code as string;
    const view = await app.inject({ method: 'GET', url: `/api/v1/bundles/${code}`, headers: as('clerk') });
    expect(view.statusCode).toBe(200);
    expect(view.json().members.map((m: { key: string; dossier: { status: string } }) => [m.key, m.dossier.status])).toEqual([['birth', 'received'], ['residence', 'submitted'], ['healthInsurance', 'received']]);
    expect(view.json().state.status).toBe('inProgress');
    // outside every member's scope: the same 404 as an unknown bundle
    expectError(await app.inject({ method: 'GET', url: `/api/v1/bundles/${code}`, headers: as('supervisor') }), 404, 'BUNDLE_NOT_FOUND');
  });

  it('refuses a field no member asks, an unknown member and an unknown bundle', async () => {
    expectError(await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: as('clerk'), payload: body({ shoeSize: 42 }) }), 400, 'BUNDLE_INVALID');
    expectError(await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: as('clerk'), payload: { ...body({}), papers: { nobody: [] } } }), 400, 'BUNDLE_INVALID');
    expectError(await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: as('clerk'), payload: { ...body({}), bundleCode: '9.999999' } }), 400, 'BUNDLE_UNKNOWN');
    expectError(await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: as('supervisor'), payload: body({}) }), 403, 'BUNDLE_COUNTER_ONLY');
    expectError(await app.inject({ method: 'GET', url: '/api/v1/bundles/000.58.61.H20-260302-9999', headers: as('clerk') }), 404, 'BUNDLE_NOT_FOUND');
  });

  it('a retry with the same Idempotency-Key returns the same bundle and writes nothing', async () => {
    const payload = { ...body({ fullName: 'Trần Thị Bình', personalId: '087090005678', address: 'ấp 2' }), applicant: { personalId: '087090005678', name: 'Trần Thị Bình', phone: '0912000111', unitCode: '29926' }, papers: await scannedPapers() };
    const key = { ...as('clerk'), 'idempotency-key': 'bundle-retry-0001' };
    const first = await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: key, payload });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().replayed).toBe(false);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const before = await counts();
    // the response was lost: the counter sends the same request again (its papers listed in another order)
    const again = await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: key, payload: { ...payload, papers: Object.fromEntries(Object.entries(payload.papers).reverse()) } });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toMatchObject({ code: first.json().code, replayed: true });
    expect(again.json().members.map((m: { key: string; code: string }) => [m.key, m.code])).toEqual(first.json().members.map((m: { key: string; code: string }) => [m.key, m.code]));
    expect(await counts()).toEqual(before);
    // the same key with another body: 409, nothing written
    expectError(await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: key, payload: { ...payload, formData: { ...payload.formData, address: 'ấp 3' } } }), 409, 'IDEMPOTENCY_KEY_REUSED');
    expect(await counts()).toEqual(before);
  });

  it('concurrent retries with one Idempotency-Key make one bundle', async () => {
    const payload = { ...body({ fullName: 'Lê Văn Cường', personalId: '087090009999', address: 'ấp 4' }), applicant: { personalId: '087090009999', name: 'Lê Văn Cường', phone: '0912000222', unitCode: '29926' }, papers: await scannedPapers() };
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 6 }, () => app.inject({ method: 'POST', url: '/api/v1/bundles', headers: { ...as('clerk'), 'idempotency-key': 'bundle-race-0001' }, payload })));
    // each answer is the one bundle, or 409 IDEMPOTENCY_KEY_IN_USE while the first is still being written
    const codes = new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json().code as string));
    expect(codes.size).toBe(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) expectError(a, 409, 'IDEMPOTENCY_KEY_IN_USE');
    expect(await counts()).toMatchObject({ bundles: before.bundles + 1, dossiers: before.dossiers + 3 });
  });

  it('refuses a malformed Idempotency-Key and a key already used for a single dossier', async () => {
    const before = await counts();
    const bad = await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: { ...as('clerk'), 'idempotency-key': 'short' }, payload: body({}) });
    expect(bad.statusCode).toBe(400);
    await t.db.insertInto('idempotency_keys').values({ actor_id: clerk.userId, key: 'single-dossier-key-1', request_hash: 'f'.repeat(64), dossier_code: '000.58.61.H20-260302-0001' }).execute();
    expectError(await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: { ...as('clerk'), 'idempotency-key': 'single-dossier-key-1' }, payload: body({}) }), 409, 'IDEMPOTENCY_KEY_REUSED');
    expect(await counts()).toEqual(before);
  });
});
