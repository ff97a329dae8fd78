import { describe, expect, it } from 'vitest';
import { formatCivilDate, formatVnDate, formatVnDateTime, instantOfVnLocal, vnCivilParts, vnLocalInputValue, vnTimeParts, vnToday } from './dates';

describe('Vietnam time formatting', () => {
  it.each([
    ['2026-03-12T10:00:00.000Z', '17:00', '12/03/2026'],
    ['2026-03-12T17:30:00Z', '00:30', '13/03/2026'], // after 17:00 UTC it is the next day in Vietnam
    ['2025-12-31T16:59:00Z', '23:59', '31/12/2025'],
  ])('shows %s as %s on %s', (iso, time, date) => {
    expect(vnTimeParts(iso)).toEqual({ time, date });
    expect(formatVnDate(iso)).toBe(date);
    expect(formatVnDateTime(iso)).toBe(`${time} ${date}`);
  });

  it('refuses what is not a time', () => {
    expect(vnTimeParts('not a date')).toBeNull();
    expect(formatVnDate('not a date')).toBe('—');
  });

  it('shows civil dates day first and leaves malformed text as it is', () => {
    expect(formatCivilDate('1990-07-05')).toBe('05/07/1990');
    expect(formatCivilDate('2026-13')).toBe('2026-13');
  });

  it('gives the civil parts of the day in Vietnam', () => {
    expect(vnCivilParts(Date.parse('2026-03-31T17:00:00Z'))).toEqual({ year: 2026, month: 4, day: 1 });
  });

  it('reads a datetime-local value as Vietnam time and back', () => {
    const iso = instantOfVnLocal('2026-03-12T17:00');
    expect(iso).toBe('2026-03-12T10:00:00.000Z');
    expect(vnLocalInputValue(Date.parse('2026-03-12T10:00:00.000Z'))).toBe('2026-03-12T17:00');
    expect(instantOfVnLocal('2026-03-12')).toBeNull();
    expect(vnToday(Date.parse('2026-03-12T18:00:00Z'))).toBe('2026-03-13');
  });
});
