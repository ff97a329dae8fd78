// Electronic receipts found in the actor's scope — by number, payer (name or personal ID), dossier
// code and period — their PDF, and the cash shifts a supervisor looks over. Clerks see their
// service point's; supervisors their unit's (online receipts under the dossier's province);
// a citizen their own (the payer's personal ID).
import { sql } from 'kysely';
import { can } from '../accounts/policy';
import { renderPaymentReceipt } from '../forms';
import type { ServiceContext } from '../platform/context';
import { forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors';
import { parsePeriod } from '../platform/period';
import { shiftView, type Shift } from './cashier';
import { receiptScope, likePrefix } from './receipt-scope';
import { formatReceiptNumber, type Payer, type PaymentMethod, type ReceiptPlace } from './receipts';

export interface ReceiptView {
  readonly id: number;
  readonly number: string;
  readonly amountVnd: number;
  readonly refundedVnd: number;
  readonly payer: Payer;
  readonly items: { kind: string; label: string; amountVnd: number }[];
  readonly paymentMethod: PaymentMethod;
  readonly place: ReceiptPlace;
  readonly collectedByName: string;
  readonly dossierCode: string | null;
  readonly issuedAt: string;
}

export interface ReceiptQuery {
  readonly number?: string;
  readonly payer?: string;
  readonly dossierCode?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

const NUMBER = /^([A-Z]{1,6})-(\d{4})-(\d{1,6})$/;

/** Receipts in scope matching every given criterion, newest first (at most 200). */
export async function searchReceipts(ctx: ServiceContext, q: ReceiptQuery): Promise<{ items: ReceiptView[] }> {
  const where = receiptScope(ctx.actor);
  let query = ctx.db.selectFrom('receipts as r').selectAll('r')
    .select(sql<number>`coalesce((select sum(f.amount_vnd) from receipt_refunds f where f.receipt_id = r.id), 0)`.as('refunded')).where(where);
  if (q.number) {
    const m = NUMBER.exec(q.number.trim().toUpperCase());
    if (!m) throw validationFailed('RECEIPT_NUMBER_INVALID', 'Số biên lai có dạng BL-2026-000125.', [{ path: 'number', message: 'không hợp lệ' }]);
    query = query.where('r.series', '=', m[1] ?? '').where('r.year', '=', Number(m[2])).where('r.number', '=', Number(m[3]));
  }
  if (q.payer?.trim()) {
    const text = q.payer.trim();
    query = /^\d{9,12}$/.test(text)
      ? query.where(sql<string>`r.payer->>'personalId'`, '=', text)
      : query.where(sql<string>`unaccent(lower(r.payer->>'name'))`, 'like', sql<string>`'%' || unaccent(lower(${text})) || '%'`);
  }
  if (q.dossierCode?.trim()) query = query.where('r.dossier_code', '=', q.dossierCode.trim());
  if (q.from || q.to) {
    const period = parsePeriod(q.from ?? q.to ?? '', q.to ?? q.from ?? '', 366);
    query = query.where('r.issued_at', '>=', new Date(period.start)).where('r.issued_at', '<', new Date(period.end));
  }
  const rows = await query.orderBy('r.issued_at', 'desc').orderBy('r.id', 'desc').limit(Math.min(Math.max(q.limit ?? 50, 1), 200)).execute();
  return {
    items: rows.map((r) => ({
      id: r.id, number: formatReceiptNumber(r.series, r.year, r.number), amountVnd: r.amount_vnd, refundedVnd: Number(r.refunded), payer: r.payer as unknown as Payer,
      items: r.items, paymentMethod: r.payment_method, place: r.place, collectedByName: r.collected_by_name, dossierCode: r.dossier_code, issuedAt: r.issued_at.toISOString(),
    })),
  };
}

const METHOD_TEXT = { cash: 'Tiền mặt', card: 'Thẻ', transfer: 'Chuyển khoản', qr: 'Mã QR' } as const satisfies Record<PaymentMethod, string>;
const PLACE_TEXT = { counter: 'tại quầy', courier: 'tại nhà (bưu tá thu)', online: 'trực tuyến qua cổng thanh toán' } as const satisfies Record<ReceiptPlace, string>;

/** The receipt's PDF (biên lai điện tử), in scope. */
export async function receiptPdf(ctx: ServiceContext, id: number): Promise<{ pdf: Uint8Array; fileName: string }> {
  const where = receiptScope(ctx.actor);
  const r = await ctx.db.selectFrom('receipts as r').selectAll('r').where('r.id', '=', id).where(where).executeTakeFirst();
  if (!r) throw notFound('RECEIPT_NOT_FOUND', `Không tìm thấy biên lai ${id}.`);
  const refunds = await ctx.db.selectFrom('receipt_refunds').select(['amount_vnd', 'reason', 'at']).where('receipt_id', '=', r.id).orderBy('id').execute();
  const number = formatReceiptNumber(r.series, r.year, r.number);
  const payer = r.payer as unknown as Payer;
  const pdf = await renderPaymentReceipt({
    number, series: r.series, issuer: 'Hệ thống một cửa điện tử', issuedAt: r.issued_at,
    payer: { name: payer.name, ...(payer.personalId ? { personalId: payer.personalId } : {}), ...(payer.address ? { address: payer.address } : {}) },
    dossierCode: r.dossier_code, items: r.items, amountVnd: r.amount_vnd, method: METHOD_TEXT[r.payment_method], place: PLACE_TEXT[r.place],
    collectedByName: r.collected_by_name, refunds: refunds.map((f) => ({ amountVnd: f.amount_vnd, reason: f.reason, at: f.at })),
  });
  return { pdf, fileName: `bien-lai-${number}.pdf` };
}

/** Cash shifts of a period in scope: a clerk their point's, a supervisor their unit's; newest first. */
export async function listShifts(ctx: ServiceContext, q: { from: string; to: string }): Promise<{ items: (Shift & { servicePointId: number })[] }> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'payments.read')) throw forbidden('FORBIDDEN', 'Bạn không có quyền xem ca thu tiền.');
  const period = parsePeriod(q.from, q.to, 93);
  const s = actor.scope;
  let query = ctx.db.selectFrom('cash_shifts').selectAll().where('opened_at', '>=', new Date(period.start)).where('opened_at', '<', new Date(period.end));
  if (s.kind === 'servicePoint') query = query.where('service_point_id', '=', s.servicePointId);
  else if (s.kind === 'unit') query = query.where('unit_path', 'like', likePrefix(s.unitPath));
  else throw forbidden('FORBIDDEN', 'Bạn không có quyền xem ca thu tiền.');
  const rows = await query.orderBy('opened_at', 'desc').limit(500).execute();
  return { items: await Promise.all(rows.map(async (r) => ({ ...(await shiftView(ctx.db, r)), servicePointId: r.service_point_id }))) };
}
