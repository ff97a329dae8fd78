/**
 * Fees by case × channel × formula (issue 9 "catalogue depth"): a fee item applies to some
 * channels (null: all) and some case (null: all), and is a fixed amount per dossier, an amount
 * per page (with tiers from a page number and a cap per copy) or an amount per copy. Pure.
 */
import { vndText } from '../shared/fee-terms';

export const feeChannels = ['counter', 'online', 'postal'] as const;
export type FeeChannel = (typeof feeChannels)[number];
export const feeBases = ['fixed', 'per_page', 'per_copy'] as const;
export type FeeBasis = (typeof feeBases)[number];

export interface FeeTier {
  /** from this page (1-based) on, each page costs `amountVnd` */
  readonly fromPage: number;
  readonly amountVnd: number;
}

export interface FeeItem {
  readonly name: string;
  /** null: the amount is only described in `note` */
  readonly amountVnd: number | null;
  readonly note: string | null;
  /** channels this item applies to; null or absent: every channel */
  readonly channels?: FeeChannel[] | null;
  /** the case it applies to; null or absent: every case */
  readonly caseKey?: string | null;
  /** absent: fixed */
  readonly basis?: FeeBasis;
  readonly tiers?: FeeTier[];
  /** per_page: the most one copy can cost */
  readonly maxPerCopyVnd?: number | null;
}

export interface FeeRequest {
  readonly channel: FeeChannel;
  readonly caseKey?: string | null;
  /** pages of the original (per_page) */
  readonly pages?: number;
  /** copies asked for (per_page, per_copy) */
  readonly copies?: number;
}

export interface FeeLine {
  readonly name: string;
  readonly amountVnd: number;
  readonly formula: string;
}

export interface FeeQuote {
  readonly lines: readonly FeeLine[];
  readonly totalVnd: number;
  /** items that apply but whose amount only the note describes: the clerk reads them */
  readonly described: readonly { name: string; note: string | null }[];
}

const vnd = vndText;

function perCopyOfPages(item: FeeItem, pages: number): number {
  const base = item.amountVnd ?? 0;
  const tiers = [...(item.tiers ?? [])].sort((a, b) => a.fromPage - b.fromPage);
  let total = 0;
  for (let page = 1; page <= pages; page++) {
    const tier = tiers.filter((t) => t.fromPage <= page).at(-1);
    total += tier ? tier.amountVnd : base;
  }
  return item.maxPerCopyVnd != null ? Math.min(total, item.maxPerCopyVnd) : total;
}

/** What an applicant pays for a request: the items of its channel and case, each computed. */
export function quoteFees(items: readonly FeeItem[], request: FeeRequest): FeeQuote {
  const pages = Math.max(1, Math.floor(request.pages ?? 1));
  const copies = Math.max(1, Math.floor(request.copies ?? 1));
  const applies = (f: FeeItem) => (!f.channels || f.channels.includes(request.channel))
    && (f.caseKey == null || f.caseKey === request.caseKey);
  const lines: FeeLine[] = [];
  const described: { name: string; note: string | null }[] = [];
  for (const f of items.filter(applies)) {
    if (f.amountVnd === null) { described.push({ name: f.name, note: f.note }); continue; }
    const basis = f.basis ?? 'fixed';
    if (basis === 'fixed') lines.push({ name: f.name, amountVnd: f.amountVnd, formula: `${vnd(f.amountVnd)}/hồ sơ` });
    else if (basis === 'per_copy') lines.push({ name: f.name, amountVnd: f.amountVnd * copies, formula: `${vnd(f.amountVnd)} × ${copies} bản` });
    else {
      const perCopy = perCopyOfPages(f, pages);
      lines.push({ name: f.name, amountVnd: perCopy * copies, formula: `${pages} trang → ${vnd(perCopy)}/bản × ${copies} bản` });
    }
  }
  return { lines, totalVnd: lines.reduce((s, l) => s + l.amountVnd, 0), described };
}

/** Reads one fee of an import row; a string is the problem. */
export function readFee(o: Record<string, unknown>): FeeItem | string {
  const name = typeof o.name === 'string' ? o.name.trim() : '';
  if (!name) return 'thiếu "name"';
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  const amount = o.amountVnd ?? null;
  if (amount !== null && !isCount(amount)) return '"amountVnd" phải là số nguyên ≥ 0 hoặc null';
  const note = typeof o.note === 'string' && o.note.trim() !== '' ? o.note.trim() : null;
  const channels = o.channels ?? null;
  if (channels !== null && (!Array.isArray(channels) || channels.some((c) => !(feeChannels as readonly unknown[]).includes(c)))) {
    return `"channels" phải là mảng các giá trị: ${feeChannels.join(', ')}`;
  }
  const basis = o.basis ?? 'fixed';
  if (!(feeBases as readonly unknown[]).includes(basis)) return `"basis" phải là một trong: ${feeBases.join(', ')}`;
  const tiers = o.tiers ?? [];
  if (!Array.isArray(tiers) || tiers.some((t) => typeof t !== 'object' || t === null || !isCount((t as FeeTier).fromPage) || !isCount((t as FeeTier).amountVnd))) {
    return '"tiers" phải là mảng {fromPage, amountVnd} số nguyên ≥ 0';
  }
  const max = o.maxPerCopyVnd ?? null;
  if (max !== null && !isCount(max)) return '"maxPerCopyVnd" phải là số nguyên ≥ 0 hoặc null';
  const caseKey = typeof o.caseKey === 'string' && o.caseKey !== '' ? o.caseKey : null;
  return {
    name, amountVnd: amount, note, channels: channels as FeeChannel[] | null, caseKey, basis: basis as FeeBasis,
    ...(tiers.length > 0 ? { tiers: tiers as FeeTier[] } : {}), ...(max !== null ? { maxPerCopyVnd: max } : {}),
  };
}

const CHANNEL_OF_SOURCE: Record<string, FeeChannel> = { 'Trực tuyến': 'online', 'Trực tiếp': 'counter', 'Dịch vụ bưu chính': 'postal' };

/** The national database's channel names → ours (unknown names dropped). */
export function feeChannelsOf(source: readonly string[] | undefined): FeeChannel[] | null {
  if (!source || source.length === 0) return null;
  const out = [...new Set(source.flatMap((s) => s.split(' / ')).map((s) => CHANNEL_OF_SOURCE[s.trim()]).filter((c): c is FeeChannel => c !== undefined))];
  return out.length > 0 ? out : null;
}

const money = (text: string) => Number(text.replace(/\./g, ''));

/**
 * Reads the per-page wording of certification fees ("2.000 đồng/trang; từ trang thứ 3 trở lên
 * thu 1.000 đồng/trang, tối đa thu không quá 200.000 đồng/bản") into a per-page formula.
 */
export function perPageFormula(text: string): Pick<FeeItem, 'amountVnd' | 'basis' | 'tiers' | 'maxPerCopyVnd'> | null {
  const first = /([\d.]+) đồng\/trang/.exec(text);
  if (!first?.[1]) return null;
  const tier = /từ trang thứ (\d+) trở lên thu ([\d.]+) đồng\/trang/.exec(text);
  const max = /tối đa thu không quá ([\d.]+) đồng\/bản/.exec(text);
  return {
    amountVnd: money(first[1]), basis: 'per_page',
    tiers: tier?.[1] && tier[2] ? [{ fromPage: Number(tier[1]), amountVnd: money(tier[2]) }] : [],
    maxPerCopyVnd: max?.[1] ? money(max[1]) : null,
  };
}
