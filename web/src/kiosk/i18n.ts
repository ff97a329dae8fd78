// Texts of the kiosk where citizens take a queue ticket.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useKioskT = defineBundle('kiosk', vi, en);
