// Texts of the citizen's online supplement page (Vietnamese first).
import { defineBundle } from '../../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useSupplementT = defineBundle('portalSupplement', vi, en);
