import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCivilDate, instantOfVnLocal } from './dates';
import { joinDayAndTime, maskDayMonthYear, parseDayMonthYear, parseHourMinute, readDateEntry } from './dateEntry';

describe('reading a day typed as dd/mm/yyyy', () => {
  it.each([
    ['05/03/2026', '2026-03-05'],
    ['5/3/2026', '2026-03-05'],
    [' 31/12/2025 ', '2025-12-31'],
    ['05-03-2026', '2026-03-05'],
    ['05.03.2026', '2026-03-05'],
    ['29/02/2024', '2024-02-29'], // leap year
    ['29/02/2000', '2000-02-29'], // divisible by 400
    ['01/01/1900', '1900-01-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDayMonthYear(text)).toBe(iso);
  });

  it.each([
    ['29/02/2026'], // not a leap year
    ['29/02/1900'], // divisible by 100, not by 400
    ['31/04/2026'], // April has 30 days
    ['00/03/2026'],
    ['12/13/2026'], // month first (mm/dd) is not read as a day
    ['03/00/2026'],
    ['05/03/26'], // two-digit year
    ['05/03/0202'], // a typo, not a year
    ['2026-03-05'], // ISO is not what the field shows
    ['05/03/2026x'],
    [''],
  ])('refuses %s', (text) => {
    expect(parseDayMonthYear(text)).toBeNull();
  });

  it('reads back every day it shows', () => {
    const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, (iso) => parseDayMonthYear(formatCivilDate(iso)) === iso));
  });
});

describe('putting the slashes in while typing', () => {
  it.each([
    ['0', '0'],
    ['05', '05'], // no slash before there is a digit after it, so that backspace works
    ['053', '05/3'],
    ['0503', '05/03'],
    ['05032', '05/03/2'],
    ['05032026', '05/03/2026'],
    ['050320261', '05/03/2026'], // no more than a year's digits
    ['05/', '05/'],
    ['5/3/2026', '5/3/2026'], // the user's own slashes are kept
    ['05/032026', '05/03/2026'],
    ['05-03-2026', '05/03/2026'],
    ['ab05c03', '05/03'],
  ])('%s → %s', (typed, shown) => {
    expect(maskDayMonthYear(typed)).toBe(shown);
  });

  it('turns any eight digits of a day into the text it reads', () => {
    const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, (iso) => {
      const digits = formatCivilDate(iso).replace(/\//g, '');
      return parseDayMonthYear(maskDayMonthYear(digits)) === iso;
    }));
  });
});

describe('what a date field holds', () => {
  const bounds = { min: '2026-01-01', max: '2026-12-31' };
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['15/06/2026', { kind: 'day', isoDate: '2026-06-15' }],
    ['01/01/2026', { kind: 'day', isoDate: '2026-01-01' }], // the bounds are included
    ['31/12/2026', { kind: 'day', isoDate: '2026-12-31' }],
    ['31/12/2025', { kind: 'tooEarly', min: '01/01/2026' }],
    ['01/01/2027', { kind: 'tooLate', max: '31/12/2026' }],
    ['31/06/2026', { kind: 'invalid' }],
    ['15/06', { kind: 'invalid' }],
  ])('%j', (text, entry) => {
    expect(readDateEntry(text, bounds)).toEqual(entry);
  });

  it('has no bounds unless given', () => {
    expect(readDateEntry('01/01/1950')).toEqual({ kind: 'day', isoDate: '1950-01-01' });
  });
});

describe('a time typed as HH:mm, and a day with its time', () => {
  it.each([
    ['17:00', '17:00'], ['7:05', '07:05'], ['07h05', '07:05'], ['0705', '07:05'], [' 23:59 ', '23:59'], ['00:00', '00:00'],
  ])('reads %s as %s', (text, time) => {
    expect(parseHourMinute(text)).toBe(time);
  });

  it.each([['24:00'], ['12:60'], ['7'], ['7:5'], ['17:00:00'], ['']])('refuses %s', (text) => {
    expect(parseHourMinute(text)).toBeNull();
  });

  it('joins a valid day and time into a datetime-local value that reads as Vietnam time', () => {
    const value = joinDayAndTime('2026-03-12', '12/03/2026', '17:00');
    expect(value).toBe('2026-03-12T17:00');
    expect(instantOfVnLocal(value)).toBe('2026-03-12T10:00:00.000Z');
  });

  it('is empty when nothing is typed, and unreadable (never dropped) when half is wrong', () => {
    expect(joinDayAndTime('', '', '')).toBe('');
    expect(instantOfVnLocal(joinDayAndTime('', '31/02/2026', '17:00'))).toBeNull();
    expect(instantOfVnLocal(joinDayAndTime('2026-03-12', '12/03/2026', '25:00'))).toBeNull();
    expect(instantOfVnLocal(joinDayAndTime('2026-03-12', '12/03/2026', ''))).toBeNull();
  });
});
