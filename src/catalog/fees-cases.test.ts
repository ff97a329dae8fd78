import { describe, expect, it } from 'vitest';
import { chooseCase } from './cases';
import { perPageFormula, quoteFees, readFee } from './fees';
import { seedProcedure } from './seed.test-helper';

describe('fees by case × channel × formula', () => {
  it('1.004222 thường trú: online 10.000 đ is cheaper than at the counter 20.000 đ (TT 75/2022/TT-BTC)', () => {
    const fees = seedProcedure('1.004222').fees;
    expect(quoteFees(fees, { channel: 'online' }).totalVnd).toBe(10_000);
    expect(quoteFees(fees, { channel: 'counter' }).totalVnd).toBe(20_000);
    expect(quoteFees(fees, { channel: 'postal' }).lines).toEqual([]);
  });

  it('2.000815 chứng thực bản sao: 2.000 đ/page, from page 3 1.000 đ/page, at most 200.000 đ a copy', () => {
    const fees = seedProcedure('2.000815').fees;
    expect(fees[0]).toMatchObject({ basis: 'per_page', amountVnd: 2000, tiers: [{ fromPage: 3, amountVnd: 1000 }], maxPerCopyVnd: 200_000, channels: ['counter'] });
    expect(quoteFees(fees, { channel: 'counter', pages: 1, copies: 1 }).totalVnd).toBe(2_000);
    expect(quoteFees(fees, { channel: 'counter', pages: 2, copies: 3 }).totalVnd).toBe(12_000);
    expect(quoteFees(fees, { channel: 'counter', pages: 5, copies: 2 }).totalVnd).toBe(14_000); // (2×2.000 + 3×1.000) × 2
    expect(quoteFees(fees, { channel: 'counter', pages: 500, copies: 1 }).totalVnd).toBe(200_000);
  });

  it('per copy and case-specific items', () => {
    const items = [
      { name: 'Lệ phí', amountVnd: 8000, note: null, basis: 'per_copy' as const, channels: null, caseKey: null },
      { name: 'Phí thẩm định', amountVnd: 150_000, note: null, caseKey: 'dat-o' },
      { name: 'Theo HĐND tỉnh', amountVnd: null, note: 'Theo quy định của Hội đồng nhân dân cấp tỉnh' },
    ];
    expect(quoteFees(items, { channel: 'online', copies: 3 }).totalVnd).toBe(24_000);
    const land = quoteFees(items, { channel: 'counter', caseKey: 'dat-o', copies: 1 });
    expect(land.totalVnd).toBe(158_000);
    expect(land.described).toEqual([{ name: 'Theo HĐND tỉnh', note: 'Theo quy định của Hội đồng nhân dân cấp tỉnh' }]);
  });

  it('reads the per-page wording and refuses a malformed fee', () => {
    expect(perPageFormula('3.000 đồng/trang')).toEqual({ amountVnd: 3000, basis: 'per_page', tiers: [], maxPerCopyVnd: null });
    expect(perPageFormula('10 USD/bản')).toBeNull();
    expect(readFee({ name: 'x', amountVnd: 1, channels: ['fax'] })).toMatch(/"channels"/);
    expect(readFee({ name: 'x', amountVnd: 1, basis: 'per_kg' })).toMatch(/"basis"/);
  });
});

describe('cases with their own durations', () => {
  it('2.000815: same day with the 15:00 cut-off, and the extension of up to 2 working days', () => {
    const p = seedProcedure('2.000815');
    expect({ value: p.durationValue, unit: p.durationUnit, cutoff: p.cutoff }).toEqual({ value: 0, unit: 'working_days', cutoff: '15:00' });
    expect(p.cases).toEqual([
      { key: '2.000815.trong-ngay', name: 'Trong ngày (tiếp nhận sau 15 giờ: trả trong ngày làm việc tiếp theo)', durationValue: 0, durationUnit: 'working_days', cutoff: '15:00' },
      { key: '2.000815.keo-dai', name: 'Nhiều bản, nhiều trang hoặc nội dung phức tạp: kéo dài thêm không quá 2 ngày làm việc', durationValue: 2, durationUnit: 'working_days', cutoff: '15:00' },
    ]);
  });

  it('1.115783 tách thửa: 7 working days for ordinary communes, 15 for remote ones', () => {
    expect(seedProcedure('1.115783').cases.map((c) => [c.durationValue, c.durationUnit])).toEqual([[7, 'working_days'], [15, 'working_days']]);
    expect(seedProcedure('1.115783').cases[1]?.name).toMatch(/^Đối với các xã biên giới/);
  });

  it('2.000635: the per-case times by case code (the source gives no names), and full online (secondary source)', () => {
    const p = seedProcedure('2.000635');
    expect(p.cases.map((c) => `${c.key}:${c.durationValue} ${c.durationUnit}`)).toEqual([
      '2.000635.01:15 working_days', '2.000635.02:1 calendar_days', '2.000635.03:1 working_days', '2.000635.04:1 working_days',
    ]);
    expect(p.onlineLevel).toBe('full');
    expect(p.fees).toEqual([expect.objectContaining({ amountVnd: 8000, channels: ['online', 'postal', 'counter'] })]);
  });

  it('chooseCase: none → the procedure\'s own duration; a key → that case; unknown → the keys to choose from', () => {
    const p = seedProcedure('2.000815');
    expect(chooseCase(p, undefined)).toEqual({ ok: true, rule: { caseKey: null, caseName: null, durationValue: 0, durationUnit: 'working_days', cutoff: '15:00' } });
    expect(chooseCase(p, '2.000815.keo-dai')).toMatchObject({ ok: true, rule: { caseKey: '2.000815.keo-dai', durationValue: 2 } });
    expect(chooseCase(p, 'x')).toEqual({ ok: false, message: 'Trường hợp "x" không có trong thủ tục; chọn một trong: 2.000815.trong-ngay, 2.000815.keo-dai.' });
    expect(chooseCase(seedProcedure('1.004222'), 'x')).toEqual({ ok: false, message: 'Thủ tục không chia trường hợp; bỏ trường "caseKey".' });
  });
});
