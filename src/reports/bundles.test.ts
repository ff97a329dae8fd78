// Bundles in the roll-ups (issue 17 §5) on the demo province: the birth + residence + health-insurance
// bundle received Fri 24/04/2026 counts once as a submission; its members count per agency for
// timeliness, each against its own due time; the waiting residence member is not a submission and
// counts as received when its clock starts (28/04). The stored roll-ups equal a rebuild from the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeAgencyStaff } from '../../test/factories';
import { bundleHook } from '../bundles/hook';
import { receiveBundle } from '../bundles/service';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import type { DossierContext, DossierHook } from '../dossiers/events';
import { performAction } from '../dossiers/service';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { seedDemo } from '../seed';
import { reportBundles, type BundleFigures } from './bundles';
import { rollupHook } from './hook';
import { rebuildRollups } from './rebuild';
import { reportSummary } from './service';

let t: TestDatabase;
const clock = new FixedClock(new Date('2026-04-24T10:00:00+07:00'));
const hooks: DossierHook[] = [];
hooks.push(bundleHook({ hooks: () => hooks }), rollupHook);
const actors = {} as Record<'clerk' | 'officer' | 'approver' | 'bhxhOfficer' | 'bhxhApprover' | 'supervisor', Actor>;
const ctx = (a: Actor): DossierContext => ({ db: t.db, clock, actor: a, hooks });
const at = (iso: string) => clock.set(new Date(iso));
const period = { from: '2026-04-01', to: '2026-05-31' };

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

/** The figures now minus the figures before, agency by agency (the demo's own dossiers cancel out). */
function delta(after: BundleFigures, before: BundleFigures) {
  const old = new Map(before.byAgency.map((a) => [a.agencyName, a]));
  return {
    bundlesReceived: after.bundlesReceived - before.bundlesReceived, membersReceived: after.membersReceived - before.membersReceived,
    received: after.received - before.received, receivedCountingBundlesOnce: after.receivedCountingBundlesOnce - before.receivedCountingBundlesOnce,
    byAgency: Object.fromEntries(after.byAgency.map((a) => {
      const o = old.get(a.agencyName);
      return [a.agencyName, [a.membersReceived - (o?.membersReceived ?? 0), a.resolvedOnTime - (o?.resolvedOnTime ?? 0), a.resolvedLate - (o?.resolvedLate ?? 0)]];
    }).filter(([, v]) => (v as number[]).some((n) => n !== 0))),
  };
}

let before: BundleFigures;
let submittedBefore = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
  actors.clerk = { userId: 9921, username: 'clerk-rep', fullName: 'Người tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  actors.officer = await staff('000.58.61.H20', 'officer', 'rep-officer');
  actors.approver = await staff('000.58.61.H20', 'approver', 'rep-approver');
  actors.bhxhOfficer = await staff('000.00.40.H20', 'officer', 'rep-bhxh-officer');
  actors.bhxhApprover = await staff('000.00.40.H20', 'approver', 'rep-bhxh-approver');
  const province = await t.db.selectFrom('admin_units').select(['id', 'path']).where('path', '=', '/82/').executeTakeFirstOrThrow();
  actors.supervisor = { userId: 9922, username: 'sup-rep', fullName: 'Giám sát', role: 'supervisor', scope: { kind: 'unit', unitId: province.id, unitPath: province.path } };
  before = await reportBundles(ctx(actors.supervisor), period);
  submittedBefore = (await reportSummary(ctx(actors.supervisor), period)).submittedOnline;
}, 180_000);
afterAll(async () => { await t?.close(); });

describe('a bundle in the reports', () => {
  const code: Record<string, string> = {};

  it('counts the bundle once and its two started members as received; the waiting member is no submission', async () => {
    at('2026-04-24T10:00:00+07:00');
    const r = await receiveBundle(ctx(actors.clerk), {
      bundleCode: '2.002621',
      applicant: { personalId: '087090007777', name: 'Lê Văn Cường', phone: '0912345777', unitCode: '29926' },
      formData: { fullName: 'Lê Văn Cường', personalId: '087090007777', address: 'ấp 3, xã Tân Hồng', subjectFullName: 'Lê Thị Mai', eventDate: '2026-04-22', residenceAddress: 'ấp 3, xã Tân Hồng' },
      papers: { birth: await papersOf('1.001193'), residence: await papersOf('1.004222'), healthInsurance: await papersOf('2.002621.BHYT') },
    });
    for (const m of r.members) code[m.key] = m.code;
    const d = delta(await reportBundles(ctx(actors.supervisor), period), before);
    expect(d).toMatchObject({ bundlesReceived: 1, membersReceived: 2, received: 2, receivedCountingBundlesOnce: 1 });
    expect((await reportSummary(ctx(actors.supervisor), period)).submittedOnline - submittedBefore).toBe(0);
  });

  it('counts the residence member as received when the birth result starts its clock, and each member per agency against its own due time', async () => {
    at('2026-04-24T14:00:00+07:00');
    await performAction(ctx(actors.clerk), code.birth ?? '', 'forward', {});
    await performAction(ctx(actors.clerk), code.healthInsurance ?? '', 'forward', {});
    // birth: due Tue 28/04 10:00, result at 09:00 → on time
    at('2026-04-28T08:30:00+07:00');
    await performAction(ctx(actors.approver), code.birth ?? '', 'approve', {});
    at('2026-04-28T09:00:00+07:00');
    await performAction(ctx(actors.officer), code.birth ?? '', 'markResultReady', { resultNumber: '140/2026' });
    // health insurance: due Wed 06/05 10:00, result Thu 07/05 → late
    at('2026-05-07T09:00:00+07:00');
    await performAction(ctx(actors.bhxhApprover), code.healthInsurance ?? '', 'approve', {});
    await performAction(ctx(actors.bhxhOfficer), code.healthInsurance ?? '', 'markResultReady', {});
    const d = delta(await reportBundles(ctx(actors.supervisor), period), before);
    expect(d).toEqual({
      bundlesReceived: 1, membersReceived: 3, received: 3, receivedCountingBundlesOnce: 1,
      // [members received, on time, late]
      byAgency: { 'Ủy ban nhân dân xã Tân Hồng': [1, 1, 0], 'Công an xã Tân Hồng': [1, 0, 0], 'Bảo hiểm xã hội tỉnh Đồng Tháp': [1, 0, 1] },
    });
    const bhxh = (await reportBundles(ctx(actors.supervisor), period)).byAgency.find((a) => a.agencyName === 'Bảo hiểm xã hội tỉnh Đồng Tháp');
    expect(bhxh?.onTimeShare).toBe(0);
  });

  it('the stored roll-ups equal a rebuild from the event log', async () => {
    expect((await rebuildRollups(t.db)).differences).toEqual([]);
  });
});
