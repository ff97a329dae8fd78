/**
 * Phiếu gửi hồ sơ (TT 17/2017/TT-BTTTT art. 9; DOMAIN §5.3): the postal parcel's note, a written
 * contract in Vietnamese, A5. It carries everything art. 9 asks for: sender and recipient (name,
 * address, phone, e-mail); time, place and method of service; postage and payment method; service
 * quality; rights and obligations; liability and compensation; the procedure and its documents (a
 * pickup) or the result and its documents (a return). Signed by the sender and the postal worker.
 * A paper dossier carried by the post between a counter and the competent agency (toAgency) or
 * between agencies (transfer, QĐ 45 art. 16.2) lists the dossiers it carries — one, or a bundle's.
 */
import { drawNumberedList, drawSignatures, drawTitle, drawWithQr, embedSignature, renderForm } from './blocks';
import { A5_PORTRAIT } from './layout';
import { formatVnd, formatVnDateTime } from './postal-format';

export const CONSIGNMENT_NOTE_TITLE = 'Phiếu gửi hồ sơ';

export type NoteKind = 'pickup' | 'result' | 'toAgency' | 'transfer';

/** The service the note is for, after "Dịch vụ bưu chính công ích: " */
const SERVICE_LINES: Record<NoteKind, string> = {
  pickup: 'gửi hồ sơ thủ tục hành chính', result: 'chuyển trả kết quả giải quyết thủ tục hành chính',
  toAgency: 'chuyển hồ sơ đến cơ quan có thẩm quyền giải quyết', transfer: 'chuyển hồ sơ giữa các cơ quan (liên thông)',
};

export interface NoteParty {
  readonly name: string;
  readonly address: string;
  readonly phone: string;
  readonly email?: string | null;
}

export interface ConsignmentNoteData {
  readonly trackingNumber: string;
  /** pickup: the applicant sends the dossier; result: the agency sends the result; toAgency: a counter sends a received dossier to the competent agency; transfer: an agency sends papers to another */
  readonly kind: NoteKind;
  readonly providerName: string;
  readonly servicePointName: string;
  readonly sender: NoteParty;
  readonly recipient: NoteParty;
  /** when and where the parcel was taken, and how (at home, at the post office) */
  readonly acceptedAt: Date;
  readonly place: string;
  readonly method: string;
  readonly procedureName: string;
  /** the documents (pickup) or the result's documents (return), "name — n bản chính, m bản sao" */
  readonly documents: readonly string[];
  /** the dossiers the parcel carries (toAgency, transfer): "code — procedure" */
  readonly dossiers?: readonly string[];
  readonly postageVnd: number;
  readonly feeVnd: number;
  readonly paymentMethod: string;
  readonly receiptNumber: string | null;
  /** the end-to-end time target, e.g. "J+2 (trong tỉnh, khác xã)" */
  readonly serviceQuality: string;
  readonly courierName: string;
  readonly trackingUrl: string;
  /** the PNGs drawn at collection (sender: applicant or agency; courier), from the file store; absent: blank space */
  readonly signatureImages?: { readonly sender: Uint8Array | null; readonly courier: Uint8Array | null };
}

const RIGHTS = [
  'Người gửi có quyền được hướng dẫn đầy đủ thành phần hồ sơ, được tra cứu hành trình bưu gửi miễn phí và được thông báo khi hồ sơ đã chuyển đến cơ quan giải quyết (TT 17/2017/TT-BTTTT Điều 12).',
  'Người gửi có nghĩa vụ kê khai trung thực nội dung hồ sơ, trả cước theo bảng cước được niêm yết (QĐ 45/2016/QĐ-TTg Điều 12).',
  'Doanh nghiệp bưu chính có nghĩa vụ bảo đảm an toàn, bí mật thông tin hồ sơ; không được yêu cầu thêm giấy tờ ngoài quy định (QĐ 45/2016/QĐ-TTg Điều 16).',
];

