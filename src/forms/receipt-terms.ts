// What the receipt (form 01) promises for the case chosen at intake: its processing time and the
// fees of that case on the dossier's channel — not the procedure's default time nor every fee
// item of the catalogue. Pure.
import { chooseCase, type ProcedureCase } from '../catalog/cases';
import type { FeeChannel, FeeItem } from '../catalog/fees';
import { feeTermLines } from '../shared/fee-terms';
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

/** The fee items of the dossier's channel and case as printed (src/shared/fee-terms.ts: the counter screen shows the same). */
export const receiptFeeLines = (items: readonly FeeItem[], channel: keyof typeof FEE_CHANNEL, caseKey: string | null): FeeLine[] =>
  feeTermLines(items, FEE_CHANNEL[channel], caseKey).map((l) => ({ ...l }));

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
