// Texts of the citizen's payment pages: a dossier's fees and the pay button, the gateway's return.
import { defineBundle } from '../../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const usePaymentT = defineBundle('portalPayment', vi, en);
export type PaymentT = ReturnType<typeof usePaymentT>;
