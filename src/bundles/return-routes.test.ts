// HTTP for a bundle's return (issue 17 §4) on the demo province: the choice at receipt and its
// change, the counter's list and the return of every ready member in one call; bad input 4xx with a
// code (never a 500), nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeAgencyStaff } from '../../test/factories';
import { closeAll, createTestApp, expectError } from '../../test/http';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import type { DossierHook } from '../dossiers/events';
import { performAction } from '../dossiers/service';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import type { HttpApp } from '../platform/http/server';
import { postalResultHookWith } from '../postal/service';
import { seedDemo } from '../seed';
import { bundleHook } from './hook';
import { bundleResultPlan } from './returns';
import { registerBundleRoutes } from './routes';

let t: TestDatabase;
let app: HttpApp;
const clock = new FixedClock(new Date('2026-06-01T09:00:00+07:00')); // Monday
const hooks: DossierHook[] = [];
hooks.push(bundleHook({ hooks: () => hooks }), postalResultHookWith({ plan: bundleResultPlan }));
let clerk: Actor;
const as = (who: string) => ({ 'x-test-actor': who });

async function papersOf(code: string) {
  const p = await getProcedure(t.db, code, '2026-06-01');
  return (p?.requiredPapers ?? []).filter((r) => paperRequirement(r) === 'required').map((r) => ({ key: r.key, source: 'scanned' as const }));
}

async function staffOf(identifier: string, role: 'officer' | 'approver'): Promise<Actor> {
  const a = await t.db.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id').select(['a.id', 'u.path'])
    .where('a.identifier', '=', identifier).orderBy('a.valid_from', 'desc').executeTakeFirstOrThrow();
  const username = `${role}-${identifier}-r`;
  const row = await makeAgencyStaff(t.db, { username, fullName: username, role, agencyId: a.id, unitPath: a.path });
  return { userId: row.id, username, fullName: username, role, scope: { kind: 'agency', agencyId: a.id, unitPath: a.path } };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
  clerk = { userId: 9921, username: 'clerk-return-route', fullName: 'Người trả kết quả', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  const supervisor: Actor = { userId: 9922, username: 'sup', fullName: 'Giám sát', role: 'supervisor', scope: { kind: 'unit', unitId: 1, unitPath: '/82/' } };
  app = await createTestApp((who) => ({ clerk, supervisor } as Record<string, Actor>)[who], (a) => registerBundleRoutes(a, { db: t.db, clock, hooks }));
}, 180_000);
afterAll(async () => { await closeAll(app, t); });

const applicant = { personalId: '087090007777', name: 'Lê Văn Tư', phone: '0913000222', unitCode: '29926' };
const formData = { fullName: applicant.name, personalId: applicant.personalId, address: 'ấp 3, xã Tân Hồng', subjectFullName: 'Lê Văn Năm', eventDate: '2026-05-28' };

