/**
 * The calendar must not depend on the server's time zone. Node applies a change of
 * process.env.TZ at runtime, so the due-date table and a lunar/holiday sample are re-run here
 * under UTC, America/Los_Angeles (DST, behind UTC) and Pacific/Kiritimati (UTC+14).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { computeDueAt, elapsedWorkingTime } from './deadlines';
import { DUE_CASES, show, testCalendar, vn } from './deadlines.cases.test-helper';
import { holidaysForYear } from './holidays';
import { lunarNewYear, solarToLunar } from './lunar';
import { WorkCalendar } from './work-calendar';
import { OFFICIAL_SCHEDULES } from './schedules';
import { parseIsoDate } from './civil-date';

const originalTz = process.env['TZ'];
afterAll(() => {
  if (originalTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalTz;
});

describe.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])('server time zone %s', (tz) => {
  it('the time zone change is in effect', () => {
    process.env['TZ'] = tz;
    const offset = new Date(Date.UTC(2025, 6, 1)).getTimezoneOffset();
    expect(offset).toBe({ UTC: 0, 'America/Los_Angeles': 420, 'Pacific/Kiritimati': -840 }[tz]);
  });

  it.each(DUE_CASES)('$name → $due', (row) => {
    process.env['TZ'] = tz;
    expect(show(computeDueAt(vn(row.received), row.duration, testCalendar, row.rules))).toBe(row.due);
  });

  it('a calendar built under this time zone gives the same answers', () => {
    process.env['TZ'] = tz;
    const calendar = new WorkCalendar({ fromYear: 2024, toYear: 2026, schedules: OFFICIAL_SCHEDULES });
    expect(elapsedWorkingTime(vn('2025-01-24 16:00'), vn('2025-02-03 08:00'), calendar)).toBe(120);
    expect(lunarNewYear(2025)).toBe('2025-01-29');
    const date = parseIsoDate('2025-01-28');
    expect(date && solarToLunar(date)).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(holidaysForYear(2026, []).daysOff).toContainEqual({ date: '2026-04-27', reason: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
  });
});
