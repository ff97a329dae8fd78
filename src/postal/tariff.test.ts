import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../shared/civil-date';
import {
  SHIPPED_TARIFFS,
  ZONES,
  isPostageProblem,
  quotePostage,
  tariffInForce,
  tariffProblems,
  zoneBetween,
  type PostageQuote,
} from './tariff';

const d = (s: string) => s as IsoDate;
const quote = (date: string, weightGrams: number, zone: (typeof ZONES)[number]): PostageQuote => {
  const q = quotePostage(SHIPPED_TARIFFS, { date: d(date), weightGrams, zone });
  if (isPostageProblem(q)) throw new Error(q.message);
  return q;
};

describe('postage tariff', () => {
  it('the shipped tariffs are well formed', () => {
    expect(tariffProblems(SHIPPED_TARIFFS)).toEqual([]);
  });

  it.each([
    // date, grams, zone, VND, tariff
    ['2026-12-07', 80, 'sameCommune', 12_000, 'bcci-2025-07'],
    ['2026-12-07', 100, 'inProvince', 16_000, 'bcci-2025-07'],
    ['2026-12-07', 101, 'inProvince', 19_000, 'bcci-2025-07'],
    ['2026-12-07', 480, 'interProvincial', 34_000, 'bcci-2025-07'],
    ['2026-12-07', 2_000, 'inProvince', 38_000, 'bcci-2025-07'],
    // 2 kg class + 2 started 500 g steps (2,001–3,000 g)
    ['2026-12-07', 2_900, 'inProvince', 38_000 + 2 * 4_500, 'bcci-2025-07'],
    ['2026-12-31', 300, 'sameCommune', 17_000, 'bcci-2025-07'],
    // the new tariff applies from its first day
    ['2027-01-01', 300, 'sameCommune', 18_000, 'bcci-2027-01'],
    // 2,501 g starts a second 500 g step above 2 kg
    ['2027-03-15', 2_501, 'interProvincial', 66_000 + 2 * 10_000, 'bcci-2027-01'],
    ['2027-03-15', 2_400, 'interProvincial', 66_000 + 10_000, 'bcci-2027-01'],
  ] as const)('%s, %i g, %s → %i đ (%s)', (date, grams, zone, amount, tariffId) => {
    const q = quote(date, grams, zone);
    expect(q.amountVnd).toBe(amount);
    expect(q.tariffId).toBe(tariffId);
  });

  it('refuses a weight that is not a positive whole number of grams, or too heavy, or a date before any tariff', () => {
    const at = d('2026-12-07');
    for (const weightGrams of [0, -5, 12.5, Number.NaN]) {
      expect(quotePostage(SHIPPED_TARIFFS, { date: at, weightGrams, zone: 'inProvince' })).toMatchObject({ code: 'POSTAGE_WEIGHT_INVALID' });
    }
    expect(quotePostage(SHIPPED_TARIFFS, { date: at, weightGrams: 30_001, zone: 'inProvince' })).toMatchObject({ code: 'POSTAGE_TOO_HEAVY', maxGrams: 30_000 });
    expect(quotePostage(SHIPPED_TARIFFS, { date: d('2025-06-30'), weightGrams: 100, zone: 'inProvince' })).toMatchObject({ code: 'POSTAGE_NO_TARIFF' });
    expect(tariffInForce(SHIPPED_TARIFFS, d('2025-06-30'))).toBeNull();
  });

  it('names the zone from the two ends of a leg', () => {
    const caoLanh = { communeCode: '29869', provinceCode: '82' };
    expect(zoneBetween(caoLanh, caoLanh)).toBe('sameCommune');
    expect(zoneBetween(caoLanh, { communeCode: '28249', provinceCode: '82' })).toBe('inProvince');
    expect(zoneBetween(caoLanh, { communeCode: '26734', provinceCode: '79' })).toBe('interProvincial');
  });

  it('a heavier parcel never costs less, and a farther zone never costs less (all weights, dates, zones)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 29_999 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.constantFrom('2025-07-01', '2026-06-15', '2027-01-01', '2030-01-01'),
        (grams, more, date) => {
          for (const zone of ZONES) {
            const heavier = Math.min(grams + more, 30_000);
            expect(quote(date, heavier, zone).amountVnd).toBeGreaterThanOrEqual(quote(date, grams, zone).amountVnd);
          }
          const [a, b, c] = ZONES.map((zone) => quote(date, grams, zone).amountVnd);
          expect(a).toBeLessThanOrEqual(b ?? 0);
          expect(b).toBeLessThanOrEqual(c ?? 0);
        },
      ),
    );
  });

  it('finds problems in a malformed tariff', () => {
    const [first] = SHIPPED_TARIFFS;
    if (!first) throw new Error('no tariff');
    const broken = { ...first, effectiveFrom: d('2026-13-01'), weightClasses: [...first.weightClasses].reverse() };
    expect(tariffProblems([broken, first])).toEqual(expect.arrayContaining([
      '[0].effectiveFrom: ngày không hợp lệ',
      '[0].weightClasses[1].upToGrams: phải tăng dần',
      '[1].id: trùng mã bảng cước bcci-2025-07',
    ]));
  });
});
