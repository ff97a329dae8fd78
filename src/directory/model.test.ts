import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCivilDate, nameKey, openingHoursProblems, previousDay } from './model';
import { csvRecords, parseCsv } from './records';

const toCsv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

describe('CSV', () => {
  it('reads back any table it is given, quotes, commas and line breaks included', () => {
    fc.assert(fc.property(
      fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', 'ă', ',', '"', '\n', '\r\n', ' ', 'Đ') }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
      (rows) => { expect(parseCsv(toCsv(rows))).toEqual(rows); },
    ));
  });

  it('turns a header and rows into records, ignoring a BOM and empty cells', () => {
    expect(csvRecords('\ufeffcode,name,phone\r\n29869,"Phường Cao Lãnh, Đồng Tháp",\r\n')).toEqual([
      { code: '29869', name: 'Phường Cao Lãnh, Đồng Tháp' },
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['2025-07-01', true], ['2024-02-29', true], ['2025-02-29', false], ['2025-13-01', false], ['01/07/2025', false],
  ])('%s is a civil date: %s', (s, ok) => expect(isCivilDate(s)).toBe(ok));

  it('steps back one day across months and years', () => {
    expect(previousDay('2025-07-01')).toBe('2025-06-30');
    expect(previousDay('2025-01-01')).toBe('2024-12-31');
    expect(previousDay('2024-03-01')).toBe('2024-02-29');
  });
});

describe('opening hours', () => {
  it('accepts weekdays with ordered periods', () => {
    expect(openingHoursProblems({ weekly: { 1: ['07:00-11:30', '13:30-17:00'], 6: ['07:00-11:30'] } })).toEqual([]);
  });

  it('names each problem', () => {
    expect(openingHoursProblems({ weekly: { 8: [], 2: ['13:30-17:00', '07:00-11:30'], 3: ['7h-11h'] } })).toEqual([
      'ngày 2: các khung giờ chồng lên nhau hoặc sai thứ tự',
      'ngày 3: khung giờ "7h-11h" không hợp lệ (HH:MM-HH:MM)',
      'ngày "8" không hợp lệ (1 = thứ Hai … 7 = Chủ nhật)',
    ]);
    expect(openingHoursProblems([])).toHaveLength(1);
  });
});

it('compares names without diacritics and spacing', () => {
  expect(nameKey('Xã Tân  Khánh Trung')).toBe(nameKey('xa tan khanh trung'));
  expect(nameKey('Đồng Tháp')).toBe('dong thap');
});

describe('form problems', () => {
  it('name the field as the screen does and write dates day first', async () => {
    const { FieldProblems, dayFirstDates } = await import('./model');
    const problems = new FieldProblems();
    problems.add(1, 'formedFrom', 'không có đơn vị cũ "11111" hiệu lực ngày 2025-12-31');
    expect(problems.details).toEqual([{ path: 'formedFrom', message: 'Hợp nhất toàn bộ từ: không có đơn vị cũ "11111" hiệu lực ngày 31/12/2025' }]);
    expect(dayFirstDates('từ 2025-07-01 đến 2026-01-01; mã 000.00.08.H20')).toBe('từ 01/07/2025 đến 01/01/2026; mã 000.00.08.H20');
  });
});
