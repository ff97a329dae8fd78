// The one definition of overdue and at risk (issue 9 §2), on concrete times.
import { describe, expect, it } from 'vitest';
import { isAtRisk, isClockRunning, isOverdue, type ClockRow } from './overdue';

const due = new Date('2026-03-09T10:00:00Z'); // 17:00 on Monday 09/03/2026, Vietnam time
const row = (over: Partial<ClockRow> = {}): ClockRow => ({ status: 'processing', due_at: due, finished_at: null, ...over });
const at = (iso: string) => new Date(iso);
const horizon = at('2026-03-10T10:00:00Z');

describe('overdue and at risk', () => {
  it('a running clock is overdue one minute after its due time, not at the due instant', () => {
    expect(isOverdue(row(), at('2026-03-09T10:00:00Z'))).toBe(false);
    expect(isOverdue(row(), at('2026-03-09T10:01:00Z'))).toBe(true);
    expect(isOverdue(row({ status: 'received' }), at('2026-03-12T00:00:00Z'))).toBe(true);
    expect(isOverdue(row({ status: 'awaitingPayment' }), at('2026-03-12T00:00:00Z'))).toBe(true);
  });

  it('no clock runs while a supplement is awaited, nor once finished', () => {
    expect(isClockRunning('awaitingSupplement')).toBe(false);
    expect(isOverdue(row({ status: 'awaitingSupplement' }), at('2026-04-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(row({ status: 'resultReady', finished_at: at('2026-03-10T00:00:00Z') }), at('2026-04-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(row({ due_at: null }), at('2026-04-01T00:00:00Z'))).toBe(false);
  });

  it('at risk from now to the horizon, both ends included; never both at risk and overdue', () => {
    const now = at('2026-03-09T03:00:00Z');
    expect(isAtRisk(row(), now, horizon)).toBe(true);
    expect(isAtRisk(row({ due_at: horizon }), now, horizon)).toBe(true);
    expect(isAtRisk(row({ due_at: at('2026-03-10T10:00:01Z') }), now, horizon)).toBe(false);
    expect(isAtRisk(row(), due, horizon)).toBe(true);
    const later = at('2026-03-09T10:00:01Z');
    expect(isAtRisk(row(), later, horizon)).toBe(false);
    expect(isOverdue(row(), later)).toBe(true);
    expect(isAtRisk(row({ status: 'awaitingSupplement' }), now, horizon)).toBe(false);
  });
});
