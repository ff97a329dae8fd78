// Texts of the citizens' portal: booking a time at a counter, and managing a booking by its link.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const usePortalT = defineBundle('portal', vi, en);
