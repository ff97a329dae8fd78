import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vnDayNumberOfInstant } from './civil-date';
import {
  applyApology, computeDueAt, dossierTimeliness, elapsedWorkingTime, indicatorElapsed,
  newDossierDeadline, remainingWorkingTime, restartAfterSupplement, timeliness, type Duration,
} from './deadlines';
import { DUE_CASES, show, testCalendar as cal, vn } from './deadlines.cases.test-helper';

describe('computeDueAt', () => {
  it.each(DUE_CASES)('$name: $received + $duration.value $duration.unit → $due', (row) => {
    expect(show(computeDueAt(vn(row.received), row.duration, cal, row.rules))).toBe(row.due);
  });

  // Same day ("trong ngày", e.g. certified copies 2.000815) and every 0-day duration: before the
  // cut-off → closing time the same day; after it, or on a day off → closing time of the next
  // working day. The cut-off is never ignored (15:00 when the case names none).
  it.each([
    ['Mon 10:00, before the cut-off', '2025-03-03 10:00', { value: 0, unit: 'working_days' }, '15:00', 'Mon 2025-03-03 17:00'],
    ['Mon 15:00 exactly is before the cut-off', '2025-03-03 15:00', { value: 0, unit: 'working_days' }, '15:00', 'Mon 2025-03-03 17:00'],
    ['Mon 15:01, after the cut-off', '2025-03-03 15:01', { value: 0, unit: 'working_days' }, '15:00', 'Tue 2025-03-04 17:00'],
    ['Fri 16:00 → Monday', '2025-03-07 16:00', { value: 0, unit: 'working_days' }, '15:00', 'Mon 2025-03-10 17:00'],
    ['Sat morning (day off) → Monday', '2025-03-08 09:00', { value: 0, unit: 'working_days' }, '15:00', 'Mon 2025-03-10 17:00'],
    ['Mon 06:30 before opening → same day', '2025-03-03 06:30', { value: 0, unit: 'working_days' }, '15:00', 'Mon 2025-03-03 17:00'],
    ['Mon 17:30 after closing, no cut-off given → next day', '2025-03-03 17:30', { value: 0, unit: 'working_days' }, null, 'Tue 2025-03-04 17:00'],
    ['0-day without a cut-off still uses 15:00', '2025-03-03 16:00', { value: 0, unit: 'working_days' }, null, 'Tue 2025-03-04 17:00'],
    ['0 working hours, 16:00 → next day', '2025-03-03 16:00', { value: 0, unit: 'working_hours' }, undefined, 'Tue 2025-03-04 17:00'],
    ['0 calendar days, 16:00 → next day', '2025-03-03 16:00', { value: 0, unit: 'calendar_days' }, undefined, 'Tue 2025-03-04 17:00'],
    ['a later cut-off (16:30): 16:00 is the same day', '2025-03-03 16:00', { value: 0, unit: 'working_days' }, '16:30', 'Mon 2025-03-03 17:00'],
    ['Fri 24 Jan 2025 16:00, before Tết → Mon 3 Feb', '2025-01-24 16:00', { value: 0, unit: 'working_days' }, '15:00', 'Mon 2025-02-03 17:00'],
    ['Wed 31 Dec 2025 15:30 → Mon 5 Jan 2026 (1–4 Jan off, official 2026 schedule)', '2025-12-31 15:30', { value: 0, unit: 'working_days' }, '15:00', 'Mon 2026-01-05 17:00'],
    ['Sat 10 Jan 2026 is a make-up working day: 10:00 → same day', '2026-01-10 10:00', { value: 0, unit: 'working_days' }, '15:00', 'Sat 2026-01-10 17:00'],
  ] as const)('same day: %s', (_name, received, duration, cutoff, due) => {
    const rules = cutoff === undefined ? undefined : { cutoff };
    expect(show(computeDueAt(vn(received), duration as Duration, cal, rules))).toBe(due);
  });

  it('a same-day due time is never before the receipt and never more than one working day after', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 1) }), (at) => {
      const due = computeDueAt(at, { value: 0, unit: 'working_days' }, cal);
      expect(due).toBeGreaterThanOrEqual(at);
      expect(cal.isWorkingInstant(due - 60_000)).toBe(true);
      expect(elapsedWorkingTime(at, due, cal)).toBeLessThanOrEqual(8 * 60 + 8 * 60);
    }));
  });

  it('refuses negative durations and fractional calendar days', () => {
    expect(() => computeDueAt(vn('2025-03-03 10:00'), { value: -1, unit: 'working_days' }, cal)).toThrow(RangeError);
    expect(() => computeDueAt(vn('2025-03-03 10:00'), { value: 1.5, unit: 'calendar_days' }, cal)).toThrow(RangeError);
  });

  it('refuses instants outside the calendar range', () => {
    expect(() => computeDueAt(vn('2030-01-02 10:00'), { value: 1, unit: 'working_days' }, cal)).toThrow(RangeError);
  });
});

