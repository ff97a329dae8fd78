// Inter-agency steps of a bundle on the control slip (issue 17 §3) and the "Phiếu chuyển xử lý":
// the birth + residence + health-insurance bundle on the demo province, received Fri 24/04/2026,
// each member's start a step with its own allotted time and deadline, judged against its own time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeAgencyStaff } from '../../test/factories';
import { pdfText } from '../../test/pdf-text';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import type { DossierContext, DossierHook } from '../dossiers/events';
import { getDossier, performAction } from '../dossiers/service';
import { workQueue } from '../dossiers/work-queue';
import { dossierSlip, renderDossierSlip, type FormsContext } from '../forms/service';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { seedDemo } from '../seed';
import { bundleHandoffs } from './handoffs';
import { bundleHook } from './hook';
import { getBundle, receiveBundle } from './service';
import { transferSlipData, transferSlipPdf } from './transfer-slip';

let t: TestDatabase;
const clock = new FixedClock(new Date('2026-04-24T10:00:00+07:00'));
const hooks: DossierHook[] = [];
hooks.push(bundleHook({ hooks: () => hooks }));
const actors = {} as Record<'clerk' | 'officer' | 'approver', Actor>;
const ctx = (a: Actor): DossierContext & FormsContext => ({ db: t.db, clock, actor: a, hooks, handoffs: bundleHandoffs, publicUrl: 'https://motcua.test' });
const at = (iso: string) => clock.set(new Date(iso));
const iso = (s: string) => new Date(`${s}+07:00`).toISOString();

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
  actors.clerk = { userId: 9911, username: 'clerk-steps', fullName: 'Người tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  actors.officer = await staff('000.58.61.H20', 'officer', 'steps-officer');
  actors.approver = await staff('000.58.61.H20', 'approver', 'steps-approver');
}, 180_000);
afterAll(async () => { await t?.close(); });

