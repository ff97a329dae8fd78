// Acceptance (issue 17): the birth + residence + health-insurance bundle of ND 63/2024 through three
// agencies on the demo province — UBND xã Tân Hồng (birth), Công an xã Tân Hồng (residence),
// Bảo hiểm xã hội tỉnh (health-insurance card) — with residence waiting on the birth result and one
// supplement in the health-insurance member, every due time checked against the 2026 calendar
// across Hùng Kings' day (Sun 26/04, substitute Mon 27/04), 30/04 and 01/05.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeAgencyStaff } from '../../test/factories';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import type { DossierContext, DossierHook } from '../dossiers/events';
import { loadEvents } from '../dossiers/events';
import { getDossier, onlineInbox, performAction } from '../dossiers/service';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { seedDemo } from '../seed';
import { vnDateOfInstant, vnMsOfDay } from '../shared/civil-date';
import { syncHook } from '../sync/hook';
import { nationalRecord } from '../sync/model';
import { bundleHook } from './hook';
import { getBundle, receiveBundle } from './service';

let t: TestDatabase;
const clock = new FixedClock(new Date('2026-04-24T10:00:00+07:00')); // Friday before Hùng Kings' day
const hooks: DossierHook[] = [];
hooks.push(bundleHook({ hooks: () => hooks }), syncHook);
const actors = {} as Record<'clerk' | 'officer' | 'approver' | 'policeOfficer' | 'bhxhOfficer' | 'bhxhApprover', Actor>;
const ctx = (a: Actor): DossierContext => ({ db: t.db, clock, actor: a, hooks });
const at = (iso: string) => clock.set(new Date(iso));
/** An instant as 'yyyy-mm-dd hh:mm' in Vietnam time. */
const vn = (d: Date | string | null): string | null => {
  if (d === null) return null;
  const ms = new Date(d).getTime();
  const minutes = Math.floor(vnMsOfDay(ms) / 60_000);
  return `${vnDateOfInstant(ms)} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

async function staff(agencyIdentifier: string, role: 'officer' | 'approver', username: string): Promise<Actor> {
  const a = await t.db.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id').select(['a.id', 'u.path'])
    .where('a.identifier', '=', agencyIdentifier).orderBy('a.valid_from', 'desc').executeTakeFirstOrThrow();
  const row = await makeAgencyStaff(t.db, { username, fullName: `Cán bộ ${username}`, role, agencyId: a.id, unitPath: a.path });
  return { userId: row.id, username, fullName: `Cán bộ ${username}`, role, scope: { kind: 'agency', agencyId: a.id, unitPath: a.path } };
}

async function papersOf(code: string) {
  const p = await getProcedure(t.db, code, '2026-04-24');
  if (!p) throw new Error(`no procedure ${code}`);
  return p.requiredPapers.filter((r) => paperRequirement(r) === 'required').map((r) => ({ key: r.key, source: 'scanned' as const }));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
  actors.clerk = { userId: 9901, username: 'clerk-bundle', fullName: 'Người tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  actors.officer = await staff('000.58.61.H20', 'officer', 'ubnd-officer');
  actors.approver = await staff('000.58.61.H20', 'approver', 'ubnd-approver');
  actors.policeOfficer = await staff('058.00.20.H20', 'officer', 'police-officer');
  actors.bhxhOfficer = await staff('000.00.40.H20', 'officer', 'bhxh-officer');
  actors.bhxhApprover = await staff('000.00.40.H20', 'approver', 'bhxh-approver');
}, 180_000);
afterAll(async () => { await t?.close(); });

describe('birth + residence + health-insurance bundle (ND 63/2024)', () => {
  let parent = '';
  const code: Record<string, string> = {};

  it('receives the parent and its three members in one go: two clocks start, residence waits', async () => {
    at('2026-04-24T10:00:00+07:00');
    const r = await receiveBundle(ctx(actors.clerk), {
      bundleCode: '2.002621',
      applicant: { personalId: '087090001234', name: 'Nguyễn Văn An', phone: '0912345678', unitCode: '29926' },
      formData: { fullName: 'Nguyễn Văn An', personalId: '087090001234', address: 'ấp 1, xã Tân Hồng', subjectFullName: 'Nguyễn Thị Bé', eventDate: '2026-04-20', residenceAddress: 'ấp 1, xã Tân Hồng' },
      papers: { birth: await papersOf('1.001193'), residence: await papersOf('1.004222'), healthInsurance: await papersOf('2.002621.BHYT') },
    });
    parent = r.code;
    for (const m of r.members) code[m.key] = m.code;
    expect(parent).toMatch(/-260424-\d{4}$/);
    expect(new Set([parent, ...Object.values(code)]).size).toBe(4);
    const by = Object.fromEntries(r.members.map((m) => [m.key, m]));
    expect(by.birth).toMatchObject({ status: 'received', competentAgency: '000.58.61.H20' });
    expect(by.healthInsurance).toMatchObject({ status: 'received', competentAgency: '000.00.40.H20' });
    expect(by.residence).toMatchObject({ status: 'submitted', competentAgency: '058.00.20.H20', dueAt: null });
    // birth: 1 working day — Sat 25, Sun 26 (Hùng Kings), Mon 27 (its substitute day) are not working days
    expect(vn(by.birth?.dueAt ?? null)).toBe('2026-04-28 10:00');
    // health insurance: 5 working days (catalogue default) — Tue 28, Wed 29, (30/04, 01/05 off) Mon 4, Tue 5, Wed 6 May
    expect(vn(by.healthInsurance?.dueAt ?? null)).toBe('2026-05-06 10:00');
    // the bundle's own limit, 3 working days (ND 63/2024 [S]): Tue 28, Wed 29, Mon 4 May
    expect(vn(r.statutoryDueAt)).toBe('2026-05-04 10:00');
    const view = await getBundle(ctx(actors.clerk), parent);
    expect(view.state).toMatchObject({ status: 'inProgress', dueAt: null });
    expect(vn(view.state.latestKnownDueAt === null ? null : new Date(view.state.latestKnownDueAt))).toBe('2026-05-06 10:00');
  });

  it('refuses to accept the waiting residence member by hand', async () => {
    at('2026-04-24T11:00:00+07:00');
    await expect(performAction(ctx(actors.clerk), code.residence ?? '', 'receive', {})).rejects.toMatchObject({ code: 'BUNDLE_MEMBER_WAITING' });
    const row = await t.db.selectFrom('dossiers').select(['status', 'received_at']).where('code', '=', code.residence ?? '').executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'submitted', received_at: null });
    // registered at the counter, not an online submission: not in the one-stop's online inbox
    expect((await onlineInbox(ctx(actors.clerk))).map((i) => i.code)).not.toContain(code.residence);
  });

  it('a supplement in the health-insurance member shows on the parent with its items', async () => {
    at('2026-04-24T14:00:00+07:00');
    await performAction(ctx(actors.clerk), code.healthInsurance ?? '', 'forward', {});
    at('2026-04-28T14:00:00+07:00');
    await performAction(ctx(actors.bhxhOfficer), code.healthInsurance ?? '', 'requestSupplement', { reason: 'Tờ khai thiếu mã hộ gia đình', items: ['Tờ khai tham gia BHYT có mã hộ gia đình'] });
    const view = await getBundle(ctx(actors.clerk), parent);
    expect(view.state.status).toBe('awaitingSupplement');
    expect(view.state.issues).toEqual([{ member: 'healthInsurance', kind: 'supplement', status: 'awaitingSupplement', items: ['Tờ khai tham gia BHYT có mã hộ gia đình'], blocks: [] }]);
  });

  it('the birth result starts the residence member on the working calendar, with the birth registration number', async () => {
    at('2026-04-24T14:05:00+07:00');
    await performAction(ctx(actors.clerk), code.birth ?? '', 'forward', {});
    at('2026-04-28T15:30:00+07:00');
    await performAction(ctx(actors.approver), code.birth ?? '', 'approve', {});
    at('2026-04-29T09:00:00+07:00');
    await performAction(ctx(actors.officer), code.birth ?? '', 'markResultReady', { resultNumber: '125/2026' });
    const residence = await t.db.selectFrom('dossiers').selectAll().where('code', '=', code.residence ?? '').executeTakeFirstOrThrow();
    expect(residence.status).toBe('received');
    expect(vn(residence.received_at)).toBe('2026-04-29 09:00');
    // 7 working days from Wed 29/04 09:00: (30/04, 01/05 off) Mon 4 … Fri 8, Mon 11, Tue 12 May
    expect(vn(residence.due_at)).toBe('2026-05-12 09:00');
    const events = await loadEvents(t.db, residence);
    expect(events.map((e) => e.action)).toEqual(['submitted', 'receive']);
    expect(events[1]?.payload).toMatchObject({ bundle: parent, prerequisite: code.birth, fed: { birthRegistrationNumber: '125/2026' } });
    expect(events[1]?.actorId).toBeNull();
    const timeline = (await getDossier(ctx(actors.clerk), residence.code)).timeline.map((e) => e.label);
    expect(timeline).toEqual(['Đăng ký hồ sơ liên thông (chờ kết quả thủ tục trước)', 'Tiếp nhận hồ sơ']);
  });

  it('the complete supplement restarts the health-insurance clock; the parent due time is the latest member\'s', async () => {
    at('2026-05-05T09:00:00+07:00');
    await performAction(ctx(actors.clerk), code.healthInsurance ?? '', 'supplementReceived', { receivedPapers: ['Tờ khai tham gia BHYT có mã hộ gia đình'] });
    at('2026-05-05T10:00:00+07:00');
    const view = await getBundle(ctx(actors.clerk), parent);
    const due = Object.fromEntries(view.members.map((m) => [m.key, vn(m.dossier.dueAt)]));
    // restarted from zero (ND 61 art. 19.4): 5 working days from Tue 05/05 09:00 → Tue 12/05 09:00
    expect(due).toEqual({ birth: '2026-04-28 10:00', healthInsurance: '2026-05-12 09:00', residence: '2026-05-12 09:00' });
    expect(view.state.status).toBe('partlyReady');
    expect(view.state.issues).toEqual([]);
    expect(vn(view.state.dueAt === null ? null : new Date(view.state.dueAt))).toBe('2026-05-12 09:00');
    expect(view.members.find((m) => m.key === 'birth')?.dossier.resultNumber).toBe('125/2026');
  });

  it('each member is its own national record naming the parent', async () => {
    for (const key of ['birth', 'residence', 'healthInsurance']) {
      const row = await t.db.selectFrom('dossiers').select(['id', 'code']).where('code', '=', code[key] ?? '').executeTakeFirstOrThrow();
      const record = nationalRecord(await loadEvents(t.db, row), { staffNames: new Map(), publicUrl: 'https://motcua.test' });
      expect(record).toMatchObject({ MaHoSo: row.code, MaHoSoLienThong: parent });
      expect((await getDossier(ctx(actors.clerk), row.code)).bundle).toBe(parent);
      const outbox = await t.db.selectFrom('sync_outbox').select('seq').where('dossier_code', '=', row.code).execute();
      expect(outbox.length).toBe(record.SoThuTuDongBo);
    }
  });

  it('a refusal in the birth member would hold up the residence member: shown on the parent', async () => {
    const { aggregateBundle } = await import('./aggregate');
    const { bundleDefinitions } = await import('./definitions');
    const members = bundleDefinitions[0]?.members ?? [];
    const state = aggregateBundle(members, [
      { key: 'birth', status: 'rejected', dueAt: 1, supplementItems: [] },
      { key: 'residence', status: 'submitted', dueAt: null, supplementItems: [] },
      { key: 'healthInsurance', status: 'processing', dueAt: 2, supplementItems: [] },
    ]);
    expect(state.status).toBe('blocked');
    expect(state.issues).toEqual([{ member: 'birth', kind: 'ended', status: 'rejected', items: [], blocks: ['residence'] }]);
  });
});
