// Texts several screens share, so that each says the same thing the same way: durations of
// procedures ("1 working day", "3 working days", "3 ngày làm việc"), and what a date field says.
import { defineBundle } from './bundle';
import vi from './common.vi.json';
import en from './common.en.json';

/** The raw texts, for the test of their plural forms. */
export const commonMessages = { vi, en };

export const useCommonT = defineBundle('common', vi, en);

export type CommonT = ReturnType<typeof useCommonT>;

type DurationUnit = 'working_days' | 'working_hours' | 'calendar_days';
const durationUnit = (unit: string): DurationUnit => (unit === 'working_hours' || unit === 'calendar_days' ? unit : 'working_days');

/** "1 working day", "15 ngày làm việc"; a duration of 0 is the same day (DOMAIN: same-day cases). */
export function durationText(t: CommonT, value: number, unit: string): string {
  if (value === 0) return t('same_day');
  return t(durationUnit(unit), { count: value });
}
