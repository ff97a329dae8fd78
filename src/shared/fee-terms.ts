// The fees an applicant is told about for one channel and case: the catalogue's items that apply
// (channels null = every channel, caseKey null = every case), each with its fixed amount or, when
// the amount depends on pages or copies (unknown until the papers are counted) or is only
// described in words, its formula. Pure; in the shared module: the counter screen shows these
// lines before intake and the receipt (form 01) prints the same ones.

export type FeeTermChannel = 'counter' | 'online' | 'postal';

/** The catalogue's fee item as far as these terms need it (catalog/fees.ts FeeItem). */
export interface FeeTermItem {
  readonly name: string;
  readonly amountVnd: number | null;
  readonly note: string | null;
  readonly channels?: readonly FeeTermChannel[] | null;
  readonly caseKey?: string | null;
  readonly basis?: 'fixed' | 'per_page' | 'per_copy';
  readonly tiers?: readonly { fromPage: number; amountVnd: number }[];
  readonly maxPerCopyVnd?: number | null;
}

export interface FeeTermLine {
  readonly name: string;
  /** NaN when the amount is not a fixed figure: see `formula` */
  readonly amountVnd: number;
  readonly formula?: string;
}

/** Thousands grouped with '.', e.g. 1250000 → "1.250.000" (rounded to the đồng). */
export function groupThousands(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** An amount as the applicant reads it, in a message, a slip or a page: "17.000 đồng" — the one money formatter on the server. */
export const vndText = (n: number): string => `${groupThousands(n)} đồng`;
const vnd = vndText;

/** "2.000 đồng/trang; từ trang thứ 3: 1.000 đồng/trang; tối đa 200.000 đồng/bản", "3.000 đồng/bản", or the note. */
export function feeFormulaText(f: FeeTermItem): string | null {
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

/** The lines of the items that apply to `channel` and `caseKey` (null: no case chosen, only items for every case). */
export function feeTermLines(items: readonly FeeTermItem[], channel: FeeTermChannel, caseKey: string | null): FeeTermLine[] {
  return items
    .filter((f) => (!f.channels || f.channels.includes(channel)) && (f.caseKey == null || f.caseKey === caseKey))
    .map((f) => {
      if (f.amountVnd !== null && (f.basis ?? 'fixed') === 'fixed') return { name: f.name, amountVnd: f.amountVnd };
      const formula = feeFormulaText(f);
      return { name: f.name, amountVnd: Number.NaN, ...(formula ? { formula } : {}) };
    });
}
