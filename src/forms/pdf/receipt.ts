/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (TT 01/2018, TT 03/2025; A5). */
import { formatDuration, formatVnd, formatVnDateTime, groupThousands, RESULT_DELIVERY_TEXT } from '../format';
import type { PaperLine, ReceiptSlipData } from '../model';
import { drawApplicant, drawNationalHeader, drawSignatures, drawTitle, drawWithQr, renderForm } from './blocks';
import { A5_PORTRAIT } from './layout';
import { drawTable } from './table';

export const RECEIPT_TITLE = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả';

const count = (n: number): string => (Number.isFinite(n) ? String(n).padStart(2, '0') : '…');

/** The amount, or how it is computed when it is not a fixed figure ("2.000 đồng/trang; …"). */
const feeAmountText = (f: ReceiptSlipData['fees'][number]): string => (!Number.isFinite(f.amountVnd) && f.formula ? f.formula : formatVnd(f.amountVnd));

/** "Trong ngày" for a same-day (0) time, then the chosen case: "2 ngày làm việc (trường hợp: …)". */
export function receiptDurationText(data: { duration: ReceiptSlipData['duration']; caseName?: string | null }): string {
  const time = data.duration.value === 0 ? 'Trong ngày' : formatDuration(data.duration);
  return data.caseName ? `${time} (trường hợp: ${data.caseName})` : time;
}

/** Fee lines as printed; "Không" when the procedure has none, a total when several are due. */
export function feeLines(fees: ReceiptSlipData['fees']): string[] {
  if (fees.length === 0) return ['Không'];
  const lines = fees.map((f) => `- ${f.name}: ${feeAmountText(f)}`);
  const total = fees.reduce((s, f) => s + (Number.isFinite(f.amountVnd) ? f.amountVnd : 0), 0);
  if (fees.filter((f) => f.amountVnd !== 0).length > 1) lines.push(`Tổng cộng: ${groupThousands(total)} đồng`);
  return lines;
}

const DIGITAL_TEXT = { scanned: 'có bản scan', reused: 'dùng lại từ kho dữ liệu' } as const satisfies Record<NonNullable<PaperLine['digital']>, string>;

/** The paper's name as printed, with its electronic copy when it has one ("…(có bản scan)"). */
export const paperCellText = (p: PaperLine): string => (p.digital ? `${p.name} (${DIGITAL_TEXT[p.digital]})` : p.name);

export function renderReceiptSlip(data: ReceiptSlipData): Promise<Uint8Array> {
  const meta = { title: `${RECEIPT_TITLE} – ${data.code}`, subject: data.procedure.name, issuedAt: data.header.issuedAt };
  return renderForm(A5_PORTRAIT, meta, async (w) => {
    drawNationalHeader(w, data.header, { kind: 'receipt', ...(data.number ? { number: data.number } : {}) });
    drawTitle(w, RECEIPT_TITLE);
    await drawWithQr(w, data.trackingUrl, (width) => {
      w.field('Mã hồ sơ', data.code, { width, size: w.spec.fontSize * 1.1 });
      w.field('Mã tra cứu', data.trackingPin, { width, size: w.spec.fontSize * 1.1 });
      if (data.copyLabel) w.paragraph(`(Liên: ${data.copyLabel})`, { width, font: 'italic' });
      drawApplicant(w, data.applicant, 'Tiếp nhận hồ sơ của', width);
    });
    w.field('Nội dung yêu cầu giải quyết', data.procedure.name);
    w.paragraph('1. Thành phần hồ sơ nộp gồm:');
    drawTable(
      w,
      [
        { header: 'STT', width: 1.1, align: 'center' },
        { header: 'Tên giấy tờ', width: 7 },
        { header: 'Bản chính', width: 1.9, align: 'center' },
        { header: 'Bản sao', width: 1.9, align: 'center' },
      ],
      data.papers.map((p, i) => [String(i + 1), paperCellText(p), count(p.originals), count(p.copies)]),
    );
    w.field('2. Số lượng hồ sơ', `${count(data.setCount)} (bộ)`);
    w.field('3. Thời gian giải quyết hồ sơ theo quy định là', receiptDurationText(data));
    w.field('4. Thời gian nhận hồ sơ', formatVnDateTime(data.receivedAt));
    w.field('5. Thời gian trả kết quả giải quyết hồ sơ', formatVnDateTime(data.dueAt));
    const delivery = RESULT_DELIVERY_TEXT[data.resultDelivery.method];
    w.field('6. Đăng ký nhận kết quả tại', data.resultDelivery.text ? `${delivery}: ${data.resultDelivery.text}` : delivery);
    const fees = feeLines(data.fees);
    if (fees.length === 1 && data.fees.length <= 1) {
      w.field('7. Phí, lệ phí', data.fees[0] ? `${data.fees[0].name}: ${feeAmountText(data.fees[0])}` : 'Không');
    } else {
      w.paragraph('7. Phí, lệ phí:');
      for (const line of fees) w.paragraph(line, { x: w.left + 10, width: w.contentWidth - 10, hangingIndent: 8 });
    }
    if (data.ledger) {
      w.paragraph(`Vào Sổ theo dõi hồ sơ, Quyển số: ${data.ledger.book}    Số thứ tự: ${data.ledger.serial}`, {
        font: 'italic',
      });
    }
    drawSignatures(w, [
      { title: 'Người nộp hồ sơ', name: data.applicant.filer ?? data.applicant.name },
      { title: 'Người tiếp nhận hồ sơ', name: data.receiverName },
    ]);
  });
}
