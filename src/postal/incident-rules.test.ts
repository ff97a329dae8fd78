import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEDULES, WorkCalendar } from '../calendar';
import type { IsoDate } from '../shared/civil-date';
import { addMonths, formatCompensationNumber, incidentProblems, isTimeBarred, resolutionProblems, resolveBy } from './incident-rules';

const calendar = new WorkCalendar({ fromYear: 2025, toYear: 2028, schedules: OFFICIAL_SCHEDULES });
const d = (s: string) => s as IsoDate;

describe('resolving a complaint within 5 working days (TT 17 art. 8)', () => {
  it.each([
    // reported, in province → resolve by; why
    ['2026-06-05', '2026-06-12', false], // Fri → the next Friday
    ['2026-04-28', '2026-05-07', false], // Tue: Wed 29, (30/4, 1/5, weekend), Mon 4 … Thu 7
    ['2026-02-12', '2026-02-26', false], // Thu before Tết (14–22/02 off): Fri 13, Mon 23, Tue 24, Wed 25, Thu 26
    ['2026-06-05', '2026-06-16', true], // between provinces: 7 working days
  ])('reported on %s → resolved by %s (inter-provincial: %s)', (reported, due, inter) => {
    expect(resolveBy(calendar, d(reported), inter)).toBe(due);
  });
});

describe('the 6-month limitation of a complaint', () => {
  it.each([
    ['2026-06-01', '2026-12-01', false], // the last day
    ['2026-06-01', '2026-12-02', true],
    ['2026-08-31', '2027-02-28', false], // no 31/2: the month's last day
    ['2026-08-31', '2027-03-01', true],
    ['2027-08-31', '2028-02-29', false], // leap year
  ])('leg ended %s, complaint on %s: time-barred %s', (ended, reported, barred) => {
    expect(isTimeBarred(d(ended), d(reported))).toBe(barred);
  });

  it('never bars a leg that has not ended', () => {
    expect(isTimeBarred(null, d('2030-01-01'))).toBe(false);
  });

  it('adds months to any date and lands in the right month (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 36 }), (y, m, day, n) => {
      const start = `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}` as IsoDate;
      const out = addMonths(start, n);
      const months = (Number(out.slice(0, 4)) - y) * 12 + Number(out.slice(5, 7)) - m;
      return months === n && out.slice(8) === start.slice(8);
    }));
  });
});

describe('what an incident and its resolution need', () => {
  it('lists the problems of a report', () => {
    expect(incidentProblems({ kind: 'lost', description: 'mất', reportedBy: 'A', reporterPhone: '12345' }).map((p) => p.path)).toEqual(['description', 'reportedBy', 'reporterPhone']);
    expect(incidentProblems({ kind: 'damaged', description: 'Bì thư rách, mất niêm phong khi đến UBND xã', reportedBy: 'Trần Thị Nhận', reporterPhone: '0912 345 678' })).toEqual([]);
  });

  it('asks a positive whole amount and a recipient of a compensation', () => {
    expect(resolutionProblems({ resolution: 'Đã bồi thường theo quy định', compensation: { amountVnd: 0, recipientName: '', paymentMethod: 'cash' } }).map((p) => p.path))
      .toEqual(['compensation/amountVnd', 'compensation/recipientName']);
    expect(resolutionProblems({ resolution: 'Đã bồi thường theo quy định', compensation: { amountVnd: 100_000_001, recipientName: 'Nguyễn Văn An', paymentMethod: 'cash' } }).map((p) => p.path))
      .toEqual(['compensation/amountVnd']);
    expect(resolutionProblems({ resolution: 'Đã bồi thường theo quy định', compensation: { amountVnd: 150_000, recipientName: 'Nguyễn Văn An', paymentMethod: 'transfer' } })).toEqual([]);
    expect(resolutionProblems({ resolution: 'ok' }).map((p) => p.path)).toEqual(['resolution']);
  });

  it('numbers a compensation record per post office and year', () => {
    expect(formatCompensationNumber(2026, 7)).toBe('0007/BT-2026');
  });
});
