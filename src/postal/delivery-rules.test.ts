import { describe, expect, it } from 'vitest';
import { buildWorkCalendar, OFFICIAL_SCHEDULES } from '../calendar';
import { returnToAgencyProblem, workingDaysBetween } from './delivery-rules';
import type { IsoDate } from '../shared/civil-date';

const calendar = buildWorkCalendar({ fromYear: 2024, toYear: 2026, schedules: OFFICIAL_SCHEDULES });
const d = (s: string) => s as IsoDate;

describe('return of an undeliverable result to the agency (QĐ 45 art. 10)', () => {
  it('counts working days after the first date up to the second', () => {
    expect(workingDaysBetween(d('2026-12-07'), d('2026-12-09'), calendar)).toBe(2); // Mon → Wed
    expect(workingDaysBetween(d('2026-12-11'), d('2026-12-14'), calendar)).toBe(1); // Fri → Mon
    expect(workingDaysBetween(d('2026-12-11'), d('2026-12-15'), calendar)).toBe(2); // Fri → Tue
    // 30/04 and 01/05/2026 are holidays (Thu, Fri): Wed 29/04 → Mon 04/05 is one working day
    expect(workingDaysBetween(d('2026-04-29'), d('2026-05-04'), calendar)).toBe(1);
  });

  it('needs two failed attempts at least two working days apart', () => {
    expect(returnToAgencyProblem(['2026-12-07T14:00:00+07:00'], calendar)).toContain('ít nhất 2 lần');
    expect(returnToAgencyProblem(['2026-12-07T09:00:00+07:00', '2026-12-08T16:00:00+07:00'], calendar)).toContain('2 ngày làm việc');
    expect(returnToAgencyProblem(['2026-12-07T09:00:00+07:00', '2026-12-09T08:00:00+07:00'], calendar)).toBeNull();
    // Friday then Monday: only one working day apart, the weekend does not count
    expect(returnToAgencyProblem(['2026-12-11T09:00:00+07:00', '2026-12-14T09:00:00+07:00'], calendar)).not.toBeNull();
    // the order the attempts are given in does not matter; a third attempt in between neither
    expect(returnToAgencyProblem(['2026-12-09T08:00:00+07:00', '2026-12-08T10:00:00+07:00', '2026-12-07T09:00:00+07:00'], calendar)).toBeNull();
    // Vietnam dates: 23:30 UTC on 6/12 is already Monday 7/12 in Vietnam
    expect(returnToAgencyProblem(['2026-12-06T23:30:00Z', '2026-12-08T10:00:00+07:00'], calendar)).not.toBeNull();
  });
});
