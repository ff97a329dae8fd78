/**
 * Civil dates and instants in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no DST).
 *
 * Representation (decision):
 * - a civil date is an `IsoDate`, a branded 'YYYY-MM-DD' string, at the API boundary;
 *   internally a `DayNumber`: whole days since 1970-01-01 (day 0 = Thursday).
 * - an instant is `EpochMs`: milliseconds since the Unix epoch (UTC). Only UTC methods and
 *   explicit +7 h arithmetic are used; `Date`'s local-time methods are never called.
 */

export type IsoDate = string & { readonly __brand: 'IsoDate' };
export type DayNumber = number;
export type EpochMs = number;

export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

/** 0 = Sunday … 6 = Saturday */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberFromYmd(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdFromDayNumber(n: DayNumber): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function weekdayOf(n: DayNumber): Weekday {
  return (((n % 7) + 7 + 4) % 7) as Weekday;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoDateFromYmd(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` as IsoDate;
}

export function isoDateFromDayNumber(n: DayNumber): IsoDate {
  const { y, m, d } = ymdFromDayNumber(n);
  return isoDateFromYmd(y, m, d);
}

/** Parses 'YYYY-MM-DD'; returns null when the text is not a real calendar date. */
export function parseIsoDate(text: string): IsoDate | null {
  const match = ISO_DATE_RE.exec(text);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return text as IsoDate;
}

export function dayNumberOf(date: IsoDate): DayNumber {
  return dayNumberFromYmd(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDateFromDayNumber(dayNumberOf(date) + days);
}

/** The Vietnamese civil date an instant falls on. */
export function vnDayNumberOfInstant(at: EpochMs): DayNumber {
  return Math.floor((at + VN_OFFSET_MS) / DAY_MS);
}

export function vnDateOfInstant(at: EpochMs): IsoDate {
  return isoDateFromDayNumber(vnDayNumberOfInstant(at));
}

/** Milliseconds since local (UTC+7) midnight. */
export function vnMsOfDay(at: EpochMs): number {
  const local = at + VN_OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** The instant of a Vietnamese wall-clock time. */
export function vnInstant(date: IsoDate, minuteOfDay: number): EpochMs {
  return dayNumberOf(date) * DAY_MS + minuteOfDay * 60_000 - VN_OFFSET_MS;
}

const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' → minutes after midnight, or null. '24:00' is accepted as the end of the day. */
export function parseHhMm(text: string): number | null {
  if (text === '24:00') return 1440;
  const match = HHMM_RE.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses an ISO 8601 instant such as '2025-01-24T10:00+07:00'. Without an offset the time is
 * read as Vietnam time. Returns null when invalid.
 */
export function parseInstant(text: string): EpochMs | null {
  const match = INSTANT_RE.exec(text);
  if (!match) return null;
  const date = parseIsoDate(match[1] ?? '');
  if (!date) return null;
  const hh = Number(match[2]);
  const mi = Number(match[3]);
  const ss = match[4] === undefined ? 0 : Number(match[4]);
  const ms = match[5] === undefined ? 0 : Number(match[5].padEnd(3, '0'));
  if (hh > 23 || mi > 59 || ss > 59) return null;
  const zone = match[6];
  let offsetMinutes = 420;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone !== undefined) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 14 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return dayNumberOf(date) * DAY_MS + ((hh * 60 + mi - offsetMinutes) * 60 + ss) * 1000 + ms;
}

/** Formats an instant as ISO 8601 in Vietnam time, e.g. '2025-02-07T10:00:00+07:00'. */
export function formatVnInstant(at: EpochMs): string {
  const dayMs = vnMsOfDay(at);
  const totalSeconds = Math.floor(dayMs / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const frac = dayMs % 1000;
  const fracText = frac === 0 ? '' : `.${pad(frac, 3)}`;
  return `${vnDateOfInstant(at)}T${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${fracText}+07:00`;
}

/** The year in Vietnam of an instant. */
export function vnYearOfInstant(at: EpochMs): number {
  return ymdFromDayNumber(vnDayNumberOfInstant(at)).y;
}

export interface VnWallClock {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The Vietnamese wall clock of an instant: its civil date and time of day. */
export function vnWallClock(at: EpochMs): VnWallClock {
  const { y, m, d } = ymdFromDayNumber(vnDayNumberOfInstant(at));
  const seconds = Math.floor(vnMsOfDay(at) / 1000);
  return { year: y, month: m, day: d, hour: Math.floor(seconds / 3600), minute: Math.floor((seconds % 3600) / 60), second: seconds % 60 };
}

/** 00:00 in Vietnam of a civil date 'YYYY-MM-DD'; NaN when the text is not a real date. */
export function vnMidnightOf(date: string): EpochMs {
  const iso = parseIsoDate(date);
  return iso === null ? Number.NaN : vnInstant(iso, 0);
}
