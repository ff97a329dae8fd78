/**
 * The working calendar: which days are working days and which minutes are working time.
 *
 * Built once from holiday data for a range of years, then answers in O(1):
 * - `working` (Uint8Array, one byte per civil day of the range): Mon–Fri minus days off, plus
 *   make-up days;
 * - `workingDaysBefore` (cumulative count) and `workingDayList` (day number of the n-th working
 *   day) turn "working time" into a single number line: `workingTimeAt(instant)` is the working
 *   time (ms) elapsed since the start of the range, and `instantAtWorkingTime` inverts it.
 *   Due dates and elapsed time are then plain additions and subtractions on that line.
 *
 * Everything is in Vietnam time (UTC+7), whatever the server's TZ.
 */
import {
  DAY_MS,
  VN_OFFSET_MS,
  dayNumberFromYmd,
  dayNumberOf,
  parseHhMm,
  weekdayOf,
  ymdFromDayNumber,
  type DayNumber,
  type EpochMs,
  type IsoDate,
} from './civil-date';
import { holidaysForYear, type DatedReason, type YearSchedule } from './holidays';

export interface WorkingPeriod {
  /** 'HH:MM', Vietnam time */
  readonly start: string;
  readonly end: string;
}

/** Office hours of an agency or service point (provinces publish their own). */
export interface WorkingHours {
  readonly periods: readonly WorkingPeriod[];
}

export const DEFAULT_WORKING_HOURS = {
  periods: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
} as const satisfies WorkingHours;

export interface WorkCalendarOptions {
  readonly fromYear: number;
  readonly toYear: number;
  readonly schedules: readonly YearSchedule[];
  readonly workingHours?: WorkingHours;
}

const MINUTE_MS = 60_000;

export class WorkCalendar {
  readonly fromYear: number;
  readonly toYear: number;
  readonly workingHours: WorkingHours;
  /** working time in one full working day, ms (8 h with the default hours) */
  readonly dailyWorkingMs: number;
  private readonly firstDay: DayNumber;
  private readonly lastDay: DayNumber;
  private readonly working: Uint8Array;
  private readonly workingDaysBefore: Int32Array;
  private readonly workingDayList: Int32Array;
  private readonly periodStartMs: readonly number[];
  private readonly periodEndMs: readonly number[];
  private readonly provisionalYears: ReadonlySet<number>;
  private readonly reasons: ReadonlyMap<DayNumber, string>;

  constructor(options: WorkCalendarOptions) {
    const { fromYear, toYear } = options;
    if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
      throw new RangeError(`invalid year range ${fromYear}–${toYear}`);
    }
    this.fromYear = fromYear;
    this.toYear = toYear;
    this.workingHours = options.workingHours ?? DEFAULT_WORKING_HOURS;
    const periods = parsePeriods(this.workingHours);
    this.periodStartMs = periods.map((p) => p[0]);
    this.periodEndMs = periods.map((p) => p[1]);
    this.dailyWorkingMs = periods.reduce((sum, [start, end]) => sum + end - start, 0);

