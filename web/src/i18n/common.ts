// Texts several screens share, so that each says the same thing the same way: durations of
// procedures ("1 working day", "3 working days", "3 ngày làm việc"), and what a date field says.
import { defineBundle } from './bundle';

const vi = {
  working_days_one: '{{count}} ngày làm việc',
  working_days_other: '{{count}} ngày làm việc',
  working_hours_one: '{{count}} giờ làm việc',
  working_hours_other: '{{count}} giờ làm việc',
  calendar_days_one: '{{count}} ngày',
  calendar_days_other: '{{count}} ngày',
  same_day: 'Trong ngày',
  // date fields (ui/DateField)
  date_placeholder: 'dd/mm/yyyy',
  date_format: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2026.',
  date_pick: 'Mở lịch',
  date_invalid: 'Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2026.',
  date_tooEarly: 'Ngày phải từ {{min}} trở đi.',
  date_tooLate: 'Ngày không được sau {{max}}.',
  datetime_day: 'Ngày',
  datetime_time: 'Giờ (HH:mm)',
  datetime_timeInvalid: 'Giờ không hợp lệ: nhập theo dạng giờ:phút, ví dụ 17:00.',
};

// English: exactly the same keys (checked by defineBundle)
const en = {
  working_days_one: '{{count}} working day',
  working_days_other: '{{count}} working days',
  working_hours_one: '{{count}} working hour',
  working_hours_other: '{{count}} working hours',
  calendar_days_one: '{{count}} day',
  calendar_days_other: '{{count}} days',
  same_day: 'Same day',
  date_placeholder: 'dd/mm/yyyy',
  date_format: 'Enter the date as day/month/year, for example 05/03/2026.',
  date_pick: 'Open the calendar',
  date_invalid: 'Not a valid date: enter it as day/month/year, for example 05/03/2026.',
  date_tooEarly: 'The date must be {{min}} or later.',
  date_tooLate: 'The date must not be after {{max}}.',
  datetime_day: 'Day',
  datetime_time: 'Time (HH:mm)',
  datetime_timeInvalid: 'Not a valid time: enter it as hours:minutes, for example 17:00.',
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
