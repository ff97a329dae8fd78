import { describe, expect, it } from 'vitest';
import { openingHoursProblems } from './model';
import { isOpenAt, periodsOn, standardWeek, weeklyMinutes } from './opening-hours';

// the demo commune post office: 07:00–11:30 and 13:30–17:00 on weekdays, Saturday morning intake
const postOffice = standardWeek({ morning: { start: '07:00', end: '11:30' }, afternoon: { start: '13:30', end: '17:00' }, saturdayMorning: true });

describe('opening hours', () => {
  it('builds the weekly pattern with a lunch break and Saturday morning', () => {
    expect(postOffice.weekly['1']).toEqual(['07:00-11:30', '13:30-17:00']);
    expect(postOffice.weekly['6']).toEqual(['07:00-11:30']);
    expect(postOffice.weekly['7']).toBeUndefined();
    expect(openingHoursProblems(postOffice)).toEqual([]);
  });

  it.each([
    [1, '06:59', false], [1, '07:00', true], [1, '11:29', true], [1, '11:30', false], [1, '12:15', false],
    [1, '13:30', true], [5, '16:59', true], [5, '17:00', false], [6, '09:00', true], [6, '14:00', false], [7, '09:00', false],
  ] as const)('weekday %i at %s: open %s', (day, time, open) => {
    expect(isOpenAt(postOffice, day, time)).toBe(open);
  });

  it('counts 8 hours a weekday and 4½ on Saturday: 2,490 minutes a week', () => {
    expect(weeklyMinutes(postOffice)).toBe(5 * 480 + 270);
    expect(periodsOn(postOffice, 7)).toEqual([]);
  });

  it('names what is wrong in an edited pattern', () => {
    expect(openingHoursProblems({ weekly: { 1: ['13:30-17:00', '07:00-11:30'] } })).toEqual(['ngày 1: các khung giờ chồng lên nhau hoặc sai thứ tự']);
    expect(openingHoursProblems({ weekly: { 8: [] } })[0]).toContain('ngày "8" không hợp lệ');
    expect(openingHoursProblems({ weekly: { 2: ['11:30-07:00'] } })[0]).toContain('kết thúc trước khi bắt đầu');
  });
});
