/** TT 03/2025 Mẫu 05: Thông báo dừng giải quyết hồ sơ (TT 03/2025 art. 7; A5). Wording [S/U]. */
import { formatVnDateTime } from '../format';
import type { StopNoticeData } from '../model';
import { drawApplicant, drawNationalHeader, drawSignatures, renderForm } from './blocks';
import { A5_PORTRAIT } from './layout';

export const STOP_NOTICE_TITLE = 'Thông báo';
export const STOP_NOTICE_SUBJECT = 'Về việc dừng giải quyết hồ sơ';

export function renderStopNotice(data: StopNoticeData): Promise<Uint8Array> {
  const meta = {
    title: `Thông báo dừng giải quyết hồ sơ – ${data.code}`,
    subject: data.procedure.name,
    issuedAt: data.header.issuedAt,
  };
  return renderForm(A5_PORTRAIT, meta, (w) => {
    drawNationalHeader(w, data.header, { kind: 'stop' });
    w.paragraph(STOP_NOTICE_TITLE.toLocaleUpperCase('vi'), { size: w.spec.fontSize * 1.2, font: 'bold', align: 'center' });
    w.paragraph(STOP_NOTICE_SUBJECT, { font: 'bold', align: 'center', spaceAfter: 6 });
    w.field('Mã hồ sơ', data.code, { size: w.spec.fontSize * 1.1 });
    drawApplicant(w, data.applicant, 'Hồ sơ của');
    w.field('Nội dung yêu cầu giải quyết', data.procedure.name, { spaceAfter: 4 });
    w.paragraph([
      { text: `Ngày ${formatVnDateTime(data.requestedAt)}, `, font: 'regular' },
      { text: 'Bộ phận tiếp nhận và trả kết quả nhận được đề nghị dừng giải quyết hồ sơ nêu trên của ông/bà. Lý do: ', font: 'regular' },
      { text: data.reason, font: 'bold' },
    ], { spaceAfter: 3 });
    w.paragraph(
      'Hồ sơ chưa có quyết định hoặc thông báo kết quả giải quyết, Bộ phận tiếp nhận và trả kết quả thông báo dừng giải quyết hồ sơ và trả lại hồ sơ cho ông/bà./.',
    );
    drawSignatures(w, [{ title: 'Người tiếp nhận hồ sơ', name: data.signerName ?? '' }]);
  });
}
