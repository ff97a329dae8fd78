// Texts of the intake facts on the dossier page (IntakeFacts.tsx).
import { defineBundle } from '../i18n/bundle';

const vi = {
  ledger: 'Sổ theo dõi hồ sơ',
  ledgerEntry: 'Quyển số {{book}}, số thứ tự {{serial}}',
};

const en: Record<keyof typeof vi, string> = {
  ledger: 'Dossier ledger',
  ledgerEntry: 'Book {{book}}, entry no. {{serial}}',
};

export const useIntakeFactsT = defineBundle('intakeFacts', vi, en);
