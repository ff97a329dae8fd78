// Filing regardless of boundaries (ND 118/2025 "phi địa giới", DOMAIN §9.2–9.3): a procedure on
// the list is received at any counter of the province; one off the list (residence, Law on
// Residence art. 22.1) only at a counter of the commune it is decided for. Online and postal
// filing are not bound to a counter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { leastPapers } from '../catalog/situations.test-helper';
import { getProcedure } from '../catalog/service';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { seedDemo } from '../seed';
import { filingBoundaryProblem, type FilingRule } from './filing-boundary';
import type { IntakeInput } from './model';
import { receiveDossier } from './service';

describe('filingBoundaryProblem (pure)', () => {
  const commune = (filingAnywhere: boolean): FilingRule => ({ procedureCode: '1.004222', filingAnywhere, level: 'commune' });
  const province = (filingAnywhere: boolean): FilingRule => ({ procedureCode: '1.115778', filingAnywhere, level: 'province' });
  const atTanHong = { unitId: 10, atProvincialCentre: false };
  const atCentre = { unitId: 99, atProvincialCentre: true };
  const tanHong = { unitId: 10, code: '29926', isPlace: false };
  const lapVo = { unitId: 20, code: '30169', isPlace: false };

  it.each([
    ['on the list, another commune', commune(true), 'counter', atTanHong, lapVo, null],
    ['off the list, own commune', commune(false), 'counter', atTanHong, tanHong, null],
    ['off the list, another commune', commune(false), 'counter', atTanHong, lapVo, 'applicant.unitCode'],
    ['off the list, the place in another commune', commune(false), 'counter', atTanHong, { ...lapVo, isPlace: true }, 'placeUnitCode'],
    ['off the list, at the provincial centre for a commune body', commune(false), 'counter', atCentre, lapVo, 'applicant.unitCode'],
    ['off the list, by post', commune(false), 'postal', atTanHong, lapVo, null],
    ['off the list, online', commune(false), 'online', atTanHong, lapVo, null],
    ['province body off the list, at a commune counter', province(false), 'counter', atTanHong, tanHong, 'procedureCode'],
    ['province body off the list, at the provincial centre', province(false), 'counter', atCentre, lapVo, null],
    ['province body on the list, at a commune counter', province(true), 'counter', atTanHong, lapVo, null],
  ] as const)('%s', (_name, rule, channel, point, decided, path) => {
    const p = filingBoundaryProblem(rule, channel, point, decided);
    expect(p?.path ?? null).toBe(path);
    if (p) {
      expect(p.code).toBe('FILING_OUTSIDE_BOUNDARY');
      expect(p.message).toContain(`Thủ tục ${rule.procedureCode} không thuộc danh mục tiếp nhận không phụ thuộc vào địa giới hành chính`);
    }
  });

  it('names the commune code the dossier belongs to', () => {
    expect(filingBoundaryProblem(commune(false), 'counter', atTanHong, lapVo)?.message).toMatch(/xã, phường nơi cư trú của người nộp hồ sơ \(mã 30169\)/);
  });
});

describe('intake at the counter on the demo province', () => {
  let t: TestDatabase;
  const clock = new FixedClock(new Date('2026-03-02T09:00:00+07:00')); // Monday
  const TAN_HONG = '29926';
  const LAP_VO = '30169';
  const clerks = new Map<string, Actor>();
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDemo(t.db, clock);
    for (const [commune, n] of [[TAN_HONG, 9901], [LAP_VO, 9902]] as const) {
      const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', `BDVHX-${commune}`).executeTakeFirstOrThrow();
      clerks.set(commune, { userId: n, username: `clerk-${commune}`, fullName: 'Người tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: `/82/${commune}/` } });
    }
  }, 120_000);
  afterAll(async () => { await t?.close(); });

  const clerkAt = (commune: string): Actor => {
    const c = clerks.get(commune);
    if (!c) throw new Error(commune);
    return c;
  };
  async function inputFor(code: string, unitCode: string, extra: Partial<IntakeInput> = {}): Promise<IntakeInput> {
    const p = await getProcedure(t.db, code, '2026-03-02');
    if (!p) throw new Error(`no procedure ${code}`);
    return {
      procedureCode: code,
      applicant: { personalId: '087090001234', name: 'Nguyễn Văn An', phone: '0912345678', unitCode },
      papers: leastPapers(p.requiredPapers).keys.map((key) => ({ key, source: 'scanned' as const })),
      ...(leastPapers(p.requiredPapers).situation ? { situation: leastPapers(p.requiredPapers).situation } : {}),
      formData: { fullName: 'Nguyễn Văn An', personalId: '087090001234', address: 'ấp 1' },
      ...extra,
    };
  }
  const count = async () => Number((await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('the seed keeps residence procedures off the list and birth registration on it', async () => {
    expect((await getProcedure(t.db, '1.004222', '2026-03-02'))?.filingAnywhere).toBe(false);
    expect((await getProcedure(t.db, '1.004194', '2026-03-02'))?.filingAnywhere).toBe(false);
    expect((await getProcedure(t.db, '1.001193', '2026-03-02'))?.filingAnywhere).toBe(true);
  });

  it('permanent residence 1.004222 for a Lấp Vò resident at the Tân Hồng counter: 400 FILING_OUTSIDE_BOUNDARY, nothing written', async () => {
    const before = await count();
    const e = await receiveDossier({ db: t.db, clock, actor: clerkAt(TAN_HONG) }, await inputFor('1.004222', LAP_VO)).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'ValidationFailed', code: 'FILING_OUTSIDE_BOUNDARY', details: [{ path: 'applicant.unitCode' }] });
    expect((e as Error).message).toMatch(/^Thủ tục 1\.004222 không thuộc danh mục .*\(mã 30169\)/);
    expect(await count()).toBe(before);
  });

  it('the same dossier at the Lấp Vò counter goes to Công an xã Lấp Vò', async () => {
    const r = await receiveDossier({ db: t.db, clock, actor: clerkAt(LAP_VO) }, await inputFor('1.004222', LAP_VO));
    const agency = await t.db.selectFrom('agencies').select('name').where('identifier', '=', r.competentAgency).executeTakeFirstOrThrow();
    expect(agency.name).toBe('Công an xã Lấp Vò');
  });

  it('birth registration 1.001193 (phi địa giới) for a Lấp Vò resident at the Tân Hồng counter is received for UBND xã Lấp Vò', async () => {
    const r = await receiveDossier({ db: t.db, clock, actor: clerkAt(TAN_HONG) }, await inputFor('1.001193', LAP_VO));
    expect(r.competentAgency).toBe('000.94.61.H20');
  });
});