describe('elapsed and remaining working time', () => {
  it.each([
    ['2025-03-03 10:00', '2025-03-03 14:00', 120], // 10:00–11:30 + 13:30–14:00
    ['2025-03-07 16:00', '2025-03-10 08:00', 120], // Fri 16–17, Mon 7–8
    ['2025-01-24 16:00', '2025-02-03 07:00', 60], // across Tết 2025
    ['2025-03-08 09:00', '2025-03-09 18:00', 0], // a weekend
    ['2025-03-04 10:00', '2025-03-03 10:00', -480],
  ] as const)('%s → %s: %i working minutes', (from, to, minutes) => {
    expect(elapsedWorkingTime(vn(from), vn(to), cal)).toBe(minutes);
  });

  it('remaining time is negative when overdue', () => {
    expect(remainingWorkingTime(vn('2025-03-04 08:00'), vn('2025-03-03 17:00'), cal)).toBe(-60);
    expect(remainingWorkingTime(vn('2025-03-03 16:00'), vn('2025-03-04 08:00'), cal)).toBe(120);
  });
});

describe('timeliness', () => {
  const due = vn('2025-03-05 10:00');
  it.each([
    ['2025-03-04 16:00', 'early'], // an earlier day
    ['2025-03-05 07:30', 'onTime'], // due day, before the due time
    ['2025-03-05 10:00', 'onTime'], // exactly the due time
    ['2025-03-05 10:01', 'late'],
  ] as const)('finished %s → %s', (finished, expected) => {
    expect(timeliness(due, vn(finished))).toBe(expected);
  });
});

describe('supplements', () => {
  it('ND 61 art. 19.4: the clock restarts from zero after the complete supplement', () => {
    const due = restartAfterSupplement(vn('2025-03-05 14:00'), { value: 3, unit: 'working_days' }, cal);
    expect(show(due)).toBe('Mon 2025-03-10 14:00');
  });

  it('indicator method subtracts the supplement period (working time)', () => {
    const result = indicatorElapsed(
      vn('2025-03-03 08:00'),
      vn('2025-03-07 08:00'),
      [{ requestedAt: vn('2025-03-04 08:00'), completedAt: vn('2025-03-05 08:00') }],
      cal,
      { value: 3, unit: 'working_days' },
    );
    expect(result).toEqual({
      grossWorkingMinutes: 4 * 480,
      supplementWorkingMinutes: 480,
      netWorkingMinutes: 3 * 480,
      lateByRepeatedSupplement: false,
      late: false,
    });
  });

  it('indicator method: more than one supplement request is late (F766)', () => {
    const result = indicatorElapsed(
      vn('2025-03-03 08:00'),
      vn('2025-03-04 08:00'),
      [
        { requestedAt: vn('2025-03-03 09:00'), completedAt: vn('2025-03-03 10:00') },
        { requestedAt: vn('2025-03-03 13:30'), completedAt: vn('2025-03-03 14:00') },
      ],
      cal,
      { value: 5, unit: 'working_days' },
    );
    expect(result.lateByRepeatedSupplement).toBe(true);
    expect(result.late).toBe(true);
  });

  it('indicator method: a pending supplement ends the count at its request', () => {
    const result = indicatorElapsed(vn('2025-03-03 08:00'), vn('2025-03-31 08:00'), [{ requestedAt: vn('2025-03-03 10:00'), completedAt: null }], cal);
    expect(result.netWorkingMinutes).toBe(120);
    expect(result.late).toBeNull();
  });
});

