// Texts of the citizen's own pages (Hồ sơ của tôi).
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useCitizenT = defineBundle('citizen', vi, en);

export type CitizenT = ReturnType<typeof useCitizenT>;
