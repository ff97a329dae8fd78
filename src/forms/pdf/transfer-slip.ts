/**
 * Phiếu chuyển xử lý (ND 61/2018 art. 19.6): the one-stop or an agency passes a bundle's dossier to
 * the next agency with the task and its deadline (A5). No numbered form in TT 01/2018 or TT 03/2025;
 * wording [U].
 */
import { formatDuration, formatVnDateTime } from '../format';
import type { TransferSlipData } from '../model';
import { drawApplicant, drawNationalHeader, drawSignatures, drawTitle, renderForm } from './blocks';
import { A5_PORTRAIT } from './layout';

export const TRANSFER_SLIP_TITLE = 'Phiếu chuyển xử lý';

const MODE_TEXT = {
  electronic: 'Chuyển điện tử qua hệ thống thông tin một cửa, ngay khi có kết quả của bước trước',
  paper: 'Chuyển hồ sơ giấy kèm phiếu này (qua dịch vụ bưu chính công ích hoặc trực tiếp)',
} as const satisfies Record<TransferSlipData['mode'], string>;

export function renderTransferSlip(data: TransferSlipData): Promise<Uint8Array> {
  const meta = { title: `${TRANSFER_SLIP_TITLE} – ${data.code}`, subject: data.task, issuedAt: data.header.issuedAt };
  return renderForm(A5_PORTRAIT, meta, (w) => {
    drawNationalHeader(w, data.header, { kind: 'transfer' });
    drawTitle(w, TRANSFER_SLIP_TITLE, [`Hồ sơ liên thông ${data.bundleCode}`]);
    w.field('Nhóm thủ tục liên thông', data.bundleName);
    w.field('Cơ quan chủ trì', data.lead);
    w.field('Nơi chuyển', data.from);
    w.field('Nơi nhận', data.to);
    w.field('Mã hồ sơ', data.code, { size: w.spec.fontSize * 1.1 });
    drawApplicant(w, data.applicant, 'Hồ sơ của');
    w.field('Nhiệm vụ', data.task);
    for (const fact of data.facts) w.field('Kết quả bước trước', fact);
    w.field('Thời gian giải quyết của bước', data.allotted ? formatDuration(data.allotted) : '…');
    w.field('Thời hạn hoàn thành', data.dueAt ? formatVnDateTime(data.dueAt) : 'tính từ khi nhận kết quả của bước trước');
    w.field('Hình thức chuyển', MODE_TEXT[data.mode]);
    w.field('Thời điểm chuyển', data.handedAt ? formatVnDateTime(data.handedAt) : 'chưa chuyển', { spaceAfter: 4 });
    w.paragraph('Đề nghị cơ quan nhận giải quyết trong thời hạn trên và chuyển kết quả về Bộ phận tiếp nhận và trả kết quả đã tiếp nhận hồ sơ./.', { font: 'italic' });
    drawSignatures(w, [{ title: 'Nơi nhận hồ sơ', name: '' }, { title: 'Nơi chuyển hồ sơ', name: '' }]);
  });
}
