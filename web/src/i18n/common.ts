// Texts several screens share, so that each says the same thing the same way: durations of
// procedures ("1 working day", "3 working days", "3 ngày làm việc").
import { defineBundle } from './bundle';

const vi = {
  working_days_one: '{{count}} ngày làm việc',
  working_days_other: '{{count}} ngày làm việc',
  working_hours_one: '{{count}} giờ làm việc',
  working_hours_other: '{{count}} giờ làm việc',
  calendar_days_one: '{{count}} ngày',
  calendar_days_other: '{{count}} ngày',
  same_day: 'Trong ngày',
};

const en: { readonly [K in keyof typeof vi]: string } = {
  working_days_one: '{{count}} working day',
  working_days_other: '{{count}} working days',
  working_hours_one: '{{count}} working hour',
  working_hours_other: '{{count}} working hours',
  calendar_days_one: '{{count}} day',
  calendar_days_other: '{{count}} days',
  same_day: 'Same day',
};

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