describe('a bundle\'s return over HTTP', () => {
  let code = '';

  it('refuses post for the birth bundle with the member named, and a malformed choice', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: as('clerk'), payload: {
      bundleCode: '2.002621', applicant, formData: {}, papers: {}, returnChoice: { timing: 'together', place: 'post', address: 'ấp 3, xã Tân Hồng' },
    } });
    expectError(res, 400, 'BUNDLE_INVALID');
    expect(JSON.stringify(res.json())).toContain('Đăng ký thường trú');
    const bad = await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: as('clerk'), payload: { bundleCode: '2.002622', applicant, formData, papers: {}, returnChoice: { timing: 'sometimes', place: 'counter' } } });
    expect(bad.statusCode).toBe(400);
    expect(await t.db.selectFrom('bundles').select('id').execute()).toEqual([]);
  });

  it('receives the death bundle to be returned together at the counter, and shows the choice', async () => {
    const papers = { death: await papersOf('1.000656'), residenceRemoval: await papersOf('2.002622.XTT'), funeralAllowance: await papersOf('2.002622.MTP') };
    const res = await app.inject({ method: 'POST', url: '/api/v1/bundles', headers: as('clerk'), payload: { bundleCode: '2.002622', applicant, formData, papers, returnChoice: { timing: 'together', place: 'counter' } } });
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().code as string;
    const view = await app.inject({ method: 'GET', url: `/api/v1/bundles/${code}`, headers: as('clerk') });
    expect(view.json()).toMatchObject({ returnChoice: { timing: 'together', place: 'counter', address: null }, returnable: { now: [] } });
    expect(view.json().returnable.awaited).toHaveLength(3);
  });

  it('changes the choice (bad address 400, supervisor 403, nothing changed) and back', async () => {
    expectError(await app.inject({ method: 'PUT', url: `/api/v1/bundles/${code}/return-choice`, headers: as('clerk'), payload: { timing: 'together', place: 'post', address: 'x' } }), 400, 'BUNDLE_RETURN_CHOICE_INVALID');
    expectError(await app.inject({ method: 'PUT', url: `/api/v1/bundles/${code}/return-choice`, headers: as('supervisor'), payload: { timing: 'asReady', place: 'counter' } }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'PUT', url: '/api/v1/bundles/000.58.61.H20-260601-9999/return-choice', headers: as('clerk'), payload: { timing: 'asReady', place: 'counter' } }), 404, 'BUNDLE_NOT_FOUND');
    const post = await app.inject({ method: 'PUT', url: `/api/v1/bundles/${code}/return-choice`, headers: as('clerk'), payload: { timing: 'together', place: 'post', address: 'Số 7, ấp 3, xã Tân Hồng' } });
    expect(post.json()).toEqual({ timing: 'together', place: 'post', address: 'Số 7, ấp 3, xã Tân Hồng' });
    expectError(await app.inject({ method: 'POST', url: `/api/v1/bundles/${code}/return`, headers: as('clerk'), payload: { signature: { name: applicant.name, signedAt: '2026-06-01T02:00:00.000Z' } } }), 409, 'BUNDLE_RETURNS_BY_POST');
    const back = await app.inject({ method: 'PUT', url: `/api/v1/bundles/${code}/return-choice`, headers: as('clerk'), payload: { timing: 'together', place: 'counter' } });
    expect(back.statusCode).toBe(200);
    expect((await t.db.selectFrom('audit_log').select('action').where('entity_key', '=', code).where('action', '=', 'bundle.returnChoice').execute())).toHaveLength(2);
  });

  it('is not returnable while results are awaited; then listed once and returned in one call', async () => {
    expectError(await app.inject({ method: 'POST', url: `/api/v1/bundles/${code}/return`, headers: as('clerk'), payload: { signature: { name: applicant.name, signedAt: '2026-06-01T02:00:00.000Z' } } }), 409, 'BUNDLE_NOT_RETURNABLE');
    const members = (await app.inject({ method: 'GET', url: `/api/v1/bundles/${code}`, headers: as('clerk') })).json().members as { key: string; dossier: { code: string; competentAgency: { identifier: string } } }[];
    const ctx = (a: Actor) => ({ db: t.db, clock, actor: a, hooks });
    const staff = new Map<string, { officer: Actor; approver: Actor }>();
    for (const m of members) { // death first: the two others start on its result
      const agency = m.dossier.competentAgency.identifier;
      const s = staff.get(agency) ?? { officer: await staffOf(agency, 'officer'), approver: await staffOf(agency, 'approver') };
      staff.set(agency, s);
      const status = (await t.db.selectFrom('dossiers').select('status').where('code', '=', m.dossier.code).executeTakeFirstOrThrow()).status;
      if (status === 'received') await performAction(ctx(clerk), m.dossier.code, 'forward', {});
      await performAction(ctx(s.approver), m.dossier.code, 'approve', {});
      clock.set(new Date('2026-06-02T10:00:00+07:00'));
      await performAction(ctx(s.officer), m.dossier.code, 'markResultReady', {});
    }
    const list = await app.inject({ method: 'GET', url: '/api/v1/bundles/to-return', headers: as('clerk') });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { code: string }) => i.code)).toEqual([code]);
    expect([...list.json().heldCodes].sort()).toEqual(members.map((m) => m.dossier.code).sort());
    expectError(await app.inject({ method: 'GET', url: '/api/v1/bundles/to-return', headers: as('supervisor') }), 403, 'FORBIDDEN');
    clock.set(new Date('2026-06-02T14:00:00+07:00'));
    const done = await app.inject({ method: 'POST', url: `/api/v1/bundles/${code}/return`, headers: as('clerk'), payload: { signature: { name: applicant.name, signedAt: '2026-06-02T06:59:00.000Z' } } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().returned.map((r: { status: string }) => r.status)).toEqual(['returned', 'returned', 'returned']);
    expect((await app.inject({ method: 'GET', url: '/api/v1/bundles/to-return', headers: as('clerk') })).json()).toEqual({ items: [], heldCodes: [] });
    expectError(await app.inject({ method: 'POST', url: `/api/v1/bundles/${code}/return`, headers: as('clerk'), payload: { signature: { name: applicant.name, signedAt: '2026-06-02T07:00:00.000Z' } } }), 409, 'BUNDLE_NOT_RETURNABLE');
  });
});
