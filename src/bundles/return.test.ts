// Returning a bundle's results (issue 17 §4) on the demo province: the death + residence removal +
// funeral allowance bundle (2.002622, every member allows postal return) received at Bưu điện văn
// hóa xã Tân Hồng on Monday 04/05/2026. Together by post: one result leg (one S10 number, one note
// listing every member) made in the transaction of the last result, delivered once, every member
// returned. Together at the counter: a stopped member holds nobody back; one action returns the
// rest. The birth bundle (2.002621) cannot go by post: permanent residence (1.004222) does not.
// Together by post, undelivered twice and taken back to the agency: returned at the counter in one
// action as a counter bundle is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeAgencyStaff, saveActorAsUser } from '../../test/factories';
import { pdfText } from '../../test/pdf-text';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import type { DossierContext, DossierHook } from '../dossiers/events';
import { loadEvents } from '../dossiers/events';
import { performAction } from '../dossiers/service';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { useTempFiles } from '../postal/files.test-helper';
import { assignCourier, collectResult, consignmentNotePdf, getShipmentByTracking, postalResultHookWith, recordDeliveryAttempt, returnResultToAgency } from '../postal/service';
import { seedDemo } from '../seed';
import { bundleHook } from './hook';
import { bundleResultPlan, bundlesToReturn, returnBundleAtCounter, setReturnChoice } from './returns';
import { getBundle, receiveBundle } from './service';

let t: TestDatabase;
const clock = new FixedClock(new Date('2026-05-04T09:00:00+07:00')); // Monday after 30/04–01/05
const hooks: DossierHook[] = [];
hooks.push(bundleHook({ hooks: () => hooks }), postalResultHookWith({ plan: bundleResultPlan }));
const files = useTempFiles();
const ctx = (a: Actor): DossierContext & { files: typeof files } => ({ db: t.db, clock, actor: a, hooks, files });
const at = (iso: string) => clock.set(new Date(iso));
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const sig = (name: string, personalId?: string) => ({ name, image: PNG, ...(personalId ? { personalId } : {}) });
let clerk: Actor;
let courier: Actor;
const staffOf = new Map<string, { officer: Actor; approver: Actor }>();

async function staff(agencyIdentifier: string): Promise<{ officer: Actor; approver: Actor }> {
  const known = staffOf.get(agencyIdentifier);
  if (known) return known;
  const a = await t.db.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id').select(['a.id', 'u.path'])
    .where('a.identifier', '=', agencyIdentifier).orderBy('a.valid_from', 'desc').executeTakeFirstOrThrow();
  const make = async (role: 'officer' | 'approver'): Promise<Actor> => {
    const username = `${role}-${agencyIdentifier}`;
    const row = await makeAgencyStaff(t.db, { username, fullName: `Cán bộ ${username}`, role, agencyId: a.id, unitPath: a.path });
    return { userId: row.id, username, fullName: `Cán bộ ${username}`, role, scope: { kind: 'agency', agencyId: a.id, unitPath: a.path } };
  };
  const s = { officer: await make('officer'), approver: await make('approver') };
  staffOf.set(agencyIdentifier, s);
  return s;
}

async function papersOf(code: string) {
  const p = await getProcedure(t.db, code, '2026-05-04');
  if (!p) throw new Error(`no procedure ${code}`);
  return p.requiredPapers.filter((r) => paperRequirement(r) === 'required').map((r) => ({ key: r.key, source: 'scanned' as const }));
}

const applicant = { personalId: '087090004321', name: 'Trần Thị Hoa', phone: '0912000111', unitCode: '29926' };

async function receiveDeath(returnChoice: { timing: string; place: string; address?: string }) {
  return receiveBundle(ctx(clerk), {
    bundleCode: '2.002622', applicant, returnChoice,
    formData: { fullName: applicant.name, personalId: applicant.personalId, address: 'ấp 2, xã Tân Hồng', subjectFullName: 'Trần Văn Lâm', eventDate: '2026-05-01' },
    papers: { death: await papersOf('1.000656'), residenceRemoval: await papersOf('2.002622.XTT'), funeralAllowance: await papersOf('2.002622.MTP') },
  });
}

const statusOf = async (code: string) => (await t.db.selectFrom('dossiers').select('status').where('code', '=', code).executeTakeFirstOrThrow()).status;

