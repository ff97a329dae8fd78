// Texts of the online submission screens: the clerk's online inbox, assisted filing, and the draft
// editor the citizen's portal pages share.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useOnlineT = defineBundle('online', vi, en);

export type OnlineT = ReturnType<typeof useOnlineT>;
