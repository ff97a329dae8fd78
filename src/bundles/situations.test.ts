// A bundle member whose paper list is published by situation (1.004222 in the birth bundle, ND 63/2024)
// is checked as at the counter when the bundle names its situation (catalog/situations.ts): the
// situation must be the list's and one of its papers handed in; 400 with the problem's code, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { paperRequirement } from '../catalog/model';
import { getProcedure } from '../catalog/service';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { seedDemo } from '../seed';
import { receiveBundle, type BundleIntakeInput } from './service';

let t: TestDatabase;
const clock = new FixedClock(new Date('2026-04-24T10:00:00+07:00'));
let clerk: Actor;
// a newborn registers where a parent lives: not their own home (Luật Cư trú 2020 art. 20.2)
const WITH_PARENT = 'Đăng ký thường trú tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình đối với những trường hợp quy định tại khoản 2 Điều 20 Luật Cư trú';

const papersOf = async (code: string) => {
  const p = await getProcedure(t.db, code, '2026-04-24');
  return (p?.requiredPapers ?? []).filter((r) => paperRequirement(r) === 'required').map((r) => ({ key: r.key, source: 'scanned' as const }));
};
const bundle = async (extra: Partial<BundleIntakeInput>): Promise<BundleIntakeInput> => ({
  bundleCode: '2.002621',
  applicant: { personalId: '087090001234', name: 'Nguyễn Văn An', phone: '0912345678', unitCode: '29926' },
  formData: { fullName: 'Nguyễn Văn An', personalId: '087090001234', address: 'ấp 1, xã Tân Hồng', subjectFullName: 'Nguyễn Thị Bé', eventDate: '2026-04-20', residenceAddress: 'ấp 1, xã Tân Hồng' },
  papers: { birth: await papersOf('1.001193'), residence: [], healthInsurance: await papersOf('2.002621.BHYT') },
  ...extra,
});
const count = async () => Number((await t.db.selectFrom('dossiers').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, clock);
  const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
  clerk = { userId: 9901, username: 'clerk-bundle', fullName: 'Người tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
}, 180_000);
afterAll(async () => { await t?.close(); });

describe('the situation of a bundle member (1.004222 in 2.002621)', () => {
  it.each([
    ['a situation not on the list', 'Ở nhà người quen', 'SITUATION_UNKNOWN'],
    ['the situation without any of its papers', WITH_PARENT, 'SITUATION_PAPER_MISSING'],
  ])('refuses %s: 400, its code, nothing written', async (_, situation, code) => {
    const before = await count();
    const e = await receiveBundle({ db: t.db, clock, actor: clerk, hooks: [] }, await bundle({ situations: { residence: situation } })).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'ValidationFailed', code });
    expect(await count()).toBe(before);
  });

  it('refuses a situation for a member that is not in the bundle', async () => {
    const e = await receiveBundle({ db: t.db, clock, actor: clerk, hooks: [] }, await bundle({ situations: { marriage: WITH_PARENT } })).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'BUNDLE_INVALID', details: [{ path: 'situations.marriage' }] });
  });

  it('receives the bundle with the situation and its paper (the relationship proof, p5)', async () => {
    const r = await receiveBundle({ db: t.db, clock, actor: clerk, hooks: [] }, await bundle({
      situations: { residence: WITH_PARENT }, papers: { ...(await bundle({})).papers, residence: [{ key: 'p5', source: 'paper' }] },
    }));
    expect(r.members.map((m) => m.key).sort()).toEqual(['birth', 'healthInsurance', 'residence']);
  });
});
