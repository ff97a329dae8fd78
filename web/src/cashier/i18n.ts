// Texts of the cashier's screens: the shift and counter payments, receipts and refunds, reconciliation.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useCashierT = defineBundle('cashier', vi, en);
export type CashierT = ReturnType<typeof useCashierT>;
