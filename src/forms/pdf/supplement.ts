/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5). Wording [U/S] per DOMAIN §3.2. */
import type { SupplementSlipData } from '../model';
import {
  drawApplicant, drawNationalHeader, drawNumberedList, drawSignatures, drawTitle, drawWithQr, renderForm,
} from './blocks';
import { A5_PORTRAIT } from './layout';

export const SUPPLEMENT_TITLE = 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ';

export function renderSupplementSlip(data: SupplementSlipData): Promise<Uint8Array> {
  const meta = { title: `${SUPPLEMENT_TITLE} – ${data.code ?? `Số ${data.number ?? ''}`}`, subject: data.procedure.name, issuedAt: data.header.issuedAt };
  return renderForm(A5_PORTRAIT, meta, async (w) => {
    drawNationalHeader(w, data.header, { kind: 'supplement', ...(data.number !== undefined ? { number: data.number } : {}) });
    drawTitle(w, SUPPLEMENT_TITLE);
    await drawWithQr(w, data.trackingUrl, (width) => {
      if (data.code !== undefined) w.field('Mã hồ sơ', data.code, { width, size: w.spec.fontSize * 1.1 });
      drawApplicant(w, data.applicant, 'Hồ sơ của', width);
    });
    w.field('Nội dung yêu cầu giải quyết', data.procedure.name, { spaceAfter: 3 });
    // ND 61/2018 art. 15.3: everything missing is asked for once, completely.
    w.paragraph('Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:', { font: 'bold' });
    drawNumberedList(w, data.items.length > 0 ? data.items : ['…']);
    w.space(3);
    w.field('Lý do', data.reason, { spaceAfter: 3 });
    w.paragraph([
      { text: 'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với ', font: 'regular' },
      { text: data.contact.name, font: 'bold' },
      { text: ', số điện thoại ', font: 'regular' },
      { text: data.contact.phone, font: 'bold' },
      { text: ' để được hướng dẫn.', font: 'regular' },
    ]);
    drawSignatures(w, [{ title: 'Người hướng dẫn', name: data.guideName }]);
  });
}
