// A bundle's members by hand and the whole bundle's withdrawal (issue 17) on the demo province: the
// birth bundle 2.002621 received at Bưu điện văn hóa xã Tân Hồng on Monday 01/06/2026, residence
// waiting for the birth result. No supplement is asked of the waiting member and it is not withdrawn
// alone (409, nothing written); the birth member is not withdrawn alone while residence waits for
// it; the clerk withdraws the whole bundle in one call: every open member its own `withdraw` event
// carrying the bundle's code, the audit row, one transaction. Bad input 4xx with a code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeAgencyStaff } from '../../test/factories';
import { closeAll, createTestApp, expectError } from '../../test/http';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import type { DossierContext, DossierHook } from '../dossiers/events';
import { loadEvents } from '../dossiers/events';
import { registerDossierRoutes } from '../dossiers/routes';
import { getDossier, performAction } from '../dossiers/service';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import type { HttpApp } from '../platform/http/server';
import { seedDemo } from '../seed';
import { bundleHook } from './hook';
import { bundleRefusedActions } from './member-facts';
import { registerBundleRoutes } from './routes';
import { setReturnChoice } from './returns';
import { getBundle, receiveBundle } from './service';
import { membersToWithdraw } from './withdraw';

let t: TestDatabase;
let app: HttpApp;
const clock = new FixedClock(new Date('2026-06-01T09:00:00+07:00')); // Monday
const hooks: DossierHook[] = [];
hooks.push(bundleHook({ hooks: () => hooks }));
let clerk: Actor;
let officer: Actor;
let approver: Actor;
let bhxhOfficer: Actor;
const ctx = (a: Actor): DossierContext => ({ db: t.db, clock, actor: a, hooks });
const as = (who: string) => ({ 'x-test-actor': who });

async function papersOf(code: string) {
  const p = await getProcedure(t.db, code, '2026-06-01');
  return (p?.requiredPapers ?? []).filter((r) => paperRequirement(r) === 'required').map((r) => ({ key: r.key, source: 'scanned' as const }));
}

async function staffOf(identifier: string, role: 'officer' | 'approver'): Promise<Actor> {
  const a = await t.db.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id').select(['a.id', 'u.path'])
    .where('a.identifier', '=', identifier).orderBy('a.valid_from', 'desc').executeTakeFirstOrThrow();
  const username = `${role}-${identifier}-w`;
  const row = await makeAgencyStaff(t.db, { username, fullName: username, role, agencyId: a.id, unitPath: a.path });
  return { userId: row.id, username, fullName: username, role, scope: { kind: 'agency', agencyId: a.id, unitPath: a.path } };
}

const applicant = { personalId: '087090008888', name: 'Phạm Thị Mai', phone: '0913000333', unitCode: '29926' };

async function receiveBirth() {
  const r = await receiveBundle(ctx(clerk), {
    bundleCode: '2.002621', applicant,
    formData: { fullName: applicant.name, personalId: applicant.personalId, address: 'ấp 4, xã Tân Hồng', subjectFullName: 'Phạm Văn Tí', eventDate: '2026-05-28', residenceAddress: 'ấp 4, xã Tân Hồng' },
    papers: { birth: await papersOf('1.001193'), residence: await papersOf('1.004222'), healthInsurance: await papersOf('2.002621.BHYT') },
  });
  return { parent: r.code, code: Object.fromEntries(r.members.map((m) => [m.key, m.code])) as Record<'birth' | 'residence' | 'healthInsurance', string> };
}

const eventsOf = async (code: string) => loadEvents(t.db, await t.db.selectFrom('dossiers').select(['id', 'code', 'submitted_at']).where('code', '=', code).executeTakeFirstOrThrow());
const rowOf = (code: string) => t.db.selectFrom('dossiers').select(['status', 'version', 'supplement_count']).where('code', '=', code).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
  clerk = { userId: 9931, username: 'clerk-withdraw', fullName: 'Người tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  officer = await staffOf('000.58.61.H20', 'officer');
  approver = await staffOf('000.58.61.H20', 'approver');
  bhxhOfficer = await staffOf('000.00.40.H20', 'officer');
  app = await createTestApp((who) => ({ clerk, officer } as Record<string, Actor>)[who], (a) => {
    registerBundleRoutes(a, { db: t.db, clock, hooks });
    registerDossierRoutes(a, { db: t.db, clock, hooks, refusedActions: bundleRefusedActions });
  });
}, 180_000);
afterAll(async () => { await closeAll(app, t); });

