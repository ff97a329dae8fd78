// Texts of the scanned-text search page and its list of scans that could not be read.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useOcrT = defineBundle('ocr', vi, en);