describe('apology and new appointment (ND 61 art. 19.9)', () => {
  const original = newDossierDeadline(vn('2025-03-07 17:00'));

  it('moves the due time once and keeps the original', () => {
    const result = applyApology(original, vn('2025-03-12 17:00'), vn('2025-03-06 16:00'), cal);
    expect(result).toEqual({ ok: true, late: false, deadline: { dueAt: vn('2025-03-12 17:00'), originalDueAt: vn('2025-03-07 17:00'), apologizedAt: vn('2025-03-06 16:00') } });
  });

  it('refuses a second apology', () => {
    const first = applyApology(original, vn('2025-03-12 17:00'), vn('2025-03-05 10:00'), cal);
    if (!first.ok) throw new Error('first apology refused');
    const second = applyApology(first.deadline, vn('2025-03-14 17:00'), vn('2025-03-06 10:00'), cal);
    expect(second.ok ? null : second.error.code).toBe('APOLOGY_ALREADY_USED');
  });

  it.each([
    ['Fri 07:01, 7 h 59 min before the due time', '2025-03-07 07:01', true],
    ['Thu 17:00, exactly one working day before', '2025-03-06 17:00', false],
    ['Mon after the due time has passed', '2025-03-10 09:00', true],
  ])('an apology %s is issued; late = %s (outside art. 19.9)', (_name, at, late) => {
    const result = applyApology(original, vn('2025-03-12 17:00'), vn(at), cal);
    expect(result).toMatchObject({ ok: true, late, deadline: { originalDueAt: vn('2025-03-07 17:00') } });
    if (!result.ok) throw new Error('refused');
    // still judged against the original due time: finishing on the new date counts late
    expect(dossierTimeliness(result.deadline, vn('2025-03-12 16:00'))).toBe('late');
  });

  it('accepts exactly one working day before, even across a weekend', () => {
    const monday = newDossierDeadline(vn('2025-03-10 10:00'));
    expect(applyApology(monday, vn('2025-03-12 10:00'), vn('2025-03-07 10:00'), cal).ok).toBe(true);
  });

  it('refuses a new due time that is not later, or not in working time', () => {
    const earlier = applyApology(original, vn('2025-03-07 10:00'), vn('2025-03-03 10:00'), cal);
    expect(earlier.ok ? null : earlier.error.code).toBe('APOLOGY_NOT_LATER');
    const sunday = applyApology(original, vn('2025-03-09 10:00'), vn('2025-03-03 10:00'), cal);
    expect(sunday.ok ? null : sunday.error.code).toBe('APOLOGY_NOT_WORKING_TIME');
  });

  it('judges timeliness against the original due time', () => {
    const result = applyApology(original, vn('2025-03-12 17:00'), vn('2025-03-05 10:00'), cal);
    if (!result.ok) throw new Error('apology refused');
    expect(dossierTimeliness(result.deadline, vn('2025-03-11 10:00'))).toBe('late');
    expect(dossierTimeliness(result.deadline, vn('2025-03-06 10:00'))).toBe('early');
  });
});

describe('properties', () => {
  const FROM = vn('2024-01-01 00:00');
  const TO = vn('2026-12-31 23:59');
  const receipt = fc.integer({ min: FROM, max: TO }).map((ms) => Math.floor(ms / 60_000) * 60_000);
  const workingDuration: fc.Arbitrary<Duration> = fc.oneof(
    fc.integer({ min: 1, max: 30 }).map((value) => ({ value, unit: 'working_days' as const })),
    fc.integer({ min: 1, max: 40 }).map((value) => ({ value, unit: 'working_hours' as const })),
  );
  const anyDuration: fc.Arbitrary<Duration> = fc.oneof(
    workingDuration,
    fc.integer({ min: 1, max: 60 }).map((value) => ({ value, unit: 'calendar_days' as const })),
  );
  const cutoff = fc.constantFrom(undefined, null, '15:00', '11:00');

  it('due time is non-decreasing in the receipt time', () => {
    fc.assert(
      fc.property(receipt, receipt, anyDuration, cutoff, (a, b, d, c) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(computeDueAt(early, d, cal, { cutoff: c })).toBeLessThanOrEqual(computeDueAt(late, d, cal, { cutoff: c }));
      }),
      { numRuns: 2000 },
    );
  });

  it('due time is non-decreasing in the duration', () => {
    fc.assert(
      fc.property(receipt, anyDuration, fc.integer({ min: 0, max: 10 }), cutoff, (at, d, extra, c) => {
        const longer = { ...d, value: d.value + extra };
        expect(computeDueAt(at, d, cal, { cutoff: c })).toBeLessThanOrEqual(computeDueAt(at, longer, cal, { cutoff: c }));
      }),
      { numRuns: 2000 },
    );
  });

  it('the due instant is on a working day, inside or at the end of a working period', () => {
    fc.assert(
      fc.property(receipt, anyDuration, cutoff, (at, d, c) => {
        const due = computeDueAt(at, d, cal, { cutoff: c });
        expect(cal.isWorkingDayNumber(vnDayNumberOfInstant(due))).toBe(true);
        expect(cal.isWorkingInstant(due)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('elapsed working time from receipt to due equals the duration (no cut-off)', () => {
    fc.assert(
      fc.property(receipt, workingDuration, (at, d) => {
        const due = computeDueAt(at, d, cal, { cutoff: null });
        const minutes = d.unit === 'working_days' ? d.value * 480 : d.value * 60;
        expect(elapsedWorkingTime(at, due, cal)).toBe(minutes);
      }),
      { numRuns: 2000 },
    );
  });
});
