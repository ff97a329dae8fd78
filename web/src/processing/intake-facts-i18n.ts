// Texts of the intake facts on the dossier page (IntakeFacts.tsx) and the counter's done view.
import { defineBundle } from '../i18n/bundle';

const vi = {
  ledger: 'Sổ theo dõi hồ sơ',
  ledgerEntry: 'Quyển số {{book}}, số thứ tự {{serial}}',
  delivery: 'Nhận kết quả',
  delivery_counter: 'Tại quầy tiếp nhận và trả kết quả',
  delivery_post: 'Qua dịch vụ bưu chính công ích',
  delivery_online: 'Trực tuyến',
};

const en: Record<keyof typeof vi, string> = {
  ledger: 'Dossier ledger',
  ledgerEntry: 'Book {{book}}, entry no. {{serial}}',
  delivery: 'Result delivery',
  delivery_counter: 'At the reception and return counter',
  delivery_post: 'By public postal service',
  delivery_online: 'Online',
};

export const useIntakeFactsT = defineBundle('intakeFacts', vi, en);
