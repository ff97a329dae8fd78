// Texts of the supervision page.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

// English: exactly the same keys (checked by defineBundle)
export const useSupervisionT = defineBundle('supervision', vi, en);
