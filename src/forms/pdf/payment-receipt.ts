/**
 * Biên lai thu phí, lệ phí (điện tử): the receipt of a payment (src/payments/receipts.ts) — its
 * series and number, the payer, each item, the total, how and where it was paid, who collected it,
 * and its refunds if any. A5 portrait, like the other slips handed to an applicant.
 */
import { drawSignatures, drawTitle, renderForm } from './blocks';
import { A5_PORTRAIT } from './layout';
import { drawTable } from './table';
import { formatVnd, formatVnDateTime } from './postal-format';

export const PAYMENT_RECEIPT_TITLE = 'Biên lai thu phí, lệ phí';

export interface PaymentReceiptData {
  readonly number: string;
  readonly series: string;
  readonly issuer: string;
  readonly issuedAt: Date;
  readonly payer: { readonly name: string; readonly personalId?: string; readonly address?: string };
  readonly dossierCode: string | null;
  readonly items: readonly { label: string; amountVnd: number }[];
  readonly amountVnd: number;
  readonly method: string;
  readonly place: string;
  readonly collectedByName: string;
  readonly refunds: readonly { amountVnd: number; reason: string; at: Date }[];
}

export function renderPaymentReceipt(data: PaymentReceiptData): Promise<Uint8Array> {
  const meta = { title: `${PAYMENT_RECEIPT_TITLE} – ${data.number}`, subject: data.issuer, issuedAt: data.issuedAt };
  return renderForm(A5_PORTRAIT, meta, (w) => {
    w.paragraph(data.issuer.toLocaleUpperCase('vi'), { font: 'bold' });
    w.paragraph(`Ký hiệu: ${data.series} — Số: ${data.number}`);
    w.space(4);
    drawTitle(w, PAYMENT_RECEIPT_TITLE, ['(Biên lai điện tử)']);
    w.field('Người nộp', data.payer.name);
    if (data.payer.personalId) w.field('Số định danh cá nhân', data.payer.personalId);
    if (data.payer.address) w.field('Địa chỉ', data.payer.address);
    if (data.dossierCode) w.field('Mã hồ sơ', data.dossierCode);
    w.space(3);
    drawTable(w, [
      { header: 'STT', width: 4, align: 'center' },
      { header: 'Nội dung thu', width: 26 },
      { header: 'Số tiền', width: 12, align: 'right' },
    ], data.items.map((i, n) => [String(n + 1), i.label, formatVnd(i.amountVnd)]));
    w.space(3);
    w.field('Tổng cộng', formatVnd(data.amountVnd));
    w.field('Hình thức thanh toán', `${data.method} — ${data.place}`);
    w.field('Thời điểm thu', formatVnDateTime(data.issuedAt));
    for (const r of data.refunds) w.field('Đã hoàn trả', `${formatVnd(r.amountVnd)} ngày ${formatVnDateTime(r.at)} — ${r.reason}`);
    drawSignatures(w, [{ title: 'Người nộp tiền', name: data.payer.name }, { title: 'Người thu tiền', name: data.collectedByName }]);
  });
}
