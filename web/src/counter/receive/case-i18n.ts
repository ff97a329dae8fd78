// Texts of the case, place and terms block of "Tiếp nhận hồ sơ" (catalogue depth, issue 9).
import { defineBundle } from '../../i18n/bundle';
import vi from './case-i18n.vi.json';
import en from './case-i18n.en.json';

export const useCaseT = defineBundle('counterCase', vi, en);
export type CaseT = ReturnType<typeof useCaseT>;
