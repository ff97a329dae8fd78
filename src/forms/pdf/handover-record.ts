/**
 * Biên bản giao nhận hồ sơ (QĐ 45/2016/QĐ-TTg art. 7; TT 17/2017/TT-BTTTT art. 5.1; DOMAIN §5.2
 * step 6): the parcels the postal worker hands to the agency's receiver, each with its consignment
 * note's number (tracking number) and the dossier code it became, a statement of completeness, the
 * fees remitted, and both signatures. Its time is the dossiers' legal filing time (art. 7.2). A4
 * landscape for the table.
 */
import { drawSignatures, drawTitle, embedSignature, renderForm } from './blocks';
import { A4_LANDSCAPE } from './layout';
import { drawTable } from './table';
import { formatVnd, formatVnDateTime } from './postal-format';

export const HANDOVER_RECORD_TITLE = 'Biên bản giao nhận hồ sơ';

export interface HandoverRecordData {
  readonly number: string;
  readonly providerName: string;
  readonly servicePointName: string;
  readonly agencyName: string;
  readonly courierName: string;
  readonly receiverName: string;
  readonly signedAt: Date;
  readonly statement: string;
  readonly items: readonly { trackingNumber: string; dossierCode: string; procedureName: string; applicantName: string; dueAt: Date | null; feeVnd: number }[];
  readonly collectedVnd: number;
  readonly remittedVnd: number;
  /** the PNGs both parties drew (postal signatures from the file store); absent: blank space to sign on paper */
  readonly signatureImages?: { readonly courier: Uint8Array | null; readonly receiver: Uint8Array | null };
}

const vnDate = (d: Date | null): string => (d ? formatVnDateTime(d).replace(/^.* ngày /, '') : '—');

export function renderHandoverRecord(data: HandoverRecordData): Promise<Uint8Array> {
  const meta = { title: `${HANDOVER_RECORD_TITLE} – ${data.number}`, subject: data.agencyName, issuedAt: data.signedAt };
  return renderForm(A4_LANDSCAPE, meta, async (w) => {
    const courierImage = await embedSignature(w, data.signatureImages?.courier);
    const receiverImage = await embedSignature(w, data.signatureImages?.receiver);
    w.paragraph(data.providerName.toLocaleUpperCase('vi'), { font: 'bold' });
    w.paragraph(`${data.servicePointName} — Số: ${data.number}`);
    w.space(4);
    drawTitle(w, HANDOVER_RECORD_TITLE, ['Dịch vụ bưu chính công ích tiếp nhận hồ sơ thủ tục hành chính']);
    w.paragraph(`Hồi ${formatVnDateTime(data.signedAt)}, tại ${data.agencyName}, chúng tôi gồm:`);
    w.field('Bên giao (nhân viên bưu chính)', `${data.courierName}, ${data.servicePointName}`);
    w.field('Bên nhận (cán bộ tiếp nhận)', `${data.receiverName}, ${data.agencyName}`, { spaceAfter: 4 });
    w.paragraph(`Đã giao nhận ${data.items.length} hồ sơ, kiểm đếm theo từng phiếu gửi như sau:`);
    w.space(3);
    drawTable(w, [
      { header: 'STT', width: 4, align: 'center' },
      { header: 'Số hiệu phiếu gửi', width: 13 },
      { header: 'Mã hồ sơ', width: 20 },
      { header: 'Thủ tục hành chính', width: 30 },
      { header: 'Người nộp', width: 15 },
      { header: 'Ngày hẹn trả', width: 9, align: 'center' },
      { header: 'Phí, lệ phí thu hộ', width: 10, align: 'right' },
    ], data.items.map((i, n) => [String(n + 1), i.trackingNumber, i.dossierCode, i.procedureName, i.applicantName, vnDate(i.dueAt), formatVnd(i.feeVnd)]));
    w.space(4);
    w.paragraph(data.statement);
    w.paragraph(`Thời điểm ký biên bản này là thời điểm tiếp nhận hồ sơ (QĐ 45/2016/QĐ-TTg Điều 7 khoản 2).`, { font: 'italic' });
    w.field('Phí, lệ phí đã thu hộ', formatVnd(data.collectedVnd));
    w.field('Phí, lệ phí bên nhận đã nhận đủ', `${formatVnd(data.remittedVnd)}${data.remittedVnd === data.collectedVnd ? ' (khớp)' : ` (chênh lệch ${formatVnd(Math.abs(data.collectedVnd - data.remittedVnd))})`}`);
    drawSignatures(w, [{ title: 'Bên giao', name: data.courierName, ...courierImage }, { title: 'Bên nhận', name: data.receiverName, ...receiverImage }]);
  });
}
