/**
 * Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ (intake), also used as "Phiếu từ chối giải
 * quyết hồ sơ" after appraisal (ND 61/2018 art. 19.8). Wording [U/S] per DOMAIN §3.2.
 */
import type { RefusalSlipData, RefusalStage } from '../model';
import { drawApplicant, drawNationalHeader, drawSignatures, drawTitle, renderForm } from './blocks';
import { A5_PORTRAIT } from './layout';
import labels from '../labels.vi.json';

export const REFUSAL_TITLES = labels.refusalTitle satisfies Record<RefusalStage, string>;

/** Default signer per stage; the appraisal signer's title is [U]. */
export const REFUSAL_SIGNERS = labels.refusalSigner satisfies Record<RefusalStage, string>;

export function renderRefusalSlip(data: RefusalSlipData): Promise<Uint8Array> {
  const title = REFUSAL_TITLES[data.stage];
  const meta = { title: `${title} – ${data.code ?? `Số ${data.number ?? ''}`}`, subject: data.procedure.name, issuedAt: data.header.issuedAt };
  return renderForm(A5_PORTRAIT, meta, (w) => {
    drawNationalHeader(w, data.header, { kind: 'refusal', ...(data.number !== undefined ? { number: data.number } : {}) });
    drawTitle(w, title);
    if (data.code !== undefined) w.field('Mã hồ sơ', data.code, { size: w.spec.fontSize * 1.1 });
    drawApplicant(w, data.applicant, data.stage === 'intake' ? 'Tiếp nhận hồ sơ của' : 'Hồ sơ của');
    w.field('Nội dung yêu cầu giải quyết', data.procedure.name, { spaceAfter: 4 });
    const lead =
      data.stage === 'intake'
        ? 'Sau khi xem xét, đối chiếu thành phần hồ sơ với quy định, Bộ phận tiếp nhận và trả kết quả không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:'
        : 'Sau khi thẩm định, cơ quan có thẩm quyền không giải quyết hồ sơ này với lý do cụ thể như sau:';
    w.paragraph(lead);
    w.paragraph(data.reason, { font: 'bold', x: w.left + 10, width: w.contentWidth - 10, spaceAfter: 4 });
    w.paragraph('Xin thông báo để ông/bà được biết và thực hiện./.');
    drawSignatures(w, [{ title: data.signerTitle ?? REFUSAL_SIGNERS[data.stage], name: data.signerName }]);
  });
}
