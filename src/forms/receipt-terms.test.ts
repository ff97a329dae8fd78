// The receipt (form 01) prints the chosen case's time and the fees of the dossier's channel and
// case (issue 9 "catalogue depth"), on the real catalogue: 2.000815 certified copies (same day, or
// extended by up to 2 working days; a per-page fee) and 1.004222 (20.000 đ at the counter, 10.000 đ online).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { leastPapers } from '../catalog/situations.test-helper';
import { seedProcedure } from '../catalog/seed.test-helper';
import { getProcedure } from '../catalog/service';
import { receiveDossier } from '../dossiers/service';
import type { IntakeInput } from '../dossiers/model';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { seedDemo } from '../seed';
import { feeLines, receiptDurationText } from './pdf/receipt';
import { receiptFeeLines, receiptTerms } from './receipt-terms';
import { dossierSlip, type FormsContext } from './service';

describe('receipt terms (pure)', () => {
  it('2.000815 same day: "Trong ngày" with its case, the per-page fee as its formula (pages are not known at intake)', () => {
    const t = receiptTerms(seedProcedure('2.000815'), 'counter', '2.000815.trong-ngay');
    expect(t.duration).toEqual({ value: 0, unit: 'working_days' });
    expect(t.caseName).toMatch(/^Trong ngày/);
    expect(receiptDurationText(t)).toMatch(/^Trong ngày \(trường hợp: Trong ngày/);
    expect(t.fees).toHaveLength(1);
    expect(t.fees[0]?.formula).toBe('2.000 đồng/trang; từ trang thứ 3: 1.000 đồng/trang; tối đa 200.000 đồng/bản');
    expect(feeLines(t.fees)).toEqual([`- ${t.fees[0]?.name}: 2.000 đồng/trang; từ trang thứ 3: 1.000 đồng/trang; tối đa 200.000 đồng/bản`]);
  });

  it('2.000815 extended case: 2 working days, not the procedure\'s time', () => {
    const t = receiptTerms(seedProcedure('2.000815'), 'counter', '2.000815.keo-dai');
    expect(t.duration).toEqual({ value: 2, unit: 'working_days' });
    expect(receiptDurationText(t)).toMatch(/^2 ngày làm việc \(trường hợp: Nhiều bản, nhiều trang/);
  });

  it('1.004222 at the counter prints 20.000 đ only; online 10.000 đ only; by post nothing (no item for that channel)', () => {
    const fees = seedProcedure('1.004222').fees;
    expect(receiptFeeLines(fees, 'counter', null).map((f) => f.amountVnd)).toEqual([20_000]);
    expect(receiptFeeLines(fees, 'online', null).map((f) => f.amountVnd)).toEqual([10_000]);
    expect(receiptFeeLines(fees, 'postal', null)).toEqual([]);
  });

  it('a case-specific item is printed for its case only; an item described in words keeps its words', () => {
    const items = [
      { name: 'Lệ phí', amountVnd: 50_000, note: null, caseKey: 'a' },
      { name: 'Phí thẩm định', amountVnd: 150_000, note: null, caseKey: 'b', channels: ['counter' as const] },
      { name: 'Phí theo HĐND tỉnh', amountVnd: null, note: 'Theo Nghị quyết của HĐND tỉnh' },
      { name: 'Phí bản sao', amountVnd: 3_000, note: null, basis: 'per_copy' as const },
    ];
    expect(receiptFeeLines(items, 'counter', 'b')).toEqual([
      { name: 'Phí thẩm định', amountVnd: 150_000 },
      { name: 'Phí theo HĐND tỉnh', amountVnd: Number.NaN, formula: 'Theo Nghị quyết của HĐND tỉnh' },
      { name: 'Phí bản sao', amountVnd: Number.NaN, formula: '3.000 đồng/bản' },
    ]);
    expect(receiptFeeLines(items, 'online', 'b').map((f) => f.name)).toEqual(['Phí theo HĐND tỉnh', 'Phí bản sao']);
  });

  it('a case the catalogue no longer has falls back to the procedure\'s own time', () => {
    const p = seedProcedure('2.000815');
    expect(receiptTerms(p, 'counter', 'gone')).toMatchObject({ duration: { value: p.durationValue, unit: p.durationUnit }, caseName: null });
  });
});

describe('receipt of a dossier received with a case (real catalogue)', () => {
  let t: TestDatabase;
  const clock = new FixedClock(new Date('2026-02-27T10:00:00+07:00')); // Friday
  let clerk: Actor;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDemo(t.db, clock);
    const sp = await t.db.selectFrom('service_points').select('id').where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
    const user = await t.db.selectFrom('users').select(['id', 'full_name']).where('username', '=', 'clerk').executeTakeFirstOrThrow();
    clerk = { userId: user.id, username: 'clerk', fullName: user.full_name, role: 'clerk', scope: { kind: 'servicePoint', servicePointId: sp.id, unitPath: '/82/29926/' } };
  }, 120_000);
  afterAll(async () => { await t?.close(); });

  const ctx = (): FormsContext => ({ db: t.db, clock, actor: clerk, publicUrl: 'https://motcua.example.vn' }) as FormsContext;

  async function receive(code: string, caseKey?: string): Promise<string> {
    const p = await getProcedure(t.db, code, '2026-02-27');
    if (!p) throw new Error(code);
    const input: IntakeInput = {
      procedureCode: code,
      applicant: { personalId: '087090001234', name: 'Nguyễn Văn An', phone: '0912345678', unitCode: '29926' },
      papers: leastPapers(p.requiredPapers).keys.map((key) => ({ key, source: 'scanned' as const })),
      ...(leastPapers(p.requiredPapers).situation ? { situation: leastPapers(p.requiredPapers).situation } : {}),
      formData: { fullName: 'Nguyễn Văn An', personalId: '087090001234', address: 'ấp 1, xã Tân Hồng' },
      ...(caseKey ? { caseKey } : {}),
    };
    return (await receiveDossier({ db: t.db, clock, actor: clerk }, input)).code;
  }

  it('2.000815 extended: the receipt says 2 working days for that case, due Tue 3 Mar 10:00, and the per-page fee', async () => {
    const code = await receive('2.000815', '2.000815.keo-dai');
    const slip = await dossierSlip(ctx(), code, 'receipt');
    if (slip.kind !== 'receipt') throw new Error('expected a receipt');
    expect(slip.data.duration).toEqual({ value: 2, unit: 'working_days' });
    expect(slip.data.caseName).toMatch(/^Nhiều bản, nhiều trang/);
    expect(slip.data.dueAt.toISOString()).toBe(new Date('2026-03-03T10:00:00+07:00').toISOString());
    expect(slip.data.fees.map((f) => f.formula)).toEqual(['2.000 đồng/trang; từ trang thứ 3: 1.000 đồng/trang; tối đa 200.000 đồng/bản']);
  });

  it('2.000815 same day: "Trong ngày", due Fri 17:00', async () => {
    const code = await receive('2.000815', '2.000815.trong-ngay');
    const slip = await dossierSlip(ctx(), code, 'receipt');
    if (slip.kind !== 'receipt') throw new Error('expected a receipt');
    expect(receiptDurationText(slip.data)).toMatch(/^Trong ngày/);
    expect(slip.data.dueAt.toISOString()).toBe(new Date('2026-02-27T17:00:00+07:00').toISOString());
  });

  it('1.004222 at the counter: only the counter fee (20.000 đ), not the online one', async () => {
    const code = await receive('1.004222');
    const slip = await dossierSlip(ctx(), code, 'receipt');
    if (slip.kind !== 'receipt') throw new Error('expected a receipt');
    expect(slip.data.fees.map((f) => f.amountVnd)).toEqual([20_000]);
    expect(slip.data.caseName).toBeUndefined();
  });
});
