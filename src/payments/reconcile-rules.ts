// Reconciliation of a day's online payments (pure): what we recorded as paid (orders and their
// receipts) against the gateway's settlement file, and against the dossiers they are for. Every
// mismatch is flagged, one row each. Also the settlement file's reader (CSV).
import labels from './labels.vi.json';

export const mismatchKinds = ['missingAtGateway', 'missingHere', 'amountDiffers', 'paidNoDossier', 'paidTwice', 'dossierUnpaid'] as const;
export type MismatchKind = (typeof mismatchKinds)[number];

export const mismatchLabels = labels.mismatch satisfies Record<MismatchKind, string>;
export const duplicateRefundLabels = labels.duplicateRefund satisfies Record<RefundOfDuplicate['state'], string>;

export interface PaidOrder {
  readonly txnRef: string;
  readonly status: 'pending' | 'paid' | 'failed' | 'cancelled' | 'refunded' | 'duplicate';
  readonly amountVnd: number;
  readonly subjectKind: 'draft' | 'dossier' | 'shipment';
  readonly subjectId: string;
  readonly receiptNumber: string | null;
  /** a duplicate payment's automatic refund (duplicate-refunds.ts); null for any other order */
  readonly duplicateRefund?: { readonly state: 'pending' | 'refunded' | 'givenUp'; readonly at: string | null; readonly error: string | null } | null;
}

/** What became of a duplicate payment: refunded automatically (and whether the gateway's file shows the refund), pending, or given up. */
export interface RefundOfDuplicate {
  readonly state: 'pending' | 'refunded' | 'givenUp';
  readonly at: string | null;
  readonly error: string | null;
  readonly inSettlement: boolean;
}

export interface SettlementLine {
  readonly txnRef: string;
  readonly transactionNo: string;
  readonly amountVnd: number;
  readonly kind: 'payment' | 'refund';
}

export interface Mismatch {
  readonly kind: MismatchKind;
  readonly label: string;
  readonly txnRef: string | null;
  readonly dossierCode: string | null;
  readonly receiptNumber: string | null;
  readonly hereVnd: number | null;
  readonly gatewayVnd: number | null;
  /** paid twice: the refund of the second payment */
  readonly refund: RefundOfDuplicate | null;
}

export interface Reconciliation {
  readonly paidHereVnd: number;
  readonly settledVnd: number;
  readonly matched: number;
  readonly mismatches: Mismatch[];
}

const mismatch = (kind: MismatchKind, m: Omit<Mismatch, 'kind' | 'label' | 'refund'> & { refund?: RefundOfDuplicate }): Mismatch =>
  ({ kind, label: mismatchLabels[kind], ...m, refund: m.refund ?? null });

/** Orders of the day (created or paid that day) against the day's settlement lines. Pure. */
export function reconcile(orders: readonly PaidOrder[], settlement: readonly SettlementLine[]): Reconciliation {
  const settled = new Map<string, number>();
  for (const l of settlement.filter((s) => s.kind === 'payment')) settled.set(l.txnRef, (settled.get(l.txnRef) ?? 0) + l.amountVnd);
  const refundedAtGateway = new Set(settlement.filter((s) => s.kind === 'refund').map((s) => s.txnRef));
  const takenHere = orders.filter((o) => o.status === 'paid' || o.status === 'refunded' || o.status === 'duplicate');
  const byRef = new Map(orders.map((o) => [o.txnRef, o]));
  const out: Mismatch[] = [];
  let matched = 0;
  for (const o of takenHere) {
    const dossierCode = o.subjectKind === 'dossier' ? o.subjectId : null;
    const gateway = settled.get(o.txnRef);
    const base = { txnRef: o.txnRef, dossierCode, receiptNumber: o.receiptNumber, hereVnd: o.amountVnd };
    if (gateway === undefined) out.push(mismatch('missingAtGateway', { ...base, gatewayVnd: null }));
    else if (gateway !== o.amountVnd) out.push(mismatch('amountDiffers', { ...base, gatewayVnd: gateway }));
    else matched += 1;
    // a duplicate stays flagged once refunded (the order is then `refunded`), with its refund's state
    if (o.status === 'duplicate' || o.duplicateRefund) {
      const r = o.duplicateRefund ?? { state: 'pending' as const, at: null, error: null };
      out.push(mismatch('paidTwice', { ...base, gatewayVnd: gateway ?? null, refund: { ...r, inSettlement: refundedAtGateway.has(o.txnRef) } }));
    }
    else if (o.subjectKind !== 'dossier') out.push(mismatch('paidNoDossier', { ...base, gatewayVnd: gateway ?? null }));
  }
  for (const [txnRef, amount] of settled) {
    const o = byRef.get(txnRef);
    if (!o || !takenHere.includes(o)) out.push(mismatch('missingHere', { txnRef, dossierCode: o?.subjectKind === 'dossier' ? o.subjectId : null, receiptNumber: null, hereVnd: null, gatewayVnd: amount }));
  }
  // a dossier whose every order of the day failed or is still waiting
  const dossiers = new Map<string, PaidOrder[]>();
  for (const o of orders.filter((x) => x.subjectKind === 'dossier')) dossiers.set(o.subjectId, [...(dossiers.get(o.subjectId) ?? []), o]);
  for (const [code, list] of dossiers) {
    if (!list.some((o) => takenHere.includes(o)) && !list.some((o) => settled.has(o.txnRef))) {
      out.push(mismatch('dossierUnpaid', { txnRef: list.at(-1)?.txnRef ?? null, dossierCode: code, receiptNumber: null, hereVnd: list.at(-1)?.amountVnd ?? null, gatewayVnd: null }));
    }
  }
  return {
    paidHereVnd: takenHere.reduce((s, o) => s + o.amountVnd, 0), settledVnd: [...settled.values()].reduce((s, v) => s + v, 0), matched, mismatches: out,
  };
}

/** Reads the gateway's settlement CSV (`ngay,ma_giao_dich_merchant,ma_giao_dich_cong,so_tien,loai`); problems name the line. Pure. */
export function readSettlementCsv(text: string, day: string): { lines: SettlementLine[]; problems: { path: string; message: string }[] } {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const lines: SettlementLine[] = [];
  const problems: { path: string; message: string }[] = [];
  if (rows.length === 0 || !/^ngay,ma_giao_dich_merchant,ma_giao_dich_cong,so_tien,loai$/.test(rows[0]?.trim() ?? '')) {
    return { lines, problems: [{ path: 'csv/1', message: 'Dòng đầu phải là: ngay,ma_giao_dich_merchant,ma_giao_dich_cong,so_tien,loai' }] };
  }
  rows.slice(1).forEach((row, i) => {
    const [d, txnRef, transactionNo, amount, kind] = row.split(',').map((c) => c.trim());
    const path = `csv/${i + 2}`;
    if (d !== day) problems.push({ path, message: `Ngày ${d ?? ''} không phải ngày đối soát ${day}.` });
    else if (!txnRef || !/^[A-Za-z0-9]{1,40}$/.test(txnRef) || !transactionNo || !/^[A-Za-z0-9]{1,40}$/.test(transactionNo)) problems.push({ path, message: 'Mã giao dịch không hợp lệ.' });
    else if (!amount || !/^\d{1,13}$/.test(amount)) problems.push({ path, message: 'Số tiền phải là số nguyên đồng.' });
    else if (kind !== 'payment' && kind !== 'refund') problems.push({ path, message: 'Loại phải là payment hoặc refund.' });
    else lines.push({ txnRef, transactionNo, amountVnd: Number(amount), kind });
  });
  return { lines, problems };
}
