// Texts of the dispatcher's incidents screen.
import { defineBundle } from '../../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useIncidentsT = defineBundle('postalIncidents', vi, en);
export type IncidentsT = ReturnType<typeof useIncidentsT>;
