import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEDULES, WorkCalendar, lunarNewYear, vnDateOfInstant } from '../calendar';
import { vnMsOfDay } from '../calendar/civil-date';
import { arrivalsPerDay, arrivalTime, dayWeight } from './arrivals';
import { mobilePhone, personalIdFor, simApplicant, vietnameseName } from './people';
import { Quota, Rng } from './random';

const calendar = new WorkCalendar({ fromYear: 2017, toYear: 2023, schedules: OFFICIAL_SCHEDULES });

describe('seeded randomness', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = new Rng(1), b = new Rng(1), c = new Rng(2);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });
  it.each([[0.1246, 3000], [0.1454, 351_700], [0.0024, 10_000], [0.5, 7]])('a quota of %s over %s answers is exact to one', (share, total) => {
    const q = new Quota(share, new Rng(7), total);
    let yes = 0;
    for (let i = 0; i < total; i++) if (q.next()) yes++;
    expect(Math.abs(yes - share * total)).toBeLessThanOrEqual(1);
  });
});

describe('applicants', () => {
  it('have three-part Vietnamese names with Nguyễn the most common family name', () => {
    const rng = new Rng(3);
    const names = Array.from({ length: 5000 }, () => vietnameseName(rng, rng.chance(0.5) ? 'Nam' : 'Nữ'));
    expect(names.every((n) => n.split(' ').length === 3)).toBe(true);
    const nguyen = names.filter((n) => n.startsWith('Nguyễn ')).length / names.length;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.45);
    expect(names.filter((n) => n.split(' ')[1] === 'Thị').length).toBeGreaterThan(1000);
  });
  it.each([
    ['Nam', 1985, '0870', '85'], ['Nữ', 1985, '0871', '85'], ['Nam', 2003, '0872', '03'], ['Nữ', 2001, '0873', '01'],
  ] as const)('a %s born in %s gets ID prefix %s and year digits %s', (gender, year, prefix, yy) => {
    const id = personalIdFor(new Rng(1), gender, year, '087');
    expect(id).toMatch(/^\d{12}$/);
    expect(id.slice(0, 4)).toBe(prefix);
    expect(id.slice(4, 6)).toBe(yy);
  });
  it('have valid IDs, adult birth dates and mobile numbers the intake accepts', () => {
    const rng = new Rng(4);
    for (let i = 0; i < 500; i++) {
      const a = simApplicant(rng);
      expect(a.personalId).toMatch(/^0\d{2}[0-3]\d{8}$/);
      expect(Number(a.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(1940);
      expect(Number(a.birthDate.slice(0, 4))).toBeLessThanOrEqual(2004);
      expect(Number(a.personalId.slice(4, 6))).toBe(Number(a.birthDate.slice(2, 4)));
    }
    expect(mobilePhone(rng)).toMatch(/^0[35789]\d{8}$/);
  });
});

describe('arrivals', () => {
  it('spread exactly N dossiers over working days only', () => {
    const days = arrivalsPerDay('2019-01-01' as never, '2019-12-31' as never, 87_654, calendar);
    expect(days.reduce((s, d) => s + d.count, 0)).toBe(87_654);
    expect(days.every((d) => calendar.isWorkingDay(d.day))).toBe(true);
  });
  it('dip just after Tết and peak in the weeks before it', () => {
    const tet = lunarNewYear(2020); // 2020-01-25
    expect(tet).toBe('2020-01-25');
    expect(dayWeight('2020-02-04' as never, calendar, 0.5)).toBeLessThan(dayWeight('2020-01-13' as never, calendar, 0.5) * 0.6);
  });
  it('fall in office hours, mostly in the morning', () => {
    const rng = new Rng(5);
    const times = Array.from({ length: 2000 }, () => arrivalTime(rng, '2021-03-10' as never));
    const minutes = times.map((t) => Math.round(vnMsOfDay(t) / 60_000));
    expect(times.every((t) => vnDateOfInstant(t) === '2021-03-10')).toBe(true);
    expect(minutes.every((m) => (m >= 420 && m < 690) || (m >= 810 && m < 1020))).toBe(true);
    expect(minutes.filter((m) => m < 690).length / minutes.length).toBeGreaterThan(0.55);
  });
});
