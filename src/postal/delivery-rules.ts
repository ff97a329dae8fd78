// When an undeliverable result goes back to the agency (QĐ 45/2016/QĐ-TTg art. 10; TT 17/2017/
// TT-BTTTT art. 5.2; DOMAIN §5.2 step 11): after at least two delivery invitations, two working
// days apart. Pure: the attempts' instants and the working calendar are arguments.
import type { WorkCalendar } from '../calendar';
import { addDays, dayNumberOf, vnDateOfInstant, type IsoDate } from '../shared/civil-date';

export const MIN_FAILED_ATTEMPTS = 2;
export const MIN_WORKING_DAYS_APART = 2;

/** Working days after `from` up to and including `to` (Vietnam dates): Monday → Wednesday is 2. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: Pick<WorkCalendar, 'isWorkingDay'>): number {
  let n = 0;
  for (let d = addDays(from, 1); dayNumberOf(d) <= dayNumberOf(to); d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n += 1;
  return n;
}

/**
 * Null when the result may go back to the agency: two failed attempts whose Vietnam dates are at
 * least two working days apart (the first and the latest attempt count); else why not, in Vietnamese.
 */
export function returnToAgencyProblem(failedAttempts: readonly string[], calendar: Pick<WorkCalendar, 'isWorkingDay'>): string | null {
  const days = failedAttempts.map((a) => vnDateOfInstant(Date.parse(a))).sort();
  const first = days[0];
  const last = days[days.length - 1];
  if (days.length < MIN_FAILED_ATTEMPTS || first === undefined || last === undefined) {
    return `Cần ít nhất ${MIN_FAILED_ATTEMPTS} lần phát không thành công trước khi trả lại cơ quan.`;
  }
  if (workingDaysBetween(first, last, calendar) < MIN_WORKING_DAYS_APART) {
    return `Hai lần phát phải cách nhau ít nhất ${MIN_WORKING_DAYS_APART} ngày làm việc.`;
  }
  return null;
}