describe('a waiting member by hand', () => {
  it('is offered no action and refuses a supplement and a withdrawal of its own (409, nothing written)', async () => {
    const { code } = await receiveBirth();
    expect((await getDossier(ctx(clerk), code.residence)).allowedActions).toEqual([]);
    const before = await rowOf(code.residence);
    await expect(performAction(ctx(clerk), code.residence, 'requestSupplement', { reason: 'Thiếu tờ khai CT01', items: ['Tờ khai CT01'] }))
      .rejects.toMatchObject({ code: 'BUNDLE_SUPPLEMENT_NOT_STARTED', message: expect.stringContaining('chỉ cơ quan đang giải quyết hồ sơ thành phần') });
    await expect(performAction(ctx(clerk), code.residence, 'withdraw', { reason: 'Người nộp xin rút' })).rejects.toMatchObject({ code: 'BUNDLE_WITHDRAW_WHOLE' });
    await expect(performAction(ctx(clerk), code.residence, 'refuse', { reason: 'Thiếu giấy tờ' })).rejects.toMatchObject({ code: 'BUNDLE_MEMBER_WAITING' });
    expect(await rowOf(code.residence)).toEqual(before);
    expect((await eventsOf(code.residence)).map((e) => e.action)).toEqual(['submitted']);
  });

  it('the bundle\'s view names what each member refuses by hand, as the server does: the pages offer none of it', async () => {
    const { parent, code } = await receiveBirth();
    const view = await getBundle(ctx(clerk), parent);
    const refused = Object.fromEntries(view.members.map((m) => [m.key, m.refusals.map((r) => [r.action, r.code])]));
    expect(refused).toEqual({
      birth: [['withdraw', 'BUNDLE_WITHDRAW_WHOLE']],
      residence: [['receive', 'BUNDLE_MEMBER_WAITING'], ['refuse', 'BUNDLE_MEMBER_WAITING'], ['requestSupplement', 'BUNDLE_SUPPLEMENT_NOT_STARTED'], ['withdraw', 'BUNDLE_WITHDRAW_WHOLE']],
      healthInsurance: [],
    });
    expect(view.members.find((m) => m.key === 'birth')?.waitedOnBy).toEqual([code.residence]);
    // the birth dossier's own page does not offer it either (the same rule, through the dossiers' refused actions), and the server refuses it
    expect((await getDossier({ ...ctx(clerk), refusedActions: bundleRefusedActions }, code.birth)).allowedActions).not.toContain('withdraw');
    expect((await getDossier(ctx(clerk), code.birth)).allowedActions).toContain('withdraw'); // without the bundles' source: the state machine alone
    const page = await app.inject({ method: 'GET', url: `/api/v1/dossiers/${code.birth}`, headers: as('clerk') });
    expect(page.json().allowedActions).not.toContain('withdraw');
    expect((await getDossier({ ...ctx(clerk), refusedActions: bundleRefusedActions }, code.healthInsurance)).allowedActions).toContain('withdraw');
    const birthWithdraw = view.members.find((m) => m.key === 'birth')?.refusals[0];
    await expect(performAction(ctx(clerk), code.birth, 'withdraw', {})).rejects.toMatchObject({ code: birthWithdraw?.code, message: birthWithdraw?.message });
  });

  it('the birth member is not withdrawn alone while residence waits for it; the health-insurance card is', async () => {
    const { code } = await receiveBirth();
    await expect(performAction(ctx(clerk), code.birth, 'withdraw', {})).rejects.toMatchObject({ code: 'BUNDLE_WITHDRAW_WHOLE', message: expect.stringContaining(code.residence) });
    expect((await rowOf(code.birth)).status).toBe('received');
    // the started member's own agency may still ask a supplement
    await performAction(ctx(clerk), code.healthInsurance, 'forward', {});
    await performAction(ctx(bhxhOfficer), code.healthInsurance, 'requestSupplement', { reason: 'Tờ khai thiếu mã hộ gia đình', items: ['Tờ khai có mã hộ gia đình'] });
    expect((await rowOf(code.healthInsurance)).status).toBe('awaitingSupplement');
    expect((await performAction(ctx(clerk), code.healthInsurance, 'withdraw', { reason: 'Đã có thẻ BHYT' })).status).toBe('withdrawn');
  });
});

