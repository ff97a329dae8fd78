import { describe, expect, it } from 'vitest';
import { instantOfVnLocal, splitWorkingMinutes, vnLocalInputValue, vnTimeParts, vnToday } from './format';

describe('Vietnam time formatting', () => {
  it.each([
    ['2026-03-12T10:00:00.000Z', '17:00', '12/03/2026'],
    ['2026-03-12T17:30:00Z', '00:30', '13/03/2026'], // after 17:00 UTC it is the next day in Vietnam
    ['2025-12-31T16:59:00Z', '23:59', '31/12/2025'],
  ])('shows %s as %s on %s', (iso, time, date) => {
    expect(vnTimeParts(iso)).toEqual({ time, date });
  });

  it('refuses what is not a time', () => {
    expect(vnTimeParts('not a date')).toBeNull();
  });

  it('reads a datetime-local value as Vietnam time and back', () => {
    const iso = instantOfVnLocal('2026-03-12T17:00');
    expect(iso).toBe('2026-03-12T10:00:00.000Z');
    expect(vnLocalInputValue(Date.parse('2026-03-12T10:00:00.000Z'))).toBe('2026-03-12T17:00');
    expect(instantOfVnLocal('2026-03-12')).toBeNull();
    expect(vnToday(Date.parse('2026-03-12T18:00:00Z'))).toBe('2026-03-13');
  });
});

describe('working time left', () => {
  it.each([
    [480, { overdue: false, days: 1, hours: 0, minutes: 0 }],
    [635, { overdue: false, days: 1, hours: 2, minutes: 35 }],
    [45, { overdue: false, days: 0, hours: 0, minutes: 45 }],
    [-90, { overdue: true, days: 0, hours: 1, minutes: 30 }],
  ])('splits %i minutes into 8-hour working days', (minutes, parts) => {
    expect(splitWorkingMinutes(minutes)).toEqual(parts);
  });
});
