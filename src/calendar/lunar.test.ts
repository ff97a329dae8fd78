import { describe, expect, it } from 'vitest';
import { dayNumberFromYmd, isoDateFromDayNumber, parseIsoDate, type IsoDate } from './civil-date';
import { leapMonthOf, lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from './lunar';
import { buildReferenceCalendar } from './lunar.reference.test-helper';

const iso = (text: string): IsoDate => {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
};

const JDN_OF_UNIX_EPOCH = 2440588;

describe('Tết and Giỗ Tổ 2020–2030 (DOMAIN §7.3)', () => {
  const rows = [
    // year, Tết (mùng 1), Giỗ Tổ (10/3), leap month, leap month start
    [2020, '2020-01-25', '2020-04-02', 4, '2020-05-23'],
    [2021, '2021-02-12', '2021-04-21', null, null],
    [2022, '2022-02-01', '2022-04-10', null, null],
    [2023, '2023-01-22', '2023-04-29', 2, '2023-03-22'],
    [2024, '2024-02-10', '2024-04-18', null, null],
    [2025, '2025-01-29', '2025-04-07', 6, '2025-07-25'],
    [2026, '2026-02-17', '2026-04-26', null, null],
    [2027, '2027-02-06', '2027-04-16', null, null],
    [2028, '2028-01-26', '2028-04-04', 5, '2028-06-23'],
    [2029, '2029-02-13', '2029-04-23', null, null],
    [2030, '2030-02-02', '2030-04-12', null, null],
  ] as const;
  it.each(rows)('%i: Tết %s, Giỗ Tổ %s, leap month %s from %s', (year, tet, hungKings, leapMonth, leapStart) => {
    expect(lunarNewYear(year)).toBe(tet);
    expect(solarToLunar(iso(tet))).toEqual({ day: 1, month: 1, year, leap: false });
    expect(lunarToSolar(10, 3, year, false)).toBe(hungKings);
    expect(leapMonthOf(year)).toBe(leapMonth);
    if (leapMonth !== null && leapStart !== null) {
      expect(lunarToSolar(1, leapMonth, year, true)).toBe(leapStart);
      expect(solarToLunar(iso(leapStart))).toEqual({ day: 1, month: leapMonth, year, leap: true });
    }
  });
});

describe('years where the Vietnamese (UTC+7) and Chinese (UTC+8) new year differ', () => {
  it.each([
    [1903, '1903-01-28'], [1916, '1916-02-03'], [1935, '1935-02-03'], [1965, '1965-02-01'],
    [1968, '1968-01-29'], [1969, '1969-02-16'], [1985, '1985-01-21'], [2007, '2007-02-17'],
    [2030, '2030-02-02'], [2053, '2053-02-18'],
  ] as const)('Tết %i is %s in Vietnam', (year, tet) => {
    expect(lunarNewYear(year)).toBe(tet);
  });
});

describe('month lengths and leap months', () => {
  it('the 12th month of 2024 has 29 days: 2025-01-28 is 29 tháng Chạp, no "30 Tết"', () => {
    expect(lunarMonthLength(12, 2024)).toBe(29);
    expect(solarToLunar(iso('2025-01-28'))).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(lunarToSolar(30, 12, 2024)).toBeNull();
  });

  it('2031 has a leap 3rd month; Giỗ Tổ uses the regular month 3 (2031-04-01)', () => {
    expect(leapMonthOf(2031)).toBe(3);
    expect(lunarToSolar(1, 3, 2031, true)).toBe('2031-04-21');
    expect(lunarToSolar(10, 3, 2031, false)).toBe('2031-04-01');
    expect(solarToLunar(iso('2031-04-30'))).toEqual({ day: 10, month: 3, year: 2031, leap: true });
  });

  it('refuses a leap month that does not exist', () => {
    expect(lunarToSolar(1, 3, 2024, true)).toBeNull();
    expect(lunarToSolar(1, 13, 2024)).toBeNull();
  });

  it('keeps the day count right where the published algorithm returned "day 0"', () => {
    expect(solarToLunar(iso('2054-05-07')).day).toBe(30);
    expect(solarToLunar(iso('2062-04-09')).day).toBe(30);
  });

  it('round-trips every day 2020–2031', () => {
    for (let n = dayNumberFromYmd(2020, 1, 1); n <= dayNumberFromYmd(2031, 12, 31); n++) {
      const date = isoDateFromDayNumber(n);
      const l = solarToLunar(date);
      expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toBe(date);
    }
  });
});

describe('agreement with an independent computation (Meeus ch. 49 / ch. 25), every day 1968–2100', () => {
  // Days where the two computations may disagree: the month's new moon falls within a few
  // minutes of local midnight, closer than the published algorithm's accuracy. Listed so any
  // new disagreement fails the test.
  const FRAGILE_MINUTES = 5;
  const KNOWN_FRAGILE_MONTH_STARTS = ['2072-12-09', '2077-11-15'];

  it('agrees on every day except in months whose new moon is within 5 minutes of midnight', () => {
    const months = buildReferenceCalendar(1968, 2100);
    const disagreements = new Set<string>();
    let index = 0;
    let compared = 0;
    for (let n = dayNumberFromYmd(1968, 1, 1); n <= dayNumberFromYmd(2100, 12, 31); n++) {
      const jdn = n + JDN_OF_UNIX_EPOCH;
      while ((months[index + 1]?.startJdn ?? Infinity) <= jdn) index++;
      const month = months[index];
      const next = months[index + 1];
      if (!month || !next) throw new Error('reference table does not cover the range');
      const expected = { day: jdn - month.startJdn + 1, month: month.month, year: month.year, leap: month.leap };
      const actual = solarToLunar(isoDateFromDayNumber(n));
      compared++;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        const fragile = Math.min(month.newMoonMargin, next.newMoonMargin) < FRAGILE_MINUTES;
        expect(fragile, `${isoDateFromDayNumber(n)}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`).toBe(true);
        const fragileStart = month.newMoonMargin < next.newMoonMargin ? month.startJdn : next.startJdn;
        disagreements.add(isoDateFromDayNumber(fragileStart - JDN_OF_UNIX_EPOCH));
      }
    }
    expect(compared).toBe(dayNumberFromYmd(2100, 12, 31) - dayNumberFromYmd(1968, 1, 1) + 1);
    expect([...disagreements].sort()).toEqual(KNOWN_FRAGILE_MONTH_STARTS);
  });
});
