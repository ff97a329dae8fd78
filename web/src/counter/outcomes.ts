// Paper outcomes at the counter (src/counter): the client calls and the texts of the section.
import { api } from '../api/client';
import { defineBundle } from '../i18n/bundle';
// the server's own shapes (type-only imports: nothing is bundled)
import type { OutcomeApplicant, OutcomeInput, OutcomeKind } from '../../../src/counter/model';
import type { CounterOutcome } from '../../../src/counter/service';

export type { OutcomeApplicant, OutcomeKind };
export type { CounterOutcome };

export const recordOutcome = (body: OutcomeInput) => api.post<CounterOutcome>('/api/v1/counter-outcomes', body);
export const outcomeSlipUrl = (id: number) => `/api/v1/counter-outcomes/${id}/slip.pdf`;

const vi = {
  title: 'Không tiếp nhận được hồ sơ?',
  intro: 'Khi hồ sơ giấy chưa được tiếp nhận: ghi kết quả tại quầy. Không tạo hồ sơ, không cấp mã hồ sơ; phiếu có số riêng của điểm tiếp nhận.',
  kind: 'Kết quả tại quầy',
  kind_guidance: 'Chỉ hướng dẫn',
  kind_incomplete: 'Hồ sơ chưa đầy đủ — Phiếu yêu cầu bổ sung, hoàn thiện (mẫu 02)',
  kind_refused: 'Không đủ điều kiện tiếp nhận — Phiếu từ chối tiếp nhận (mẫu 03)',
  applicantKind: 'Người nộp là',
  applicant_person: 'Cá nhân',
  applicant_organisation: 'Tổ chức',
  applicant_proxy: 'Người nộp thay (ủy quyền)',
  organisationName: 'Tên tổ chức',
  taxCode: 'Mã số thuế',
  representative: 'Người đại diện',
  principal: 'Người (tổ chức) ủy quyền',
  authorisation: 'Giấy ủy quyền (số, ngày)',
  items_guidance: 'Nội dung đã hướng dẫn (mỗi dòng một ý)',
  items_incomplete: 'Giấy tờ cần bổ sung, hoàn thiện (mỗi dòng một giấy tờ; yêu cầu một lần, đầy đủ)',
  items_refused: 'Lý do từ chối tiếp nhận (mỗi dòng một lý do)',
  fillMissing: 'Điền các giấy tờ bắt buộc chưa đánh dấu',
  note: 'Ghi chú',
  submit: 'Ghi kết quả tại quầy',
  submitting: 'Đang ghi…',
  needProcedure: 'Chọn thủ tục trước.',
  needName: 'Nhập tên người nộp hồ sơ.',
  needItems: 'Ghi ít nhất một nội dung.',
  done: 'Đã ghi {{kind}} số {{number}} ({{applicant}}). Không có mã hồ sơ.',
  print: 'In phiếu (PDF)',
  again: 'Ghi kết quả khác',
};

// English: exactly the same keys (checked by defineBundle)
const en = {
  title: 'Cannot receive the dossier?',
  intro: 'When a paper dossier is not received: record the outcome at the counter. No dossier and no code are made; the slip has the service point’s own number.',
  kind: 'Outcome at the counter',
  kind_guidance: 'Guidance only',
  kind_incomplete: 'Incomplete — request to complete (form 02)',
  kind_refused: 'Not acceptable — refusal to receive (form 03)',
  applicantKind: 'The applicant is',
  applicant_person: 'A person',
  applicant_organisation: 'An organisation',
  applicant_proxy: 'Someone filing for another (authorised)',
  organisationName: 'Organisation name',
  taxCode: 'Tax code',
  representative: 'Representative',
  principal: 'Filing for (person or organisation)',
  authorisation: 'Authorisation paper (number, date)',
  items_guidance: 'Guidance given (one point a line)',
  items_incomplete: 'Papers to add or fix (one a line; asked once, completely)',
  items_refused: 'Reasons for refusing (one a line)',
  fillMissing: 'Fill in the required papers not ticked',
  note: 'Note',
  submit: 'Record the outcome',
  submitting: 'Recording…',
  needProcedure: 'Choose the procedure first.',
  needName: 'Enter the applicant’s name.',
  needItems: 'Write at least one line.',
  done: 'Recorded {{kind}} number {{number}} ({{applicant}}). No dossier code.',
  print: 'Print the slip (PDF)',
  again: 'Record another outcome',
};

export const useOutcomeT = defineBundle('counterOutcome', vi, en);
