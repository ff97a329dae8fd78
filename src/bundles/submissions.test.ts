// A bundle counts once among the dossiers filed in a period (issue 17 §5): the dashboard's online
// panel ("Hồ sơ nộp trong kỳ", src/online onlineStats) on the demo province, with the birth bundle
// 2.002621 and the death bundle 2.002622 received at Bưu điện văn hóa xã Tân Hồng on Tuesday
// 02/06/2026: six member dossiers, two submissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { makeAgencyStaff } from '../../test/factories';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import type { DossierContext, DossierHook } from '../dossiers/events';
import { channelShare } from '../dossiers/service';
import { onlineStats } from '../online/service';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { seedDemo } from '../seed';
import { bundleHook } from './hook';
import { bundleMembersBeyondFirst, receiveBundle } from './service';

let t: TestDatabase;
const clock = new FixedClock(new Date('2026-06-02T09:00:00+07:00')); // Tuesday
const hooks: DossierHook[] = [];
hooks.push(bundleHook({ hooks: () => hooks }));
let clerk: Actor;
let bhxh: Actor;
const supervisor: Actor = { userId: 9942, username: 'sup-count', fullName: 'Giám sát', role: 'supervisor', scope: { kind: 'unit', unitId: 1, unitPath: '/82/' } };
const ctx = (a: Actor): DossierContext => ({ db: t.db, clock, actor: a, hooks });
const day = { from: '2026-06-02', to: '2026-06-02' };

async function papersOf(code: string) {
  const p = await getProcedure(t.db, code, '2026-06-02');
  return (p?.requiredPapers ?? []).filter((r) => paperRequirement(r) === 'required').map((r) => ({ key: r.key, source: 'scanned' as const }));
}

const applicant = { personalId: '087090009999', name: 'Võ Thị Lan', phone: '0913000444', unitCode: '29926' };
const formData = { fullName: applicant.name, personalId: applicant.personalId, address: 'ấp 5, xã Tân Hồng', subjectFullName: 'Võ Văn Út', eventDate: '2026-05-30', residenceAddress: 'ấp 5, xã Tân Hồng' };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
  clerk = { userId: 9941, username: 'clerk-count', fullName: 'Người tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  const a = await t.db.selectFrom('agencies as a').innerJoin('admin_units as u', 'u.id', 'a.admin_unit_id').select(['a.id', 'u.path'])
    .where('a.identifier', '=', '000.00.40.H20').orderBy('a.valid_from', 'desc').executeTakeFirstOrThrow();
  const row = await makeAgencyStaff(t.db, { username: 'bhxh-count', fullName: 'BHXH', role: 'officer', agencyId: a.id, unitPath: a.path });
  bhxh = { userId: row.id, username: 'bhxh-count', fullName: 'BHXH', role: 'officer', scope: { kind: 'agency', agencyId: a.id, unitPath: a.path } };
  await receiveBundle(ctx(clerk), { bundleCode: '2.002621', applicant, formData, papers: { birth: await papersOf('1.001193'), residence: await papersOf('1.004222'), healthInsurance: await papersOf('2.002621.BHYT') } });
  await receiveBundle(ctx(clerk), { bundleCode: '2.002622', applicant, formData, papers: { death: await papersOf('1.000656'), residenceRemoval: await papersOf('2.002622.XTT'), funeralAllowance: await papersOf('2.002622.MTP') } });
}, 180_000);
afterAll(async () => { await t?.close(); });

describe('"Hồ sơ nộp trong kỳ" counts a bundle once', () => {
  it('the province: 6 dossiers filed, 2 submissions, both at the counter', async () => {
    expect(await channelShare(ctx(supervisor), day)).toMatchObject({ total: 6, counter: 6 });
    expect(await bundleMembersBeyondFirst(ctx(supervisor), day)).toBe(4);
    expect(await onlineStats(ctx(supervisor), day)).toEqual({ total: 2, online: 0, assisted: 0, counter: 2, postal: 0 });
  });

  it('the receiving counter sees every member: 2; the social-insurance agency, one member of each bundle: 2', async () => {
    expect((await onlineStats(ctx(clerk), day)).total).toBe(2);
    expect(await bundleMembersBeyondFirst(ctx(bhxh), day)).toBe(0);
    expect((await onlineStats(ctx(bhxh), day)).total).toBe(2);
  });

  it('outside the day nothing is taken off', async () => {
    expect(await bundleMembersBeyondFirst(ctx(supervisor), { from: '2026-06-03', to: '2026-06-30' })).toBe(0);
    expect((await onlineStats(ctx(supervisor), { from: '2026-06-03', to: '2026-06-30' })).total).toBe(0);
  });
});
