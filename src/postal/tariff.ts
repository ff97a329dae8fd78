/**
 * Postage for a BCCI parcel (QĐ 45/2016 Art. 12.3: the applicant pays it): a versioned tariff of
 * weight class × zone. Pure: the tariffs are data (tariffs.json, or a list the caller loads), the
 * date is an argument. Amounts are whole VND.
 */
import type { IsoDate } from '../shared/civil-date';
import { parseIsoDate } from '../shared/civil-date';
import shipped from './tariffs.json';

export const ZONES = ['sameCommune', 'inProvince', 'interProvincial'] as const;
export type Zone = (typeof ZONES)[number];

export interface WeightClass {
  /** inclusive upper bound of the class, grams */
  readonly upToGrams: number;
  readonly amountVnd: Readonly<Record<Zone, number>>;
}

export interface Tariff {
  readonly id: string;
  readonly effectiveFrom: IsoDate;
  /** 'published' when taken from the post's published tariff, 'configuration' [U] otherwise */
  readonly status: 'published' | 'configuration';
  readonly source: string;
  /** ascending by upToGrams */
  readonly weightClasses: readonly WeightClass[];
  /** for each started 500 g above the heaviest class */
  readonly extraPer500GramsVnd: Readonly<Record<Zone, number>>;
  readonly maxGrams: number;
}

/** Where the two ends of a leg are: the commune in force and its province. */
export interface LegEnd {
  readonly communeCode: string;
  readonly provinceCode: string;
}

export function zoneBetween(from: LegEnd, to: LegEnd): Zone {
  if (from.provinceCode !== to.provinceCode) return 'interProvincial';
  return from.communeCode === to.communeCode ? 'sameCommune' : 'inProvince';
}

export type PostageProblem =
  | { readonly code: 'POSTAGE_WEIGHT_INVALID'; readonly message: string }
  | { readonly code: 'POSTAGE_TOO_HEAVY'; readonly message: string; readonly maxGrams: number }
  | { readonly code: 'POSTAGE_NO_TARIFF'; readonly message: string };

export interface PostageQuote {
  readonly amountVnd: number;
  readonly tariffId: string;
  readonly tariffStatus: Tariff['status'];
  readonly zone: Zone;
  /** the class the weight falls in, or null when charged by the heaviest class plus extra steps */
  readonly upToGrams: number | null;
  readonly extraSteps: number;
}

/** The tariff in force on a date: the latest effectiveFrom on or before it. */
export function tariffInForce(tariffs: readonly Tariff[], date: IsoDate): Tariff | null {
  let found: Tariff | null = null;
  for (const tariff of tariffs) {
    if (tariff.effectiveFrom <= date && (found === null || tariff.effectiveFrom > found.effectiveFrom)) found = tariff;
  }
  return found;
}

export function quotePostage(
  tariffs: readonly Tariff[],
  input: { readonly date: IsoDate; readonly weightGrams: number; readonly zone: Zone },
): PostageQuote | PostageProblem {
  const { date, weightGrams, zone } = input;
  if (!Number.isInteger(weightGrams) || weightGrams <= 0) {
    return { code: 'POSTAGE_WEIGHT_INVALID', message: 'Khối lượng bưu gửi phải là số gam nguyên dương.' };
  }
  const tariff = tariffInForce(tariffs, date);
  if (!tariff) return { code: 'POSTAGE_NO_TARIFF', message: `Chưa có bảng cước áp dụng cho ngày ${date}.` };
  if (weightGrams > tariff.maxGrams) {
    return { code: 'POSTAGE_TOO_HEAVY', message: `Bưu gửi nặng quá ${tariff.maxGrams} g.`, maxGrams: tariff.maxGrams };
  }
  const base = { tariffId: tariff.id, tariffStatus: tariff.status, zone };
  const weightClass = tariff.weightClasses.find((c) => weightGrams <= c.upToGrams);
  if (weightClass) return { ...base, amountVnd: weightClass.amountVnd[zone], upToGrams: weightClass.upToGrams, extraSteps: 0 };
  const heaviest = tariff.weightClasses[tariff.weightClasses.length - 1];
  if (!heaviest) return { code: 'POSTAGE_NO_TARIFF', message: `Bảng cước ${tariff.id} không có nấc khối lượng nào.` };
  const extraSteps = Math.ceil((weightGrams - heaviest.upToGrams) / 500);
  return { ...base, amountVnd: heaviest.amountVnd[zone] + extraSteps * tariff.extraPer500GramsVnd[zone], upToGrams: null, extraSteps };
}

export const isPostageProblem = (q: PostageQuote | PostageProblem): q is PostageProblem => 'code' in q;

/** Checks a tariff list read from data: problems name the entry and the field. */
export function tariffProblems(tariffs: readonly Tariff[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  tariffs.forEach((t, i) => {
    if (ids.has(t.id)) problems.push(`[${i}].id: trùng mã bảng cước ${t.id}`);
    ids.add(t.id);
    if (parseIsoDate(t.effectiveFrom) === null) problems.push(`[${i}].effectiveFrom: ngày không hợp lệ`);
    if (t.weightClasses.length === 0) problems.push(`[${i}].weightClasses: trống`);
    t.weightClasses.forEach((c, j) => {
      const previous = t.weightClasses[j - 1];
      if (previous && c.upToGrams <= previous.upToGrams) problems.push(`[${i}].weightClasses[${j}].upToGrams: phải tăng dần`);
      for (const zone of ZONES) {
        const amount = c.amountVnd[zone];
        if (!Number.isInteger(amount) || amount < 0) problems.push(`[${i}].weightClasses[${j}].amountVnd.${zone}: phải là số đồng nguyên`);
        const before = previous?.amountVnd[zone];
        if (before !== undefined && amount < before) problems.push(`[${i}].weightClasses[${j}].amountVnd.${zone}: nặng hơn mà rẻ hơn`);
      }
    });
  });
  return problems;
}

/** The tariffs shipped with the code (tariffs.json). */
export const SHIPPED_TARIFFS: readonly Tariff[] = shipped.tariffs.map((t) => ({
  ...t,
  effectiveFrom: t.effectiveFrom as IsoDate,
  status: t.status === 'published' ? 'published' : 'configuration',
}));
