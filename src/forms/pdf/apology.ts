/**
 * Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả (TT 01/2018) / Văn bản xin lỗi và đề nghị gia
 * hạn thời gian giải quyết (TT 03/2025). ND 61/2018 art. 19.9: sent ≥ 1 day before the due date,
 * and the new date may be set once. Body wording [S/U].
 */
import { formatVnDateTime } from '../format';
import type { ApologySlipData, FormSet } from '../model';
import { drawNationalHeader, drawSignatures, drawTitle, drawWithQr, renderForm } from './blocks';
import { A5_PORTRAIT } from './layout';
import type { Run } from './wrap';
import labels from '../labels.vi.json';

export const APOLOGY_TITLES = labels.apologyTitle satisfies Record<FormSet, string>;

const r = (text: string): Run => ({ text, font: 'regular' });
const b = (text: string): Run => ({ text, font: 'bold' });

export function renderApologySlip(data: ApologySlipData): Promise<Uint8Array> {
  const title = APOLOGY_TITLES[data.header.formSet ?? '2025'];
  const meta = { title: `${title} – ${data.code}`, subject: data.procedure.name, issuedAt: data.header.issuedAt };
  return renderForm(A5_PORTRAIT, meta, async (w) => {
    drawNationalHeader(w, data.header, { kind: 'apology', number: `${data.number}/PXL` });
    drawTitle(w, title);
    await drawWithQr(w, data.trackingUrl, (width) => {
      w.paragraph([r('Kính gửi: '), b(data.applicant.name)], { width, size: w.spec.fontSize * 1.05 });
      w.field('Địa chỉ', data.applicant.address, { width });
      w.field('Mã hồ sơ', data.code, { width });
    });
    w.space(2);
    w.paragraph([
      r(`Ngày ${formatVnDateTime(data.receivedAt)}, `),
      r('Bộ phận tiếp nhận và trả kết quả đã tiếp nhận hồ sơ của ông/bà đề nghị giải quyết thủ tục '),
      b(data.procedure.name),
      r('. Thời gian hẹn trả kết quả: '),
      b(formatVnDateTime(data.originalDueAt)),
      r('.'),
    ], { spaceAfter: 3 });
    w.paragraph([
      r('Tuy nhiên, đến nay '),
      b(data.agencyName),
      r(' chưa trả kết quả giải quyết hồ sơ cho ông/bà đúng thời hạn như đã hẹn. Lý do: '),
      b(data.reason),
    ], { spaceAfter: 3 });
    w.paragraph([
      r('Sự chậm trễ này đã gây phiền hà cho ông/bà. '),
      r(`${data.agencyName} xin lỗi ông/bà và hẹn trả kết quả giải quyết hồ sơ vào `),
      b(formatVnDateTime(data.newDueAt)),
      r('.'),
    ], { spaceAfter: 3 });
    w.paragraph('Trân trọng cảm ơn sự hợp tác của ông/bà./.', { font: 'italic' });
    drawSignatures(w, [
      { title: data.signerTitle ?? 'Thủ trưởng cơ quan', hint: '(Ký, ghi rõ họ tên và đóng dấu)', name: data.signerName },
    ]);
  });
}
