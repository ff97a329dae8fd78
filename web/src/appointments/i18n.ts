// Texts of the counter's calling panel.
import { defineBundle } from '../i18n/bundle';
import vi from './i18n.vi.json';
import en from './i18n.en.json';

export const useQueueT = defineBundle('queuePanel', vi, en);

import hoursVi from './hours-i18n.vi.json';
import hoursEn from './hours-i18n.en.json';

/** Texts of the administrators' page of opening hours per counter. */
export const useCounterHoursT = defineBundle('counterHours', hoursVi, hoursEn);
export type CounterHoursT = ReturnType<typeof useCounterHoursT>;
