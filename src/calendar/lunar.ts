/**
 * Vietnamese lunar calendar, after Hồ Ngọc Đức's "Thuật toán tính âm lịch" (astronomy from
 * Meeus), with the time zone fixed at UTC+7. China uses UTC+8, which is the only reason the two
 * calendars sometimes differ (e.g. Tết 1985, 2007, 2030). Valid 1900–2100.
 *
 * Internally days are Julian Day Numbers (JDN); the API speaks `IsoDate`.
 */
import { dayNumberFromYmd, dayNumberOf, isoDateFromDayNumber, type IsoDate } from './civil-date';

export interface LunarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly leap: boolean;
}

export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2100;

const TIME_ZONE_HOURS = 7;
const JDN_OF_UNIX_EPOCH = 2440588;
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_1900 = 2415021.076998695;
const DEG = Math.PI / 180;

/** Julian date of the k-th new moon after 1900-01-01 (mean new moon + periodic terms − ΔT). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's longitude in radians, [0, 2π), at Julian date jdn. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const L = (L0 + DL) * DEG;
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
}

/** JDN of the local day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** 30° sector (0..11) of the sun's longitude at local midnight starting day `jdn`. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

/** JDN of the first day of lunar month 11 (the month holding the winter solstice) of year y. */
function lunarMonth11(y: number): number {
  const off = dayNumberFromYmd(y, 12, 31) + JDN_OF_UNIX_EPOCH - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Index (after month 11) of the first month with no major solar term: the leap month. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR - 1 || year > LUNAR_MAX_YEAR + 1) {
    throw new RangeError(`lunar calendar supports ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}, got ${year}`);
  }
}

export function solarToLunar(date: IsoDate): LunarDate {
  const yy = Number(date.slice(0, 4));
  assertSupportedYear(yy);
  const dayNumber = dayNumberOf(date) + JDN_OF_UNIX_EPOCH;
  const k = Math.floor((dayNumber - NEW_MOON_1900) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  // Not in the published algorithm: when a new moon falls just after local midnight the
  // lunation estimate k can be one too high and the original returns "day 0" (e.g. 2054-05-07,
  // 2062-04-09). Step back one more lunation in that case.
  if (monthStart > dayNumber) monthStart = newMoonDay(k - 1);
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/** The regular or leap month that lunar (month, year, leap) designates, as [first JDN, next first JDN]. */
function lunarMonthSpan(month: number, year: number, leap: boolean): [number, number] | null {
  const a11 = month < 11 ? lunarMonth11(year - 1) : lunarMonth11(year);
  const b11 = month < 11 ? lunarMonth11(year) : lunarMonth11(year + 1);
  const k = Math.floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  return [newMoonDay(k + off), newMoonDay(k + off + 1)];
}

/** The leap month number of a lunar year (1..12), or null when the year has 12 months. */
export function leapMonthOf(lunarYear: number): number | null {
  assertSupportedYear(lunarYear);
  for (let month = 1; month <= 12; month++) {
    if (lunarMonthSpan(month, lunarYear, true) !== null) return month;
  }
  return null;
}

/** Number of days (29 or 30) of a lunar month, or null if that (leap) month does not exist. */
export function lunarMonthLength(month: number, year: number, leap = false): number | null {
  assertSupportedYear(year);
  const span = lunarMonthSpan(month, year, leap);
  return span ? span[1] - span[0] : null;
}

/**
 * Solar date of a lunar date, or null when it does not exist (no such leap month, or day 30 of
 * a 29-day month).
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false): IsoDate | null {
  assertSupportedYear(year);
  if (!Number.isInteger(day) || !Number.isInteger(month) || day < 1 || day > 30 || month < 1 || month > 12) {
    return null;
  }
  const span = lunarMonthSpan(month, year, leap);
  if (!span || day > span[1] - span[0]) return null;
  return isoDateFromDayNumber(span[0] + day - 1 - JDN_OF_UNIX_EPOCH);
}

/** Tết Nguyên đán (mùng 1 tháng Giêng) of a lunar year. */
export function lunarNewYear(year: number): IsoDate {
  const date = lunarToSolar(1, 1, year, false);
  if (!date) throw new RangeError(`no lunar new year for ${year}`);
  return date;
}
