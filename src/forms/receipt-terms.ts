// What the receipt (form 01) promises for the case chosen at intake: its processing time and the
// fees of that case on the dossier's channel — not the procedure's default time nor every fee
// item of the catalogue. Pure.
import { chooseCase, type ProcedureCase } from '../catalog/cases';
import type { FeeChannel, FeeItem } from '../catalog/fees';
import type { Duration, FeeLine } from './model';

export interface ReceiptTerms {
  readonly duration: Duration;
  /** the chosen case's name, printed after the time; null: the procedure's own time */
  readonly caseName: string | null;
  readonly fees: FeeLine[];
}

export interface CatalogueTerms {
  readonly durationValue: number;
  readonly durationUnit: Duration['unit'];
  readonly cutoff: string | null;
  readonly cases: readonly ProcedureCase[];
  readonly fees: readonly FeeItem[];
}

const FEE_CHANNEL = { counter: 'counter', postal: 'postal', online: 'online' } as const satisfies Record<string, FeeChannel>;

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

/** "2.000 đồng/trang; từ trang thứ 3: 1.000 đồng/trang; tối đa 200.000 đồng/bản" and the like. */
export function feeFormulaText(f: FeeItem): string | null {
  if (f.amountVnd === null) return f.note;
  switch (f.basis ?? 'fixed') {
    case 'fixed': return null;
    case 'per_copy': return `${vnd(f.amountVnd)}/bản`;
    case 'per_page': {
      const tiers = [...(f.tiers ?? [])].sort((a, b) => a.fromPage - b.fromPage).map((t) => `từ trang thứ ${t.fromPage}: ${vnd(t.amountVnd)}/trang`);
      const cap = f.maxPerCopyVnd != null ? [`tối đa ${vnd(f.maxPerCopyVnd)}/bản`] : [];
      return [`${vnd(f.amountVnd)}/trang`, ...tiers, ...cap].join('; ');
    }
  }
}

/**
 * The fee items that apply to the dossier's channel and case, each as printed: a fixed amount
 * with its amount; an amount by pages or copies (not known at intake) and an amount described
 * only in words as their formula, with no figure (the clerk fills it in on the receipt).
 */
export function receiptFeeLines(items: readonly FeeItem[], channel: keyof typeof FEE_CHANNEL, caseKey: string | null): FeeLine[] {
  const feeChannel = FEE_CHANNEL[channel];
  return items
    .filter((f) => (!f.channels || f.channels.includes(feeChannel)) && (f.caseKey == null || f.caseKey === caseKey))
    .map((f) => {
      const formula = feeFormulaText(f);
      const fixed = f.amountVnd !== null && (f.basis ?? 'fixed') === 'fixed';
      return fixed ? { name: f.name, amountVnd: f.amountVnd ?? 0 } : { name: f.name, amountVnd: Number.NaN, ...(formula ? { formula } : {}) };
    });
}

/** The time and fees of the receipt; an unknown case (catalogue changed since) falls back to the procedure's own time. */
export function receiptTerms(catalogue: CatalogueTerms | null, channel: keyof typeof FEE_CHANNEL, caseKey: string | null): ReceiptTerms {
  if (!catalogue) return { duration: { value: Number.NaN, unit: 'working_days' }, caseName: null, fees: [] };
  const choice = chooseCase(catalogue, caseKey);
  const r = choice.ok ? choice.rule : { caseKey: null, caseName: null, durationValue: catalogue.durationValue, durationUnit: catalogue.durationUnit };
  return {
    duration: { value: r.durationValue, unit: r.durationUnit },
    caseName: r.caseName,
    fees: receiptFeeLines(catalogue.fees, channel, r.caseKey),
  };
}
