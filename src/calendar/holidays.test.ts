import { describe, expect, it } from 'vitest';
import { holidaysForYear, parseYearSchedule, statutoryHolidays } from './holidays';
import { OFFICIAL_SCHEDULES } from './schedules';

const dates = (list: readonly { date: string }[]): string[] => list.map((d) => d.date);

describe('official schedules', () => {
  it('2024: Tết Thu 8 – Wed 14 Feb, Giỗ Tổ 18 Apr, 29 Apr swapped with Sat 4 May, 2–3 Sep', () => {
    const y = holidaysForYear(2024, OFFICIAL_SCHEDULES);
    expect(y.provisional).toBe(false);
    expect(y.source).toContain('2450/VPCP-KGVX');
    expect(dates(y.daysOff)).toEqual([
      '2024-01-01', '2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13',
      '2024-02-14', '2024-04-18', '2024-04-29', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03',
    ]);
    expect(y.makeUpDays).toEqual([{ date: '2024-05-04', reason: 'Làm bù cho ngày 29/04' }]);
  });

  it('2025: Tết Sat 25 Jan – Sun 2 Feb, Giỗ Tổ Mon 7 Apr, Fri 2 May swapped with Sat 26 Apr, 1–2 Sep', () => {
    const y = holidaysForYear(2025, OFFICIAL_SCHEDULES);
    expect(y.provisional).toBe(false);
    expect(dates(y.daysOff)).toContain('2025-01-27');
    expect(dates(y.daysOff)).toContain('2025-01-31');
    expect(dates(y.daysOff)).toContain('2025-04-07');
    expect(dates(y.daysOff)).toContain('2025-05-02');
    expect(dates(y.daysOff)).toContain('2025-09-01');
    expect(dates(y.makeUpDays)).toEqual(['2025-04-26']);
    for (const day of [...y.daysOff, ...y.makeUpDays]) expect(day.reason.length).toBeGreaterThan(0);
  });
});

describe('2026 official schedule (Công văn 12729/VPCP-KGVX, Thông báo 9441/TB-BNV)', () => {
  const y = holidaysForYear(2026, OFFICIAL_SCHEDULES);
  const workingDaysOff = dates(y.daysOff).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));

  it('is not provisional and names each official document', () => {
    expect(y.provisional).toBe(false);
    expect(y.source).toContain('12729/VPCP-KGVX');
    expect(y.source).toContain('9441/TB-BNV');
    expect(y.sources?.map((s) => s.document)).toEqual([
      'Công văn 12729/VPCP-KGVX', 'Thông báo 9441/TB-BNV', 'Bộ luật Lao động 45/2019/QH14, Điều 112 và Điều 111.3',
    ]);
  });

  it('weekdays off: 1–2 Jan, Tết Mon 16 – Fri 20 Feb, 27 Apr (Giỗ Tổ on Sunday), 30 Apr, 1 May, 31 Aug – 2 Sep', () => {
    expect(workingDaysOff).toEqual([
      '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02',
    ]);
  });

  it('make-up Saturdays 10 Jan and 22 Aug', () => {
    expect(dates(y.makeUpDays)).toEqual(['2026-01-10', '2026-08-22']);
  });
});

describe('statutory rule for years without a schedule (provisional)', () => {
  it('2027 is provisional and computed from the rules data', () => {
    const y = holidaysForYear(2027, OFFICIAL_SCHEDULES);
    expect(y.provisional).toBe(true);
    expect(y.daysOff).toContainEqual({ date: '2027-01-01', reason: 'Tết Dương lịch' });
  });

  it('before 2021 (Labour Code 2012) National Day is one day; from 2021 two', () => {
    expect(dates(statutoryHolidays(2019).filter((h) => h.reason === 'Quốc khánh'))).toEqual(['2019-09-02']);
    expect(dates(statutoryHolidays(2021).filter((h) => h.reason === 'Quốc khánh'))).toEqual(['2021-09-02', '2021-09-03']);
  });

  it('2026 without its schedule: Giỗ Tổ falls on Sun 26 Apr, so Mon 27 Apr is the substitute day off', () => {
    const y = holidaysForYear(2026, []);
    expect(y.provisional).toBe(true);
    expect(y.daysOff).toContainEqual({ date: '2026-04-26', reason: 'Giỗ Tổ Hùng Vương' });
    expect(y.daysOff).toContainEqual({ date: '2026-04-27', reason: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
    expect(y.makeUpDays).toEqual([]);
  });

  it('Tết = last day of the lunar year + mùng 1–4; 2025 (29 tháng Chạp is 28 Jan)', () => {
    const tet = statutoryHolidays(2025).filter((h) => h.reason === 'Tết Nguyên đán');
    expect(dates(tet)).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
  });

  it('2024 statutory: Tết Sat 10 Feb and Sun 11 Feb give substitute days after the Tết block', () => {
    const y = holidaysForYear(2024, []);
    expect(dates(y.daysOff.filter((d) => d.reason === 'Tết Nguyên đán'))).toEqual([
      '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13',
    ]);
    expect(dates(y.daysOff.filter((d) => d.reason.startsWith('Nghỉ bù')))).toEqual(['2024-02-14', '2024-02-15']);
  });

  it.each([
    [2024, ['2024-09-02', '2024-09-03']], // Mon → Tue
    [2025, ['2025-09-01', '2025-09-02']], // Tue → Mon
    [2026, ['2026-09-01', '2026-09-02']], // Wed → Tue
    [2027, ['2027-09-02', '2027-09-03']], // Thu → Fri
    [2022, ['2022-09-01', '2022-09-02']], // Fri → Thu
    [2023, ['2023-09-01', '2023-09-02']], // Sat → Fri
    [2029, ['2029-09-02', '2029-09-03']], // Sun → Mon
  ] as const)('National Day %i: %j', (year, expected) => {
    expect(dates(statutoryHolidays(year).filter((h) => h.reason === 'Quốc khánh'))).toEqual(expected);
  });

  it('Giỗ Tổ 2031 uses the regular 3rd month, not the leap one', () => {
    expect(statutoryHolidays(2031)).toContainEqual({ date: '2031-04-01', reason: 'Giỗ Tổ Hùng Vương' });
  });
});

describe('parseYearSchedule', () => {
  it('refuses an invalid date with a Vietnamese message', () => {
    const result = parseYearSchedule({ year: 2027, source: 'x', daysOff: [{ date: '2027-13-01', reason: 'x' }], makeUpDays: [] });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_SCHEDULE', message: 'ngày không hợp lệ: 2027-13-01' } });
  });
  it('refuses a day of another year', () => {
    const result = parseYearSchedule({ year: 2027, source: 'x', daysOff: [{ date: '2026-01-01', reason: 'x' }], makeUpDays: [] });
    expect(result.ok).toBe(false);
  });
});
