/**
 * TEST HELPER — the due-date table, shared by deadlines.test.ts and tz.test.ts (which re-runs it
 * under other server time zones). Each row reads as a domain expert would check it.
 * Times are Vietnam wall-clock time.
 */
import { formatVnInstant, parseInstant, type EpochMs } from './civil-date';
import type { DeadlineRules, Duration } from './deadlines';
import { WorkCalendar } from './work-calendar';
import { OFFICIAL_SCHEDULES } from './schedules';

export const testCalendar = new WorkCalendar({ fromYear: 2023, toYear: 2028, schedules: OFFICIAL_SCHEDULES });

/** '2025-04-25 10:00' (Vietnam time) → instant */
export function vn(text: string): EpochMs {
  const at = parseInstant(`${text.replace(' ', 'T')}+07:00`);
  if (at === null) throw new Error(`bad test time ${text}`);
  return at;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** instant → 'Sat 2025-04-26 10:00' */
export function show(at: EpochMs): string {
  const iso = formatVnInstant(at);
  const weekday = WEEKDAYS[new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay()] ?? '?';
  return `${weekday} ${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export interface DueCase {
  readonly name: string;
  readonly received: string;
  readonly duration: Duration;
  readonly rules?: DeadlineRules;
  readonly due: string;
}

const wd = (value: number): Duration => ({ value, unit: 'working_days' });
const wh = (value: number): Duration => ({ value, unit: 'working_hours' });
const cd = (value: number): Duration => ({ value, unit: 'calendar_days' });

export const DUE_CASES: readonly DueCase[] = [
  // working days: 1 day = 8 working hours, walked through working periods
  { name: 'plain week', received: '2025-03-03 10:00', duration: wd(3), due: 'Thu 2025-03-06 10:00' },
  { name: 'received Saturday counts from Monday 07:00', received: '2025-03-08 09:00', duration: wd(1), due: 'Mon 2025-03-10 17:00' },
  { name: 'received Friday after hours', received: '2025-03-07 17:30', duration: wd(1), due: 'Mon 2025-03-10 17:00' },
  { name: 'received before opening', received: '2025-03-03 06:00', duration: wd(1), due: 'Mon 2025-03-03 17:00' },
  { name: 'received in the lunch break (walk ends at a period end)', received: '2025-03-03 12:15', duration: wd(1), due: 'Tue 2025-03-04 11:30' },
  { name: 'half a working day', received: '2025-03-03 07:00', duration: wd(0.5), due: 'Mon 2025-03-03 11:00' },
  { name: 'weekend in the middle', received: '2025-03-06 09:00', duration: wd(2), due: 'Mon 2025-03-10 09:00' },
  // Tết
  { name: 'Tết 2025 (Sat 25 Jan – Sun 2 Feb off)', received: '2025-01-24 10:00', duration: wd(5), due: 'Fri 2025-02-07 10:00' },
  { name: 'Tết 2025 in hours', received: '2025-01-24 14:00', duration: wh(8), due: 'Mon 2025-02-03 14:00' },
  { name: 'Tết 2024 (Thu 8 – Wed 14 Feb off)', received: '2024-02-07 14:00', duration: wd(2), due: 'Fri 2024-02-16 14:00' },
  { name: 'received during Tết 2024', received: '2024-02-12 10:00', duration: wd(1), due: 'Thu 2024-02-15 17:00' },
  // swaps
  { name: '2025 swap: Sat 26 Apr is a make-up working day', received: '2025-04-25 10:00', duration: wd(1), due: 'Sat 2025-04-26 10:00' },
  { name: '2025 received on the make-up Saturday', received: '2025-04-26 10:00', duration: wd(1), due: 'Mon 2025-04-28 10:00' },
  { name: '2025 30/4 – 2/5 off, then the weekend', received: '2025-04-29 10:00', duration: wd(1), due: 'Mon 2025-05-05 10:00' },
  { name: '2024 swap: Mon 29 Apr off', received: '2024-04-26 09:00', duration: wd(1), due: 'Thu 2024-05-02 09:00' },
  { name: '2024 swap: Sat 4 May worked', received: '2024-05-03 09:00', duration: wd(1), due: 'Sat 2024-05-04 09:00' },
  { name: '2024 National Day 2–3 Sep', received: '2024-08-30 16:00', duration: wd(1), due: 'Wed 2024-09-04 16:00' },
  { name: '2025 National Day 1–2 Sep', received: '2025-08-29 08:00', duration: wd(2), due: 'Thu 2025-09-04 08:00' },
  // statutory (provisional) year
  { name: 'Hùng Kings 2026: Sun 26 Apr → Mon 27 Apr off', received: '2026-04-24 10:00', duration: wd(1), due: 'Tue 2026-04-28 10:00' },
  // working hours and the lunch break
  { name: 'lunch break: 11:00 + 1 h = 13:30 + 0:30', received: '2025-03-03 11:00', duration: wh(1), due: 'Mon 2025-03-03 14:00' },
  { name: 'ends exactly at the end of a period', received: '2025-03-03 10:00', duration: wh(1.5), due: 'Mon 2025-03-03 11:30' },
  { name: 'hours over a weekend', received: '2025-03-07 14:00', duration: wh(4), due: 'Mon 2025-03-10 08:00' },
  // cut-off
  { name: 'hours: received after the 15:00 cut-off', received: '2025-03-03 15:30', duration: wh(2), due: 'Tue 2025-03-04 09:00' },
  { name: 'hours: received at 15:00 exactly is before the cut-off', received: '2025-03-03 15:00', duration: wh(2), due: 'Mon 2025-03-03 17:00' },
  { name: 'hours: cut-off disabled', received: '2025-03-03 15:30', duration: wh(2), rules: { cutoff: null }, due: 'Tue 2025-03-04 07:30' },
  { name: 'hours: same-day procedure after the cut-off', received: '2025-03-07 16:00', duration: wh(8), due: 'Mon 2025-03-10 17:00' },
  { name: 'days: no cut-off by default', received: '2025-03-03 15:30', duration: wd(1), due: 'Tue 2025-03-04 15:30' },
  { name: 'days: per-procedure cut-off 15:00', received: '2025-03-03 15:30', duration: wd(1), rules: { cutoff: '15:00' }, due: 'Tue 2025-03-04 17:00' },
  { name: 'days: cut-off 16:00, received 15:30', received: '2025-03-03 15:30', duration: wd(1), rules: { cutoff: '16:00' }, due: 'Tue 2025-03-04 15:30' },
  { name: 'cut-off before Tết 2025', received: '2025-01-24 15:10', duration: wh(1), due: 'Mon 2025-02-03 08:00' },
  // calendar days: end of the working day N days later, or of the next working day
  { name: 'calendar days on a working day', received: '2025-03-03 10:00', duration: cd(3), due: 'Thu 2025-03-06 17:00' },
  { name: 'calendar days ending on a Saturday', received: '2025-03-03 10:00', duration: cd(5), due: 'Mon 2025-03-10 17:00' },
  { name: 'calendar days ending in Tết 2025', received: '2025-01-20 10:00', duration: cd(10), due: 'Mon 2025-02-03 17:00' },
  { name: 'calendar days with a cut-off', received: '2025-03-03 16:00', duration: cd(3), rules: { cutoff: '15:00' }, due: 'Fri 2025-03-07 17:00' },
];
