// Texts of the supervisor's dashboard (`dashboard` keys, see ../i18n/bundle.ts): the page, its
// filters and figures, the tables and the charts.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useDashboardT = defineBundle('dashboard', vi, en);

export type DashboardT = ReturnType<typeof useDashboardT>;
