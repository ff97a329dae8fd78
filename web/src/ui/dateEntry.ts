// What a date field accepts: a day typed as dd/mm/yyyy (day first, as Vietnamese forms write it),
// read into the civil date "yyyy-mm-dd" the API takes, and checked against the field's bounds.
// Pure: no clock, no Date local-time methods.
import { formatCivilDate } from './dates';

/** The years a field accepts: a typo such as "0202" or "20266" is not a day anyone means. */
const firstYear = 1900;
const lastYear = 2100;

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "2026-03-05" of "05/03/2026" (also "5/3/2026", "05-03-2026", "05.03.2026"); null if it is not a real day. */
export function parseDayMonthYear(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < firstYear || year > lastYear || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The text typed so far, with the slashes put in: "05" stays "05", "053" → "05/3",
 * "05032026" → "05/03/2026". A slash is added only before a digit that follows, so that deleting
 * one works; slashes the user typed are kept ("5/3/2026" stays); anything else is dropped.
 */
export function maskDayMonthYear(raw: string): string {
  const text = raw.replace(/[.-]/g, '/').replace(/[^\d/]/g, '');
  if (!text.includes('/')) {
    const d = text.slice(0, 8);
    return d.slice(0, 2) + (d.length > 2 ? `/${d.slice(2, 4)}` : '') + (d.length > 4 ? `/${d.slice(4)}` : '');
  }
  const [day = '', month, year] = text.split('/');
  if (month === undefined) return day.slice(0, 2);
  // "05/032026": the month's digits ran on into the year
  const yearDigits = year === undefined ? (month.length > 2 ? month.slice(2, 6) : undefined) : year.slice(0, 4);
  return [day.slice(0, 2), month.slice(0, 2), ...(yearDigits === undefined ? [] : [yearDigits])].join('/');
}

export type DateEntry =
  | { readonly kind: 'empty' }
  | { readonly kind: 'day'; readonly isoDate: string }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'tooEarly'; readonly min: string }
  | { readonly kind: 'tooLate'; readonly max: string };

/** What a date field holds: nothing, a day within its bounds (civil dates "yyyy-mm-dd"), or why not. */
export function readDateEntry(text: string, bounds: { readonly min?: string; readonly max?: string } = {}): DateEntry {
  if (text.trim() === '') return { kind: 'empty' };
  const isoDate = parseDayMonthYear(text);
  if (isoDate === null) return { kind: 'invalid' };
  if (bounds.min !== undefined && bounds.min !== '' && isoDate < bounds.min) return { kind: 'tooEarly', min: formatCivilDate(bounds.min) };
  if (bounds.max !== undefined && bounds.max !== '' && isoDate > bounds.max) return { kind: 'tooLate', max: formatCivilDate(bounds.max) };
  return { kind: 'day', isoDate };
}

/** "07:05" of "7:05", "07h05", "07.05" or "0705"; null if it is not a time of day. */
export function parseHourMinute(text: string): string | null {
  const m = /^(\d{1,2})[:h.]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  return hour > 23 || minute > 59 ? null : `${pad(hour)}:${pad(minute)}`;
}

/**
 * The "yyyy-mm-ddTHH:mm" value of a day and a time as typed (a datetime-local value, read as
 * Vietnam time by ui/dates); '' when both are empty; otherwise the text as typed, which does not
 * read as a value, so that the form's own check refuses it rather than drop it.
 */
export function joinDayAndTime(isoDate: string, dayText: string, timeText: string): string {
  if (dayText.trim() === '' && timeText.trim() === '') return '';
  const time = parseHourMinute(timeText);
  return isoDate !== '' && time !== null ? `${isoDate}T${time}` : `${dayText.trim()}T${timeText.trim()}`;
}