/** Hands a member to its agency if still at the counter, approves it and marks its result ready at `when`. */
async function resultReady(code: string, agency: string, when: string, resultNumber?: string): Promise<void> {
  const s = await staff(agency);
  if (await statusOf(code) === 'received') await performAction(ctx(clerk), code, 'forward', {});
  await performAction(ctx(s.approver), code, 'approve', {});
  at(when);
  await performAction(ctx(s.officer), code, 'markResultReady', resultNumber ? { resultNumber } : {});
}

const resultLegs = () => t.db.selectFrom('postal_legs').select(['tracking_number', 'dossier_codes', 'contents', 'created_at', 'agency_id']).where('kind', '=', 'result').orderBy('id').execute();

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
  clerk = { userId: 9911, username: 'clerk-return', fullName: 'Người trả kết quả', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  courier = { userId: 9912, username: 'courier-return', fullName: 'Bưu tá Tân Hồng', role: 'courier', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  await saveActorAsUser(t.db, clerk);
  await saveActorAsUser(t.db, courier);
}, 180_000);
afterAll(async () => { await t?.close(); });

describe('the choice at receipt', () => {
  it('refuses post for the birth bundle, naming permanent residence, and writes nothing', async () => {
    const before = await t.db.selectFrom('bundles').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await expect(receiveBundle(ctx(clerk), {
      bundleCode: '2.002621', applicant, returnChoice: { timing: 'together', place: 'post', address: 'Số 5, ấp 2, xã Tân Hồng' },
      formData: { fullName: applicant.name }, papers: {},
    })).rejects.toMatchObject({
      code: 'BUNDLE_INVALID',
      details: expect.arrayContaining([expect.objectContaining({ path: 'returnChoice.place', message: expect.stringContaining('"Đăng ký thường trú" (1.004222)') })]),
    });
    const after = await t.db.selectFrom('bundles').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('together, by one postal delivery (2.002622)', () => {
  let parent = '';
  const code: Record<string, string> = {};
  const agency: Record<string, string> = {};

  it('records the choice, and each member\'s delivery by post to the address', async () => {
    at('2026-05-04T09:00:00+07:00');
    const r = await receiveDeath({ timing: 'together', place: 'post', address: 'Số 5, ấp 2, xã Tân Hồng' });
    parent = r.code;
    for (const m of r.members) { code[m.key] = m.code; agency[m.key] = m.competentAgency; }
    const view = await getBundle(ctx(clerk), parent);
    expect(view.returnChoice).toEqual({ timing: 'together', place: 'post', address: 'Số 5, ấp 2, xã Tân Hồng' });
    const rows = await t.db.selectFrom('dossiers').select(['delivery_method', 'delivery_address']).where('code', 'in', Object.values(code)).execute();
    expect(rows).toEqual(Array(3).fill({ delivery_method: 'post', delivery_address: 'Số 5, ấp 2, xã Tân Hồng' }));
  });

  it('holds every result until the last one: no leg for the first two', async () => {
    await resultReady(code.death ?? '', agency.death ?? '', '2026-05-05T10:00:00+07:00', '31/2026');
    // the death result started the two waiting members (their clocks from Tue 05/05 10:00)
    expect(await statusOf(code.residenceRemoval ?? '')).toBe('received');
    await resultReady(code.residenceRemoval ?? '', agency.residenceRemoval ?? '', '2026-05-07T14:00:00+07:00');
    expect(await resultLegs()).toEqual([]);
    const view = await getBundle(ctx(clerk), parent);
    expect(view.returnable).toEqual({ now: [], awaited: [code.funeralAllowance] });
  });

  it('makes ONE leg for the three when the last result is ready, in that transaction', async () => {
    await resultReady(code.funeralAllowance ?? '', agency.funeralAllowance ?? '', '2026-05-08T15:30:00+07:00');
    const legs = await resultLegs();
    expect(legs).toHaveLength(1);
    expect(legs[0]?.dossier_codes).toEqual([code.death, code.residenceRemoval, code.funeralAllowance]);
    expect(legs[0]?.contents).toBe(`Kết quả hồ sơ liên thông ${parent} (3 hồ sơ)`);
    expect(legs[0]?.created_at.toISOString()).toBe(new Date('2026-05-08T15:30:00+07:00').toISOString());
    expect(legs[0]?.tracking_number).toMatch(/^[A-Z]{2}\d{9}VN$/);
    // the applicant is told once, with the one number
    const told = (await t.db.selectFrom('outbox').select(['kind', 'payload']).execute()).filter((r) => JSON.stringify(r.payload).includes(legs[0]?.tracking_number ?? '-'));
    expect(told.map((r) => r.kind)).toEqual(['postal.resultOnItsWay']);
  });

  it('the courier collects and delivers it once; every member is returned by post, each with its own event', async () => {
    const n = (await resultLegs())[0]?.tracking_number ?? '';
    at('2026-05-11T08:00:00+07:00');
    await assignCourier(ctx(courier), n);
    const s = await getShipmentByTracking(ctx(courier), n);
    expect(s.legs[0]?.dossierCodes).toEqual([code.death, code.residenceRemoval, code.funeralAllowance]);
    expect(s.address).toBe('Số 5, ấp 2, xã Tân Hồng');
    await collectResult(ctx(courier), n, { agencySignature: sig('Lê Văn Giao'), courierSignature: sig('Bưu tá Tân Hồng') });
    const note = await pdfText((await consignmentNotePdf(ctx(courier), n, 'https://motcua.test')).pdf);
    for (const c of Object.values(code)) expect(note).toContain(c);
    at('2026-05-11T10:15:00+07:00');
    await recordDeliveryAttempt(ctx(courier), n, { outcome: 'delivered', recipient: { name: applicant.name, personalId: applicant.personalId }, signature: sig(applicant.name, applicant.personalId) });
    for (const c of Object.values(code)) {
      const row = await t.db.selectFrom('dossiers').selectAll().where('code', '=', c).executeTakeFirstOrThrow();
      expect(row.status).toBe('returned');
      const last = (await loadEvents(t.db, row)).at(-1);
      expect(last).toMatchObject({ action: 'return', payload: { channel: 'post', signature: { name: applicant.name, signedAt: '2026-05-11T03:15:00.000Z' } } });
    }
    expect((await getBundle(ctx(clerk), parent)).state.status).toBe('returned');
  });
});

describe('together, at the counter (2.002622)', () => {
  let parent = '';
  const code: Record<string, string> = {};
  const agency: Record<string, string> = {};

  it('a stopped member holds nobody back; the bundle is listed once, its members not one by one', async () => {
    at('2026-05-12T08:30:00+07:00');
    const r = await receiveDeath({ timing: 'together', place: 'counter' });
    parent = r.code;
    for (const m of r.members) { code[m.key] = m.code; agency[m.key] = m.competentAgency; }
    await resultReady(code.death ?? '', agency.death ?? '', '2026-05-12T16:00:00+07:00', '32/2026');
    expect((await bundlesToReturn(ctx(clerk))).items.map((i) => i.code)).not.toContain(parent);
    await expect(returnBundleAtCounter(ctx(clerk), parent, { signature: { name: applicant.name, signedAt: '2026-05-12T09:05:00.000Z' } }))
      .rejects.toMatchObject({ code: 'BUNDLE_NOT_RETURNABLE', message: expect.stringContaining(code.residenceRemoval ?? '-') });
    await resultReady(code.residenceRemoval ?? '', agency.residenceRemoval ?? '', '2026-05-13T09:30:00+07:00');
    at('2026-05-13T10:00:00+07:00');
    if (await statusOf(code.funeralAllowance ?? '') === 'received') await performAction(ctx(clerk), code.funeralAllowance ?? '', 'forward', {});
    const s = await staff(agency.funeralAllowance ?? '');
    await performAction(ctx(s.approver), code.funeralAllowance ?? '', 'stop', { reason: 'Người nộp đề nghị dừng giải quyết chế độ tử tuất' });
    const list = await bundlesToReturn(ctx(clerk));
    const mine = list.items.find((i) => i.code === parent);
    expect(mine?.returnable).toEqual({ now: [code.death, code.residenceRemoval], awaited: [] });
    expect(mine?.members.map((m) => [m.key, m.dossier.status])).toEqual([['death', 'resultReady'], ['residenceRemoval', 'resultReady'], ['funeralAllowance', 'stopped']]);
    expect(list.heldCodes).toEqual(expect.arrayContaining([code.death, code.residenceRemoval]));
    expect(await resultLegs()).toHaveLength(1); // only the first bundle's
  });

  it('one action returns every ready member, each with its own return event, with the audit row', async () => {
    at('2026-05-13T15:00:00+07:00');
    const r = await returnBundleAtCounter(ctx(clerk), parent, { signature: { name: applicant.name, signedAt: '2026-05-13T08:00:00.000Z' } });
    expect(r.returned.map((x) => [x.code, x.status])).toEqual([code.death, code.residenceRemoval].sort().map((c) => [c, 'returned']));
    for (const c of [code.death, code.residenceRemoval]) {
      const row = await t.db.selectFrom('dossiers').selectAll().where('code', '=', c ?? '').executeTakeFirstOrThrow();
      expect((await loadEvents(t.db, row)).at(-1)).toMatchObject({ action: 'return', at: new Date('2026-05-13T15:00:00+07:00'), payload: { channel: 'counter' } });
    }
    expect(await statusOf(code.funeralAllowance ?? '')).toBe('stopped');
    const audit = await t.db.selectFrom('audit_log').select(['action', 'payload']).where('entity_key', '=', parent).where('action', '=', 'bundle.return').executeTakeFirstOrThrow();
    expect(audit.payload).toMatchObject({ members: [code.death, code.residenceRemoval] });
    expect((await bundlesToReturn(ctx(clerk))).items.map((i) => i.code)).not.toContain(parent);
  });
});

describe('changing the choice', () => {
  it('a clerk changes it with an audit row; post is refused once a member has a result', async () => {
    at('2026-05-14T08:00:00+07:00');
    const r = await receiveDeath({ timing: 'asReady', place: 'counter' });
    const changed = await setReturnChoice(ctx(clerk), r.code, { timing: 'together', place: 'post', address: 'Số 9, ấp 1, xã Tân Hồng' });
    expect(changed).toEqual({ timing: 'together', place: 'post', address: 'Số 9, ấp 1, xã Tân Hồng' });
    const audit = await t.db.selectFrom('audit_log').select(['payload', 'actor_id']).where('entity_key', '=', r.code).where('action', '=', 'bundle.returnChoice').executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_id: clerk.userId, payload: { from: { timing: 'asReady', place: 'counter', address: null }, to: changed } });
    await expect(setReturnChoice(ctx(courier), r.code, { timing: 'asReady', place: 'counter' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setReturnChoice(ctx(clerk), r.code, { timing: 'together', place: 'post' })).rejects.toMatchObject({ code: 'BUNDLE_RETURN_CHOICE_INVALID' });
    const death = r.members.find((m) => m.key === 'death');
    await resultReady(death?.code ?? '', death?.competentAgency ?? '', '2026-05-14T11:00:00+07:00', '33/2026');
    await expect(setReturnChoice(ctx(clerk), r.code, { timing: 'together', place: 'counter' })).rejects.toMatchObject({ code: 'BUNDLE_RETURN_UNDER_WAY' });
    // together by post: the death result alone is held, no leg
    expect((await resultLegs()).filter((l) => l.dossier_codes.includes(death?.code ?? ''))).toEqual([]);
  });
});

describe('as ready, by post (2.002622)', () => {
  it('each member gets its own leg to the bundle\'s address when its result is ready', async () => {
    at('2026-05-18T08:00:00+07:00');
    const r = await receiveDeath({ timing: 'asReady', place: 'post', address: 'Số 11, ấp 4, xã Tân Hồng' });
    const death = r.members.find((m) => m.key === 'death');
    const removal = r.members.find((m) => m.key === 'residenceRemoval');
    const legsOf = (code: string) => t.db.selectFrom('postal_legs as l').innerJoin('postal_shipments as s', 's.id', 'l.shipment_id')
      .select(['l.dossier_codes', 's.address', 'l.created_at']).where('l.kind', '=', 'result').where('s.dossier_code', '=', code).execute();
    await resultReady(death?.code ?? '', death?.competentAgency ?? '', '2026-05-18T14:00:00+07:00', '34/2026');
    expect(await legsOf(death?.code ?? '')).toEqual([{ dossier_codes: [], address: 'Số 11, ấp 4, xã Tân Hồng', created_at: new Date('2026-05-18T14:00:00+07:00') }]);
    expect(await legsOf(removal?.code ?? '')).toEqual([]);
    await resultReady(removal?.code ?? '', removal?.competentAgency ?? '', '2026-05-19T09:00:00+07:00');
    expect(await legsOf(removal?.code ?? '')).toEqual([{ dossier_codes: [], address: 'Số 11, ấp 4, xã Tân Hồng', created_at: new Date('2026-05-19T09:00:00+07:00') }]);
  });
});

describe('together by post, back at the agency after two failed attempts (2.002622)', () => {
  let parent = '';
  const code: Record<string, string> = {};
  let n = '';

  it('is not returned at the counter while the courier still has it', async () => {
    at('2026-05-20T08:00:00+07:00');
    const r = await receiveDeath({ timing: 'together', place: 'post', address: 'Số 14, ấp 3, xã Tân Hồng' });
    parent = r.code;
    for (const m of r.members) code[m.key] = m.code;
    for (const m of r.members) await resultReady(m.code, m.competentAgency, m.key === 'death' ? '2026-05-20T15:00:00+07:00' : '2026-05-21T10:00:00+07:00', m.key === 'death' ? '35/2026' : undefined);
    n = (await resultLegs()).find((l) => l.dossier_codes.includes(code.death ?? '-'))?.tracking_number ?? '';
    at('2026-05-22T08:00:00+07:00');
    await assignCourier(ctx(courier), n);
    await collectResult(ctx(courier), n, { agencySignature: sig('Lê Văn Giao'), courierSignature: sig('Bưu tá Tân Hồng') });
    at('2026-05-22T10:00:00+07:00'); // Friday
    await recordDeliveryAttempt(ctx(courier), n, { outcome: 'failed', reason: 'Không có người ở nhà' });
    expect((await bundlesToReturn(ctx(clerk))).items.map((i) => i.code)).not.toContain(parent);
    // the bundle's page offers no counter return either
    expect(await getBundle(ctx(clerk), parent)).toMatchObject({ backFromPost: false, returnChoiceOpen: true });
    await expect(returnBundleAtCounter(ctx(clerk), parent, { signature: { name: applicant.name, signedAt: '2026-05-22T03:05:00.000Z' } }))
      .rejects.toMatchObject({ code: 'BUNDLE_RETURNS_BY_POST' });
  });

  it('once taken back, it is listed once and one action returns the three, each with its own return event', async () => {
    at('2026-05-27T10:00:00+07:00'); // Wednesday: Mon 25 and Tue 26 between the attempts
    await recordDeliveryAttempt(ctx(courier), n, { outcome: 'failed', reason: 'Không có người ở nhà' });
    at('2026-05-27T15:00:00+07:00');
    await returnResultToAgency(ctx(courier), n, { agencySignature: sig('Lê Văn Giao') });
    const mine = (await bundlesToReturn(ctx(clerk))).items.find((i) => i.code === parent);
    expect(mine).toMatchObject({ backFromPost: true, returnable: { now: [code.death, code.residenceRemoval, code.funeralAllowance], awaited: [] } });
    // the bundle's page says so too, and offers the same one return at the counter
    expect(await getBundle(ctx(clerk), parent)).toMatchObject({ backFromPost: true, returnable: { now: [code.death, code.residenceRemoval, code.funeralAllowance] } });
    at('2026-05-28T09:00:00+07:00');
    const r = await returnBundleAtCounter(ctx(clerk), parent, { signature: { name: applicant.name, signedAt: '2026-05-28T02:00:00.000Z' } });
    expect(r.returned.map((x) => [x.code, x.status])).toEqual(Object.values(code).sort().map((c) => [c, 'returned']));
    for (const c of Object.values(code)) {
      const row = await t.db.selectFrom('dossiers').selectAll().where('code', '=', c).executeTakeFirstOrThrow();
      const events = await loadEvents(t.db, row);
      expect(events.filter((e) => e.action === 'return')).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({ action: 'return', at: new Date('2026-05-28T09:00:00+07:00'), payload: { channel: 'counter', signature: { name: applicant.name } } });
    }
    const audit = await t.db.selectFrom('audit_log').select('payload').where('entity_key', '=', parent).where('action', '=', 'bundle.return').executeTakeFirstOrThrow();
    expect(audit.payload).toMatchObject({ backFromPost: true, members: Object.values(code) });
    expect(await getBundle(ctx(clerk), parent)).toMatchObject({ state: { status: 'returned' }, backFromPost: false, returnChoiceOpen: false });
    expect((await bundlesToReturn(ctx(clerk))).items.map((i) => i.code)).not.toContain(parent);
  });
});
