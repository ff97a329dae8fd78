// Texts of the counter's bundle intake ("Tiếp nhận hồ sơ liên thông"); the applicant's fields and
// the e-form's problems are the counter's own texts (../i18n.ts).
import { defineBundle } from '../../i18n/bundle';
import vi from './bundle-i18n.vi.json';
import en from './bundle-i18n.en.json';

export const useCounterBundleT = defineBundle('counterBundle', vi, en);
export type CounterBundleT = ReturnType<typeof useCounterBundleT>;
