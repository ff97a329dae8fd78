// Texts of the intake facts on the dossier page and public tracking (IntakeFacts.tsx) and the
// counter's done view. The kinds' words are the shared module's (src/shared/applicant-kinds.ts).
import { defineBundle } from '../i18n/bundle';
import { applicantKindLabels } from '../../../src/shared/applicant-kinds';

const vi = {
  kind: 'Tư cách người nộp',
  kind_person: applicantKindLabels.vi.person,
  kind_organisation: applicantKindLabels.vi.organisation,
  kind_proxy: applicantKindLabels.vi.proxy,
  organisation: 'Tổ chức',
  taxCode: 'MST',
  representative: 'Người đại diện theo pháp luật',
  principal: 'Người được nộp thay',
  personalId: 'số định danh',
  authorisation: 'Giấy ủy quyền',
  ledger: 'Sổ theo dõi hồ sơ',
  ledgerEntry: 'Quyển số {{book}}, số thứ tự {{serial}}',
  delivery: 'Nhận kết quả',
  delivery_counter: 'Tại quầy tiếp nhận và trả kết quả',
  delivery_post: 'Qua dịch vụ bưu chính công ích',
  delivery_online: 'Trực tuyến',
};

const en: Record<keyof typeof vi, string> = {
  kind: 'Filing capacity',
  kind_person: applicantKindLabels.en.person,
  kind_organisation: applicantKindLabels.en.organisation,
  kind_proxy: applicantKindLabels.en.proxy,
  organisation: 'Organisation',
  taxCode: 'tax code',
  representative: 'Legal representative',
  principal: 'Filed for',
  personalId: 'personal ID',
  authorisation: 'Authorisation',
  ledger: 'Dossier ledger',
  ledgerEntry: 'Book {{book}}, entry no. {{serial}}',
  delivery: 'Result delivery',
  delivery_counter: 'At the reception and return counter',
  delivery_post: 'By public postal service',
  delivery_online: 'Online',
};

export const useIntakeFactsT = defineBundle('intakeFacts', vi, en);
