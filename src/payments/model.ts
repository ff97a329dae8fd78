// Payments' types and pure rules: what can be paid for (a subject), the states of a payment order,
// where the payer may be sent back, and what was paid against what is due. Pure.
import type { ErrorDetail } from '../platform/errors';
import labels from './labels.vi.json';
import type { Payer, ReceiptItem } from './receipts';

export const subjectKinds = ['draft', 'dossier', 'shipment'] as const;
export type SubjectKind = (typeof subjectKinds)[number];
/** What a payment is for: an online draft (h-online), a dossier (by its code) or a postal shipment (by its id). */
export interface Subject {
  readonly kind: SubjectKind;
  readonly id: string;
}

export const orderStatuses = ['pending', 'paid', 'failed', 'cancelled', 'refunded', 'duplicate'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Vietnamese labels of the order statuses (the payer's and the cashier's words). */
export const orderStatusLabels = labels.orderStatus satisfies Record<OrderStatus, string>;

/** What a subject may still owe and what it has paid. */
export interface PaymentState {
  readonly paidVnd: number;
  readonly dueVnd: number;
  readonly paid: boolean;
  readonly receiptNumbers: readonly string[];
}

/**
 * Paid when what came in (net of refunds) covers what is due; nothing due is paid — but a subject
 * whose due amount nobody knows (no procedure, no order yet) is not paid. Pure.
 */
export function paymentState(dueVnd: number | null, paidVnd: number, receiptNumbers: readonly string[]): PaymentState {
  return { dueVnd: dueVnd ?? 0, paidVnd, paid: dueVnd !== null && paidVnd >= dueVnd, receiptNumbers };
}

/**
 * Where the payer's browser may be sent back after the gateway: a path of this site only (an
 * absolute URL elsewhere would make the return an open redirect). Pure.
 */
export function returnUrlProblem(url: string): string | null {
  if (!/^\/[A-Za-z0-9\-._~/?#=&%]*$/.test(url) || url.startsWith('//') || url.includes('\\')) return 'Địa chỉ quay lại phải là một đường dẫn của trang này (bắt đầu bằng "/").';
  return url.length > 500 ? 'Địa chỉ quay lại quá dài.' : null;
}

/** A subject's id as the kind expects it (a dossier code, a positive shipment id, a draft id). Pure. */
export function subjectProblems(s: Subject, path = 'subject'): ErrorDetail[] {
  if (!(subjectKinds as readonly string[]).includes(s.kind)) return [{ path: `${path}/kind`, message: 'Loại đối tượng thanh toán không hợp lệ.' }];
  if (s.kind === 'shipment' && !/^[1-9]\d{0,15}$/.test(s.id)) return [{ path: `${path}/id`, message: 'Mã bưu gửi không hợp lệ.' }];
  if (s.id.trim() === '' || s.id.length > 80) return [{ path: `${path}/id`, message: 'Mã đối tượng thanh toán không hợp lệ.' }];
  return [];
}

/** What an order carries about its payer and its dossier, as the subject's resolver found them. */
export interface SubjectInfo {
  readonly payer: Payer;
  readonly procedureCode: string | null;
  readonly caseKey: string | null;
  /** the unit path receipts and orders are searched under; null: the province's online desk */
  readonly unitPath: string | null;
  readonly dossierCode: string | null;
  readonly shipmentId: number | null;
  /** the province the order and its receipt belong to (their sharding key, docs/scale.md) */
  readonly provinceCode: string;
}

/** The description the gateway shows and keeps (vnp_OrderInfo): ASCII letters and digits only, as gateways require. Pure. */
export function orderInfoOf(txnRef: string, subject: Subject): string {
  const what = subject.kind === 'dossier' ? `ho so ${subject.id}` : subject.kind === 'shipment' ? `buu gui ${subject.id}` : `ho so truc tuyen ${subject.id}`;
  return `Thanh toan phi le phi ${what} ma GD ${txnRef}`.replace(/[^A-Za-z0-9 .\-]/g, ' ').slice(0, 255);
}

/** The fee lines as receipt items (kind fee). Pure. */
export const feeItems = (lines: readonly { label: string; amountVnd: number }[]): ReceiptItem[] =>
  lines.map((l) => ({ kind: 'fee', label: l.label, amountVnd: l.amountVnd }));