describe('the whole bundle withdrawn at the counter', () => {
  it('withdraws every open member in one call, each its own event with the bundle\'s code, audited', async () => {
    const { parent, code } = await receiveBirth();
    clock.set(new Date('2026-06-01T10:30:00+07:00'));
    await performAction(ctx(clerk), code.birth, 'forward', {});
    const res = await app.inject({ method: 'POST', url: `/api/v1/bundles/${parent}/withdraw`, headers: as('clerk'), payload: { reason: 'Gia đình chuyển đi nơi khác, xin rút' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().withdrawn.map((w: { code: string; status: string; syncCode: number }) => [w.code, w.status, w.syncCode]))
      .toEqual([code.birth, code.residence, code.healthInsurance].sort().map((c) => [c, 'withdrawn', 7]));
    for (const c of Object.values(code)) {
      const events = await eventsOf(c);
      expect(events.at(-1)).toMatchObject({ action: 'withdraw', payload: { bundle: parent, reason: 'Gia đình chuyển đi nơi khác, xin rút' } });
    }
    const audit = await t.db.selectFrom('audit_log').select(['action', 'payload']).where('entity_key', '=', parent).where('action', '=', 'bundle.withdraw').execute();
    expect(audit).toHaveLength(1);
    expectError(await app.inject({ method: 'POST', url: `/api/v1/bundles/${parent}/withdraw`, headers: as('clerk'), payload: { reason: 'lần nữa' } }), 409, 'BUNDLE_NOTHING_TO_WITHDRAW');
    // it reads as withdrawn, and nothing is left to return: no change of the return choice
    const view = (await app.inject({ method: 'GET', url: `/api/v1/bundles/${parent}`, headers: as('clerk') })).json();
    expect(view).toMatchObject({ state: { status: 'withdrawn' }, returnChoiceOpen: false, backFromPost: false });
    expect(view.members.map((m: { refusals: unknown[] }) => m.refusals)).toEqual([[], [], []]);
    await expect(setReturnChoice(ctx(clerk), parent, { timing: 'together', place: 'counter' })).rejects.toMatchObject({ code: 'BUNDLE_NOTHING_TO_RETURN' });
  });

  it('keeps a member that already has its result', async () => {
    const { parent, code } = await receiveBirth();
    await performAction(ctx(clerk), code.birth, 'forward', {});
    await performAction(ctx(approver), code.birth, 'approve', {});
    await performAction(ctx(officer), code.birth, 'markResultReady', { resultNumber: '88/2026' });
    expect((await rowOf(code.residence)).status).toBe('received'); // started by the birth result
    const res = await app.inject({ method: 'POST', url: `/api/v1/bundles/${parent}/withdraw`, headers: as('clerk'), payload: { reason: 'Xin rút' } });
    expect(res.json().withdrawn.map((w: { code: string }) => w.code)).toEqual([code.residence, code.healthInsurance].sort());
    expect((await rowOf(code.birth)).status).toBe('resultReady');
    // the birth result still goes back: the choice may still change
    expect(await getBundle(ctx(clerk), parent)).toMatchObject({ state: { status: 'resultReadyOthersEnded' }, returnChoiceOpen: true });
  });

  it('bad input: 400 without a reason, 403 for an officer, 404 for an unknown bundle — nothing written', async () => {
    const { parent, code } = await receiveBirth();
    const before = await rowOf(code.birth);
    expectError(await app.inject({ method: 'POST', url: `/api/v1/bundles/${parent}/withdraw`, headers: as('clerk'), payload: { reason: '  ' } }), 400, 'BUNDLE_WITHDRAW_INVALID');
    expect((await app.inject({ method: 'POST', url: `/api/v1/bundles/${parent}/withdraw`, headers: as('clerk'), payload: {} })).statusCode).toBe(400);
    expectError(await app.inject({ method: 'POST', url: `/api/v1/bundles/${parent}/withdraw`, headers: as('officer'), payload: { reason: 'x' } }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'POST', url: '/api/v1/bundles/000.58.61.H20-260601-9999/withdraw', headers: as('clerk'), payload: { reason: 'x' } }), 404, 'BUNDLE_NOT_FOUND');
    expect(await rowOf(code.birth)).toEqual(before);
  });
});

describe('membersToWithdraw', () => {
  it('takes the open members, leaves results and ended ones', () => {
    expect(membersToWithdraw([
      { code: 'A', status: 'submitted' }, { code: 'B', status: 'processing' }, { code: 'C', status: 'resultReady' },
      { code: 'D', status: 'returned' }, { code: 'E', status: 'awaitingSupplement' }, { code: 'F', status: 'rejected' }, { code: 'G', status: 'received' },
    ])).toEqual(['A', 'B', 'E', 'G']);
  });
});
