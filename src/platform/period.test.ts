import { describe, expect, it } from 'vitest';
import { parsePeriod, PeriodError } from './period';

describe('parsePeriod', () => {
  it.each([
    // from, to, maxDays, days, start (UTC ISO of Vietnam midnight), end
    ['2026-03-01', '2026-03-31', 31, 31, '2026-02-28T17:00:00.000Z', '2026-03-31T17:00:00.000Z'],
    ['2026-03-12', '2026-03-12', 1, 1, '2026-03-11T17:00:00.000Z', '2026-03-12T17:00:00.000Z'],
    ['2024-01-01', '2024-12-31', 366, 366, '2023-12-31T17:00:00.000Z', '2024-12-31T17:00:00.000Z'], // leap year, exactly maxDays
    ['2024-02-28', '2024-03-01', 3, 3, '2024-02-27T17:00:00.000Z', '2024-03-01T17:00:00.000Z'], // through 29 February,
  ])('%s–%s (max %i) is %i days', (from, to, maxDays, days, start, end) => {
    const p = parsePeriod(from, to, maxDays);
    expect(p).toMatchObject({ from, to, days });
    expect(new Date(p.start).toISOString()).toBe(start);
    expect(new Date(p.end).toISOString()).toBe(end);
  });

  it.each([
    // from, to, maxDays, fault, code, field
    ['2026-03-02', '2026-03-01', 31, 'inverted', 'PERIOD_INVALID', 'from'],
    ['2026-03-01', '2026-04-01', 31, 'too-long', 'PERIOD_TOO_LONG', 'to'], // 32 days
    ['2025-01-01', '2026-01-02', 366, 'too-long', 'PERIOD_TOO_LONG', 'to'], // 367 days
    ['2026-02-30', '2026-03-01', 31, 'format', 'PERIOD_INVALID', 'from'], // no 30 February
    ['2025-02-29', '2025-03-01', 31, 'format', 'PERIOD_INVALID', 'from'], // 2025 is not a leap year
    ['2026-03-01', '01/03/2026', 31, 'format', 'PERIOD_INVALID', 'to'],
    ['2026-3-1', '2026-03-02', 31, 'format', 'PERIOD_INVALID', 'from'],
    [undefined, '2026-03-02', 31, 'format', 'PERIOD_INVALID', 'from'],
    ['2026-03-01', undefined, 31, 'format', 'PERIOD_INVALID', 'to'],
    ['2026-03-01', '2026-03-13 ', 31, 'format', 'PERIOD_INVALID', 'to'],
  ] as const)('%s–%s (max %i) is refused: %s', (from, to, maxDays, fault, code, field) => {
    let caught: unknown;
    try { parsePeriod(from, to, maxDays); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(PeriodError);
    const e = caught as PeriodError;
    expect(e).toMatchObject({ kind: 'ValidationFailed', fault, code, field, details: [{ path: field }] });
    expect(e.message).toMatch(/ngày/);
  });

  it('says the length and the limit in Vietnamese', () => {
    expect(() => parsePeriod('2026-03-01', '2026-04-01', 31)).toThrow('Kỳ dài 32 ngày, vượt quá tối đa 31 ngày.');
  });
});