describe('a bundle\'s steps, each against its own time', () => {
  const code: Record<string, string> = {};
  let parent = '';
  let names: Record<string, string> = {};

  it('lists the started steps on a member\'s control slip with their allotted time and deadline; the waiting one is not a step yet', async () => {
    at('2026-04-24T10:00:00+07:00');
    const r = await receiveBundle(ctx(actors.clerk), {
      bundleCode: '2.002621',
      applicant: { personalId: '087090004321', name: 'Trần Văn Bình', phone: '0912345111', unitCode: '29926' },
      formData: { fullName: 'Trần Văn Bình', personalId: '087090004321', address: 'ấp 2, xã Tân Hồng', subjectFullName: 'Trần Thị Na', eventDate: '2026-04-21', residenceAddress: 'ấp 2, xã Tân Hồng' },
      papers: { birth: await papersOf('1.001193'), residence: await papersOf('1.004222'), healthInsurance: await papersOf('2.002621.BHYT') },
    });
    parent = r.code;
    for (const m of r.members) code[m.key] = m.code;
    const view = await getBundle(ctx(actors.clerk), parent);
    names = Object.fromEntries(view.members.map((m) => [m.key, m.dossier.competentAgency.name]));
    const d = await getDossier(ctx(actors.clerk), code.birth ?? '');
    const steps = d.controlSlip.filter((s) => s.action === 'bundle.step');
    expect(steps.map((s) => [s.to, s.at, s.step?.allotted, s.step?.dueAt, s.step?.doneAt, s.result])).toEqual([
      [names.birth, iso('2026-04-24T10:00'), { value: 1, unit: 'working_days' }, iso('2026-04-28T10:00'), null, null],
      [names.healthInsurance, iso('2026-04-24T10:00'), { value: 5, unit: 'working_days' }, iso('2026-05-06T10:00'), null, null],
    ]);
    // both from the one-stop that received the bundle
    expect(new Set(steps.map((s) => s.from)).size).toBe(1);
    expect(steps[0]?.note).toContain(`Hồ sơ liên thông ${parent}`);
  });

  it('the waiting residence member names what it waits for and offers neither receive nor refuse, on its page and in the clerk\'s queue', async () => {
    const d = await getDossier(ctx(actors.clerk), code.residence ?? '');
    expect(d.waitingFor).toBe(code.birth);
    expect(d.allowedActions).not.toContain('receive');
    expect(d.allowedActions).not.toContain('refuse');
    const queue = await workQueue(ctx(actors.clerk));
    expect(queue.items.find((i) => i.code === code.residence)?.waitingFor).toBe(code.birth);
    expect(queue.items.find((i) => i.code === code.birth)?.waitingFor).toBeNull();
    expect((await getDossier(ctx(actors.clerk), code.birth ?? '')).waitingFor).toBeNull();
  });

  it('the residence step starts at the birth result, from the birth agency, and is judged against its own 7 working days', async () => {
    at('2026-04-24T14:00:00+07:00');
    await performAction(ctx(actors.clerk), code.birth ?? '', 'forward', {});
    at('2026-04-28T08:30:00+07:00');
    await performAction(ctx(actors.approver), code.birth ?? '', 'approve', {});
    at('2026-04-28T09:00:00+07:00');
    await performAction(ctx(actors.officer), code.birth ?? '', 'markResultReady', { resultNumber: '131/2026' });
    // seen on Mon 11/05/2026 08:00: health insurance (due 06/05 10:00) not done → late; birth done on its due day → on time
    at('2026-05-11T08:00:00+07:00');
    const d = await getDossier(ctx(actors.clerk), code.residence ?? '');
    const steps = d.controlSlip.filter((s) => s.action === 'bundle.step');
    expect(steps.map((s) => [s.from === names.birth, s.to, s.at, s.step?.dueAt, s.step?.doneAt, s.result])).toEqual([
      [false, names.birth, iso('2026-04-24T10:00'), iso('2026-04-28T10:00'), iso('2026-04-28T09:00'), 'onTime'],
      [false, names.healthInsurance, iso('2026-04-24T10:00'), iso('2026-05-06T10:00'), null, 'late'],
      // 7 working days from Tue 28/04 09:00: Wed 29, (30/04, 01/05 off) Mon 4 … Fri 8, Mon 11 May 09:00 — still within it
      [true, names.residence, iso('2026-04-28T09:00'), iso('2026-05-11T09:00'), null, null],
    ]);
    expect(steps[2]?.step?.allotted).toEqual({ value: 7, unit: 'working_days' });
  });

  it('prints the steps on the control slip PDF with their own judgement', async () => {
    // Tue 12/05 09:30: the residence step is now past its own deadline
    at('2026-05-12T09:30:00+07:00');
    await performAction(ctx(actors.clerk), code.residence ?? '', 'forward', {});
    const slip = await dossierSlip(ctx(actors.clerk), code.residence ?? '', 'control');
    expect(slip.kind).toBe('control');
    expect(slip.kind === 'control' ? slip.data.rows.filter((r) => r.step).map((r) => r.result) : []).toEqual(['onTime', 'late', 'late']);
    // the narrow cells wrap: compare without spaces
    const text = (await pdfText(await renderDossierSlip(ctx(actors.clerk), code.residence ?? '', 'control'))).replace(/\s+/g, '');
    expect(text).toContain('Hạncủabước:11/05/202609:00');
    expect(text).toContain('Thờigiancủabước:7ngàylàmviệc');
    expect(text).toContain('Hoànthành:28/04/202609:00');
    expect(text).toContain('Đúnghạn(sovớithờihạncủabước)');
  });

  it('the forward row appears once, not beside a step of the same hand-over twice', async () => {
    const d = await getDossier(ctx(actors.clerk), code.residence ?? '');
    expect(d.controlSlip.filter((r) => r.action === 'forward').length).toBe(1);
  });

  it('prints the Phiếu chuyển xử lý of the residence member: from the birth agency, its task, time, deadline and the birth number', async () => {
    const data = await transferSlipData(ctx(actors.clerk), parent, 'residence');
    expect(data).toMatchObject({
      bundleCode: parent, code: code.residence, from: names.birth, to: names.residence, lead: names.birth, mode: expect.stringMatching(/^(paper|electronic)$/),
      allotted: { value: 7, unit: 'working_days' }, dueAt: new Date(iso('2026-05-11T09:00')), handedAt: new Date(iso('2026-04-28T09:00')),
    });
    expect(data.facts.join(' ')).toContain('131/2026');
    const text = (await pdfText(await transferSlipPdf(ctx(actors.clerk), parent, 'residence'))).replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU CHUYỂN XỬ LÝ');
    expect(text).toContain('09 giờ 00 phút, ngày 11 tháng 05 năm 2026');
    await expect(transferSlipData(ctx(actors.clerk), parent, 'nothing')).rejects.toMatchObject({ code: 'BUNDLE_MEMBER_NOT_FOUND' });
  });
});