    this.firstDay = dayNumberFromYmd(fromYear, 1, 1);
    this.lastDay = dayNumberFromYmd(toYear, 12, 31);
    const size = this.lastDay - this.firstDay + 1;
    this.working = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      const weekday = weekdayOf(this.firstDay + i);
      this.working[i] = weekday === 0 || weekday === 6 ? 0 : 1;
    }
    const provisional = new Set<number>();
    const reasons = new Map<DayNumber, string>();
    const mark = (days: readonly DatedReason[], value: 0 | 1): void => {
      for (const day of days) {
        const index = dayNumberOf(day.date) - this.firstDay;
        if (index >= 0 && index < size) {
          this.working[index] = value;
          reasons.set(index + this.firstDay, day.reason);
        }
      }
    };
    for (let year = fromYear; year <= toYear; year++) {
      const holidays = holidaysForYear(year, options.schedules);
      if (holidays.provisional) provisional.add(year);
      mark(holidays.daysOff, 0);
      mark(holidays.makeUpDays, 1);
    }
    this.provisionalYears = provisional;
    this.reasons = reasons;

    this.workingDaysBefore = new Int32Array(size + 1);
    let count = 0;
    for (let i = 0; i < size; i++) {
      this.workingDaysBefore[i] = count;
      count += this.working[i] ?? 0;
    }
    this.workingDaysBefore[size] = count;
    this.workingDayList = new Int32Array(count);
    for (let i = 0, n = 0; i < size; i++) if (this.working[i] === 1) this.workingDayList[n++] = this.firstDay + i;
  }

  private indexOf(day: DayNumber): number {
    const index = day - this.firstDay;
    if (index < 0 || day > this.lastDay) {
      throw new RangeError(`date outside the working calendar (${this.fromYear}–${this.toYear})`);
    }
    return index;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(dayNumberOf(date));
  }

  isWorkingDayNumber(day: DayNumber): boolean {
    return this.working[this.indexOf(day)] === 1;
  }

  /** The reason a day is off or worked on a Saturday, from the holiday data (null for ordinary days). */
  reasonOf(date: IsoDate): string | null {
    return this.reasons.get(dayNumberOf(date)) ?? null;
  }

  isProvisionalYear(year: number): boolean {
    return this.provisionalYears.has(year);
  }

  /** Whether any year touched by [from, to] uses the statutory rule instead of an official schedule. */
  isProvisionalBetween(from: EpochMs, to: EpochMs): boolean {
    const a = ymdFromDayNumber(Math.floor((Math.min(from, to) + VN_OFFSET_MS) / DAY_MS)).y;
    const b = ymdFromDayNumber(Math.floor((Math.max(from, to) + VN_OFFSET_MS) / DAY_MS)).y;
    for (let y = a; y <= b; y++) if (this.provisionalYears.has(y)) return true;
    return false;
  }

  /** Working time (ms) within one working day up to `msOfDay`. */
  private workedWithinDay(msOfDay: number): number {
    let worked = 0;
    for (let p = 0; p < this.periodStartMs.length; p++) {
      const start = this.periodStartMs[p] ?? 0;
      const end = this.periodEndMs[p] ?? 0;
      if (msOfDay <= start) break;
      worked += (msOfDay < end ? msOfDay : end) - start;
    }
    return worked;
  }

  /** Working time (ms) from the start of the range to `at`; flat outside working time. */
  workingTimeAt(at: EpochMs): number {
    const local = at + VN_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    const index = this.indexOf(day);
    const before = (this.workingDaysBefore[index] ?? 0) * this.dailyWorkingMs;
    return this.working[index] === 1 ? before + this.workedWithinDay(local - day * DAY_MS) : before;
  }

  /** Working time at the start of the first working day after the civil day of `at`. */
  workingTimeAtNextWorkingDayStart(at: EpochMs): number {
    const day = Math.floor((at + VN_OFFSET_MS) / DAY_MS);
    return (this.workingDaysBefore[this.indexOf(day) + 1] ?? 0) * this.dailyWorkingMs;
  }

  /**
   * The earliest instant at which `workingTime` (> 0) has elapsed: a walk that ends exactly at
   * the end of a period ends there (11:30 or 17:00), not at the start of the next one.
   */
  instantAtWorkingTime(workingTime: number): EpochMs {
    if (!(workingTime > 0)) throw new RangeError('working time must be positive');
    const n = Math.ceil(workingTime / this.dailyWorkingMs) - 1;
    const day = this.workingDayList[n];
    if (day === undefined) throw new RangeError(`due date beyond the working calendar (${this.toYear})`);
    let rest = workingTime - n * this.dailyWorkingMs;
    for (let p = 0; p < this.periodStartMs.length; p++) {
      const start = this.periodStartMs[p] ?? 0;
      const length = (this.periodEndMs[p] ?? 0) - start;
      if (rest <= length) return day * DAY_MS + start + rest - VN_OFFSET_MS;
      rest -= length;
    }
    throw new RangeError('unreachable: working time past the last period');
  }

  /** Whether `at` is on a working day, inside a working period (ends included). */
  isWorkingInstant(at: EpochMs): boolean {
    const local = at + VN_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    if (this.working[this.indexOf(day)] !== 1) return false;
    const msOfDay = local - day * DAY_MS;
    for (let p = 0; p < this.periodStartMs.length; p++) {
      if (msOfDay >= (this.periodStartMs[p] ?? 0) && msOfDay <= (this.periodEndMs[p] ?? 0)) return true;
    }
    return false;
  }

  /** The first working day on or after `day`. */
  nextWorkingDayOnOrAfter(day: DayNumber): DayNumber {
    const index = this.indexOf(day);
    const n = this.workingDaysBefore[index] ?? 0;
    const found = this.workingDayList[n];
    if (found === undefined) throw new RangeError(`no working day before the end of ${this.toYear}`);
    return found;
  }

  /** End of the last working period of a civil day, as an instant. */
  endOfWorkingDay(day: DayNumber): EpochMs {
    return day * DAY_MS + (this.periodEndMs[this.periodEndMs.length - 1] ?? 0) - VN_OFFSET_MS;
  }

  get workingMinutesPerDay(): number {
    return this.dailyWorkingMs / MINUTE_MS;
  }
}

function parsePeriods(hours: WorkingHours): [number, number][] {
  const periods: [number, number][] = [];
  let previousEnd = -1;
  for (const period of hours.periods) {
    const start = parseHhMm(period.start);
    const end = parseHhMm(period.end);
    if (start === null || end === null || end <= start || start < previousEnd) {
      throw new RangeError(`invalid working period ${period.start}–${period.end}`);
    }
    previousEnd = end;
    periods.push([start * MINUTE_MS, end * MINUTE_MS]);
  }
  if (periods.length === 0) throw new RangeError('working hours need at least one period');
  return periods;
}

export function buildWorkCalendar(options: WorkCalendarOptions): WorkCalendar {
  return new WorkCalendar(options);
}
