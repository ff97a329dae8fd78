/**
 * Due dates, elapsed working time, supplements, apology and timeliness — all in Vietnam time.
 *
 * Decisions (see README.md):
 * - working_days: 1 working day = one full working day of the calendar's hours (8 h by default,
 *   "thoiGianThucHien / 8"); the clock walks through working periods only.
 * - a receipt outside working time counts from the next period start; a walk ending exactly at
 *   the end of a period ends there (Sat + 1 working day → Mon 17:00).
 * - cut-off: `rules.cutoff` ('HH:MM') per procedure; default 15:00 for durations in
 *   working_hours (how same-day "trong ngày" procedures are stored), none otherwise. A receipt
 *   on a working day after the cut-off counts from the next working day's start (ND 61 art. 18).
 * - calendar_days: the due date is receipt date + N civil days (+1 when received after the
 *   cut-off); due time is the end of that day's working hours (17:00); if that date is not a
 *   working day, the end of the next working day.
 */
import { parseHhMm, vnDayNumberOfInstant, vnMsOfDay, type EpochMs } from './civil-date';
import type { WorkCalendar } from './work-calendar';
import labels from './labels.vi.json';

export type DurationUnit = 'working_days' | 'working_hours' | 'calendar_days';

/** A processing time as published in the procedure record, with its unit (never milliseconds). */
export interface Duration {
  readonly value: number;
  readonly unit: DurationUnit;
}

export interface WorkingDuration extends Duration {
  readonly unit: 'working_days' | 'working_hours';
}

export interface DeadlineRules {
  /** 'HH:MM'; null disables the cut-off. Undefined → default for the unit. */
  readonly cutoff?: string | null;
}

export const DEFAULT_CUTOFF = '15:00';

const DEFAULT_CUTOFF_BY_UNIT = {
  working_hours: DEFAULT_CUTOFF,
  working_days: null,
  calendar_days: null,
} as const satisfies Record<DurationUnit, string | null>;

const MINUTE_MS = 60_000;

/** Parsed cut-offs; the set of distinct 'HH:MM' values is tiny, so this stays small. */
const cutoffCache = new Map<string, number>();

function cutoffMsOf(duration: Duration, rules: DeadlineRules | undefined): number | null {
  const text = rules?.cutoff === undefined ? DEFAULT_CUTOFF_BY_UNIT[duration.unit] : rules.cutoff;
  if (text === null) return null;
  const cached = cutoffCache.get(text);
  if (cached !== undefined) return cached;
  const minutes = parseHhMm(text);
  if (minutes === null) throw new RangeError(`invalid cut-off ${text}`);
  cutoffCache.set(text, minutes * MINUTE_MS);
  return minutes * MINUTE_MS;
}

/** Working time of a working duration in ms, with the calendar's length of a working day. */
function durationMs(duration: WorkingDuration, calendar: WorkCalendar): number {
  return duration.unit === 'working_days' ? duration.value * calendar.dailyWorkingMs : duration.value * 60 * MINUTE_MS;
}

function assertValidDuration(duration: Duration): void {
  if (!Number.isFinite(duration.value) || duration.value < 0) {
    throw new RangeError(`invalid duration ${duration.value}`);
  }
  if (duration.unit === 'calendar_days' && !Number.isInteger(duration.value)) {
    throw new RangeError('calendar_days must be a whole number');
  }
}

function isWorkingDuration(duration: Duration): duration is WorkingDuration {
  return duration.unit === 'working_days' || duration.unit === 'working_hours';
}

/** Whether the cut-off pushes the start of the clock to the next working day. */
function isAfterCutoff(receivedAt: EpochMs, cutoffMs: number | null, calendar: WorkCalendar): boolean {
  return cutoffMs !== null && calendar.isWorkingDayNumber(vnDayNumberOfInstant(receivedAt)) && vnMsOfDay(receivedAt) > cutoffMs;
}

/** Working time (ms on the calendar's line) at which the clock starts for a receipt. */
function clockStart(receivedAt: EpochMs, cutoffMs: number | null, calendar: WorkCalendar): number {
  return isAfterCutoff(receivedAt, cutoffMs, calendar)
    ? calendar.workingTimeAtNextWorkingDayStart(receivedAt)
    : calendar.workingTimeAt(receivedAt);
}

