// Texts of the counter screens (receive a dossier, return a result).
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useCounterT = defineBundle('counter', vi, en);
export type CounterT = ReturnType<typeof useCounterT>;
