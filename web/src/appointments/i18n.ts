// Texts of the counter's calling panel.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useQueueT = defineBundle('queuePanel', vi, en);
