// Texts of the courier's screens (my day, pickup, hand-over, result delivery).
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const usePostalT = defineBundle('postal', vi, en);
export type PostalT = ReturnType<typeof usePostalT>;