/**
 * Same day ("trong ngày"; also any 0-day duration): received on a working day at or before the
 * cut-off → due that day at closing time; after the cut-off, or on a day off → closing time of
 * the next working day. The cut-off is never ignored: a 0-day case without one uses 15:00
 * (DOMAIN "same day procedures use the cut-off"; ND 23/2015 art. 21 for certified copies).
 */
export function sameDayDueAt(receivedAt: EpochMs, calendar: WorkCalendar, cutoff: string | null = DEFAULT_CUTOFF): EpochMs {
  const cutoffMs = cutoffMsOf({ value: 0, unit: 'working_hours' }, { cutoff: cutoff ?? DEFAULT_CUTOFF }) ?? 0;
  const day = vnDayNumberOfInstant(receivedAt);
  if (calendar.isWorkingDayNumber(day) && vnMsOfDay(receivedAt) <= cutoffMs && receivedAt < calendar.endOfWorkingDay(day)) {
    return calendar.endOfWorkingDay(day);
  }
  return calendar.endOfWorkingDay(calendar.nextWorkingDayOnOrAfter(day + 1));
}

/**
 * Appointment time for the result ("ngày hẹn trả"). A zero duration is a same-day case
 * (`sameDayDueAt`), whatever its unit.
 */
export function computeDueAt(receivedAt: EpochMs, duration: Duration, calendar: WorkCalendar, rules?: DeadlineRules): EpochMs {
  assertValidDuration(duration);
  if (duration.value === 0) return sameDayDueAt(receivedAt, calendar, rules?.cutoff ?? DEFAULT_CUTOFF);
  const cutoffMs = cutoffMsOf(duration, rules);
  if (isWorkingDuration(duration)) {
    return calendar.instantAtWorkingTime(clockStart(receivedAt, cutoffMs, calendar) + durationMs(duration, calendar));
  }
  const startDay = vnDayNumberOfInstant(receivedAt) + (isAfterCutoff(receivedAt, cutoffMs, calendar) ? 1 : 0);
  return calendar.endOfWorkingDay(calendar.nextWorkingDayOnOrAfter(startDay + duration.value));
}

/** Working minutes between two instants (negative when `to` is before `from`). */
export function elapsedWorkingTime(from: EpochMs, to: EpochMs, calendar: WorkCalendar): number {
  return (calendar.workingTimeAt(to) - calendar.workingTimeAt(from)) / MINUTE_MS;
}

/** Signed working minutes left until the due time; negative when overdue (work queues). */
export function remainingWorkingTime(now: EpochMs, dueAt: EpochMs, calendar: WorkCalendar): number {
  return elapsedWorkingTime(now, dueAt, calendar);
}

export type Timeliness = 'early' | 'onTime' | 'late';

/**
 * 'late' if finished after the due time; 'early' if finished on a civil day (UTC+7) before
 * the due day; otherwise 'onTime' (finished on the due day, at or before the due time). The
 * national test is `finishedAt <= dueAt` (F766); early/onTime only splits that set.
 */
export function timeliness(dueAt: EpochMs, finishedAt: EpochMs): Timeliness {
  if (finishedAt > dueAt) return 'late';
  return vnDayNumberOfInstant(finishedAt) < vnDayNumberOfInstant(dueAt) ? 'early' : 'onTime';
}

// ── Supplements ────────────────────────────────────────────────────────────────────────────

/** ND 61 art. 19.4: after a complete supplement the clock restarts from zero. */
export function restartAfterSupplement(
  supplementCompletedAt: EpochMs,
  duration: Duration,
  calendar: WorkCalendar,
  rules?: DeadlineRules,
): EpochMs {
  return computeDueAt(supplementCompletedAt, duration, calendar, rules);
}

export interface SupplementPeriod {
  readonly requestedAt: EpochMs;
  /** null while the applicant has not completed the supplement */
  readonly completedAt: EpochMs | null;
}

export interface IndicatorElapsed {
  /** working minutes from receipt to the end time */
  readonly grossWorkingMinutes: number;
  /** working minutes spent waiting for supplements (subtracted) */
  readonly supplementWorkingMinutes: number;
  readonly netWorkingMinutes: number;
  /** F766: more than one supplement request makes the dossier late */
  readonly lateByRepeatedSupplement: boolean;
  /** set when `allowed` is given: late by repeated supplement or net time over the allowed time */
  readonly late: boolean | null;
}