const LIABILITY = 'Trường hợp hồ sơ bị mất, hư hỏng do lỗi của doanh nghiệp bưu chính, doanh nghiệp bồi thường theo QĐ 45/2016/QĐ-TTg Điều 14 và Nghị định 47/2011/NĐ-CP Điều 24–27, và chịu toàn bộ chi phí cấp lại giấy tờ bản chính bị mất. Thời hạn khiếu nại: 6 tháng kể từ ngày kết thúc thời gian toàn trình (TT 17/2017/TT-BTTTT Điều 8).';

function drawParty(w: Parameters<Parameters<typeof renderForm>[2]>[0], label: string, p: NoteParty, width?: number): void {
  w.paragraph(label, { font: 'bold', ...(width ? { width } : {}) });
  w.field('Họ tên', p.name, width ? { width } : {});
  w.field('Địa chỉ', p.address, width ? { width } : {});
  w.field('Điện thoại', p.phone || '—', width ? { width } : {});
  w.field('Thư điện tử', p.email || '—', { spaceAfter: 3, ...(width ? { width } : {}) });
}

export function renderConsignmentNote(data: ConsignmentNoteData): Promise<Uint8Array> {
  const meta = { title: `${CONSIGNMENT_NOTE_TITLE} – ${data.trackingNumber}`, subject: data.procedureName, issuedAt: data.acceptedAt };
  return renderForm(A5_PORTRAIT, meta, async (w) => {
    const senderImage = await embedSignature(w, data.signatureImages?.sender);
    const courierImage = await embedSignature(w, data.signatureImages?.courier);
    w.paragraph(data.providerName.toLocaleUpperCase('vi'), { font: 'bold', size: w.spec.fontSize * 0.9 });
    w.paragraph(data.servicePointName, { size: w.spec.fontSize * 0.9 });
    w.space(4);
    drawTitle(w, CONSIGNMENT_NOTE_TITLE, [`Dịch vụ bưu chính công ích: ${SERVICE_LINES[data.kind]}`]);
    await drawWithQr(w, data.trackingUrl, (width) => {
      w.field('Số hiệu bưu gửi', data.trackingNumber, { width, size: w.spec.fontSize * 1.1 });
      drawParty(w, 'Người gửi', data.sender, width);
    });
    drawParty(w, 'Người nhận', data.recipient);
    w.field('Thời gian, địa điểm chấp nhận', `${formatVnDateTime(data.acceptedAt)}, ${data.place}`);
    w.field('Phương thức', data.method, { spaceAfter: 3 });
    w.field(data.kind === 'result' ? 'Kết quả giải quyết thủ tục' : 'Thủ tục hành chính', data.procedureName);
    if (data.dossiers && data.dossiers.length > 0) {
      w.paragraph(`Hồ sơ được chuyển (${data.dossiers.length}):`, { font: 'bold' });
      drawNumberedList(w, [...data.dossiers]);
    }
    w.paragraph(data.kind === 'result' ? 'Danh mục giấy tờ trả kèm kết quả:' : 'Danh mục hồ sơ:', { font: 'bold' });
    drawNumberedList(w, data.documents.length > 0 ? [...data.documents] : ['…']);
    w.space(3);
    w.field('Cước dịch vụ', formatVnd(data.postageVnd));
    w.field('Phí, lệ phí thu hộ', formatVnd(data.feeVnd));
    w.field('Hình thức thanh toán', `${data.paymentMethod}${data.receiptNumber ? ` — biên lai số ${data.receiptNumber}` : ''}`);
    w.field('Chất lượng dịch vụ', `An toàn 100% (trừ bất khả kháng); thời gian toàn trình ${data.serviceQuality} (TT 17/2017/TT-BTTTT Điều 6–7)`, { spaceAfter: 3 });
    w.paragraph('Quyền và nghĩa vụ của các bên:', { font: 'bold' });
    drawNumberedList(w, RIGHTS);
    w.paragraph('Trách nhiệm bồi thường:', { font: 'bold' });
    w.paragraph(LIABILITY);
    drawSignatures(w, [{ title: 'Người gửi', name: data.sender.name, ...senderImage }, { title: 'Nhân viên bưu chính', name: data.courierName, ...courierImage }]);
  });
}
