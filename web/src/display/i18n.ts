// Texts of the waiting room's display.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useDisplayT = defineBundle('display', vi, en);