/**
 * The national indicator method (F766, DOMAIN §6.2 item 2.1): elapsed working time minus the
 * supplement periods; a single pending supplement ends the count at its request time.
 */
export function indicatorElapsed(
  receivedAt: EpochMs,
  finishedAt: EpochMs,
  supplements: readonly SupplementPeriod[],
  calendar: WorkCalendar,
  allowed?: WorkingDuration,
): IndicatorElapsed {
  const pending = supplements.filter((s) => s.completedAt === null);
  const end = pending.length > 0 ? Math.min(finishedAt, ...pending.map((s) => s.requestedAt)) : finishedAt;
  const gross = elapsedWorkingTime(receivedAt, end, calendar);
  let supplementMinutes = 0;
  for (const s of supplements) {
    if (s.completedAt === null) continue;
    const from = Math.max(s.requestedAt, receivedAt);
    const to = Math.min(s.completedAt, end);
    if (to > from) supplementMinutes += elapsedWorkingTime(from, to, calendar);
  }
  const net = gross - supplementMinutes;
  const repeated = supplements.length > 1;
  const late = allowed === undefined ? null : repeated || net > durationMs(allowed, calendar) / MINUTE_MS;
  return { grossWorkingMinutes: gross, supplementWorkingMinutes: supplementMinutes, netWorkingMinutes: net, lateByRepeatedSupplement: repeated, late };
}

// ── Apology and new appointment (ND 61 art. 19.9) ──────────────────────────────────────────

export interface DossierDeadline {
  readonly dueAt: EpochMs;
  /** the due time before the apology; timeliness is judged against it */
  readonly originalDueAt: EpochMs | null;
  readonly apologizedAt: EpochMs | null;
}

export type ApologyErrorCode =
  | 'APOLOGY_ALREADY_USED'
  | 'APOLOGY_NOT_LATER'
  | 'APOLOGY_NOT_WORKING_TIME';

export interface ApologyError {
  readonly code: ApologyErrorCode;
  /** Vietnamese, shown to staff */
  readonly message: string;
}

export type ApologyResult =
  /** `late`: issued after art. 19.9's point (less than one working day before the due time) */
  | { readonly ok: true; readonly deadline: DossierDeadline; readonly late: boolean }
  | { readonly ok: false; readonly error: ApologyError };

const APOLOGY_MESSAGES = labels.apologyError satisfies Record<ApologyErrorCode, string>;

function apologyError(code: ApologyErrorCode): ApologyResult {
  return { ok: false, error: { code, message: APOLOGY_MESSAGES[code] } };
}

export function newDossierDeadline(dueAt: EpochMs): DossierDeadline {
  return { dueAt, originalDueAt: null, apologizedAt: null };
}

/**
 * Moves the due time once (ND 61 art. 19.9). The letter must reach the one-stop "at least one
 * day before" the due time, measured as one full working day (8 working hours by default) of
 * working time left between `at` and the current due time. Past that point — even after the due
 * time — the letter is still owed to the applicant, so it is issued and marked `late: true`
 * (outside art. 19.9; motcua's decision, DOMAIN §3.2); timeliness stays judged against the
 * original due time, so such a dossier counts late.
 */
export function applyApology(deadline: DossierDeadline, newDueAt: EpochMs, at: EpochMs, calendar: WorkCalendar): ApologyResult {
  if (deadline.apologizedAt !== null) return apologyError('APOLOGY_ALREADY_USED');
  if (newDueAt <= deadline.dueAt) return apologyError('APOLOGY_NOT_LATER');
  if (!calendar.isWorkingInstant(newDueAt)) return apologyError('APOLOGY_NOT_WORKING_TIME');
  const late = calendar.workingTimeAt(deadline.dueAt) - calendar.workingTimeAt(at) < calendar.dailyWorkingMs;
  return { ok: true, deadline: { dueAt: newDueAt, originalDueAt: deadline.dueAt, apologizedAt: at }, late };
}

/** Timeliness of a dossier: always against the original due time, even after an apology. */
export function dossierTimeliness(deadline: DossierDeadline, finishedAt: EpochMs): Timeliness {
  return timeliness(deadline.originalDueAt ?? deadline.dueAt, finishedAt);
}

