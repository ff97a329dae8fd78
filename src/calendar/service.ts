/**
 * Use cases of the working calendar: read a year for the calendar view, save a new version of
 * a year's schedule, import schedules from JSON, list the versions of a year, compute a due time
 * with the schedules in force.
 */
import { sql, type Transaction } from 'kysely';
import { assertSystemAdmin } from '../accounts/policy';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { unauthenticated, validationFailed, type ErrorDetail } from '../platform/errors';
import {
  addDays,
  dayNumberOf,
  formatVnInstant,
  isoDateFromYmd,
  parseHhMm,
  parseInstant,
  parseIsoDate,
  weekdayOf,
  type IsoDate,
  type Weekday,
} from './civil-date';
import { computeDueAt, type DeadlineRules, type DurationUnit } from './deadlines';
import { holidaysForYear, parseYearSchedule, type DatedReason, type YearSchedule } from './holidays';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, solarToLunar, type LunarDate } from './lunar';
import {
  OFFICIAL_VERSION,
  calendarVersionTag,
  loadWorkCalendar,
  newestStoredSchedules,
  officialSchedule,
  storedVersions,
  type ScheduleVersion,
  type StoredSchedule,
} from './store';

/** Years the calendar can hold (the lunar calendar's range). */
export const MIN_YEAR = LUNAR_MIN_YEAR;
export const MAX_YEAR = LUNAR_MAX_YEAR;
const MAX_SOURCE_LENGTH = 500;
const MAX_REASON_LENGTH = 200;
const MAX_NOTE_LENGTH = 1000;
const MAX_IMPORT_ITEMS = 50;

export type DayKind = 'workday' | 'weekend' | 'dayOff' | 'makeUp';

export interface CalendarDayView {
  readonly date: IsoDate;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: Weekday;
  readonly isWorkingDay: boolean;
  readonly kind: DayKind;
  /** why the day is off or worked (null for ordinary days) */
  readonly reason: string | null;
  readonly lunar: LunarDate;
}

export interface CalendarYearView {
  readonly year: number;
  /** true when no official schedule exists and the statutory rule was applied ("tạm tính") */
  readonly provisional: boolean;
  readonly source: string;
  readonly version: ScheduleVersion;
  readonly versionTag: string;
  readonly note: string | null;
  readonly daysOff: DatedReason[];
  readonly makeUpDays: DatedReason[];
  readonly days: CalendarDayView[];
}

export interface ScheduleVersionView {
  readonly year: number;
  readonly version: number;
  /** 'stored': saved by an administrator; 'official': shipped with the code (version 1) */
  readonly origin: 'stored' | 'official';
  readonly inForce: boolean;
  readonly source: string;
  readonly note: string | null;
  readonly daysOff: DatedReason[];
  readonly makeUpDays: DatedReason[];
  /** ISO 8601, null for the shipped schedule */
  readonly createdAt: string | null;
  readonly createdByName: string | null;
}

export interface ScheduleInput {
  readonly source: string;
  readonly daysOff: readonly { readonly date: string; readonly reason: string }[];
  readonly makeUpDays: readonly { readonly date: string; readonly reason: string }[];
  readonly note?: string | null;
}

export interface DueInput {
  /** ISO 8601 instant; without an offset it is Vietnam time */
  readonly received: string;
  readonly duration: number;
  readonly unit: DurationUnit;
  /** 'HH:MM', or 'none' for no cut-off; absent: the default of the unit */
  readonly cutoff?: string;
}

export interface DueView {
  readonly receivedAt: string;
  readonly dueAt: string;
  readonly duration: { readonly value: number; readonly unit: DurationUnit };
  readonly provisional: boolean;
  readonly versionTag: string;
}

function requireSignedIn(ctx: ServiceContext): void {
  if (!ctx.actor) throw unauthenticated('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw validationFailed('INVALID_YEAR', `Năm phải trong khoảng ${MIN_YEAR}–${MAX_YEAR}.`, [{ path: 'year', message: String(year) }]);
  }
}

const isWeekend = (date: IsoDate): boolean => {
  const weekday = weekdayOf(dayNumberOf(date));
  return weekday === 0 || weekday === 6;
};

/** The days of a year for the calendar view: working or not, why, and the lunar date. */
export async function getYear(ctx: ServiceContext, year: number): Promise<CalendarYearView> {
  requireSignedIn(ctx);
  assertYear(year);
  const { calendar, versions } = await loadWorkCalendar(ctx.db, { fromYear: year, toYear: year });
  const version = versions[year] ?? 'statutory';
  const stored = typeof version === 'number' ? (await newestStoredSchedules(ctx.db, { fromYear: year, toYear: year }))[0] : undefined;
  const schedules: YearSchedule[] = stored ? [stored] : [];
  const holidays = holidaysForYear(year, stored ? schedules : [officialSchedule(year)].filter((s): s is YearSchedule => s !== undefined));
  const offReason = new Map(holidays.daysOff.map((d) => [d.date, d.reason]));
  const makeUpReason = new Map(holidays.makeUpDays.map((d) => [d.date, d.reason]));
  const days: CalendarDayView[] = [];
  const last = isoDateFromYmd(year, 12, 31);
  for (let date = isoDateFromYmd(year, 1, 1); date <= last; date = addDays(date, 1)) {
    const weekend = isWeekend(date);
    const isWorkingDay = calendar.isWorkingDay(date);
    const off = offReason.get(date);
    const makeUp = makeUpReason.get(date);
    const kind: DayKind = makeUp !== undefined ? 'makeUp' : off !== undefined ? 'dayOff' : weekend ? 'weekend' : 'workday';
    days.push({
      date,
      weekday: weekdayOf(dayNumberOf(date)),
      isWorkingDay,
      kind,
      reason: makeUp ?? off ?? null,
      lunar: solarToLunar(date),
    });
  }
  return {
    year,
    provisional: holidays.provisional,
    source: holidays.source,
    version,
    versionTag: calendarVersionTag(versions),
    note: stored?.note ?? null,
    daysOff: [...holidays.daysOff],
    makeUpDays: [...holidays.makeUpDays],
    days,
  };
}

/** Every version of a year, newest first, the one in force marked. */
export async function listVersions(ctx: ServiceContext, year: number): Promise<ScheduleVersionView[]> {
  requireSignedIn(ctx);
  assertYear(year);
  const stored = await storedVersions(ctx.db, year);
  const views: ScheduleVersionView[] = stored.map((s, i) => storedView(s, i === 0));
  const official = officialSchedule(year);
  if (official && !stored.some((s) => s.version === OFFICIAL_VERSION)) {
    views.push({
      year, version: OFFICIAL_VERSION, origin: 'official', inForce: stored.length === 0, source: official.source, note: null,
      daysOff: [...official.daysOff], makeUpDays: [...official.makeUpDays], createdAt: null, createdByName: null,
    });
  }
  return views;
}

function storedView(s: StoredSchedule, inForce: boolean): ScheduleVersionView {
  return {
    year: s.year, version: s.version, origin: 'stored', inForce, source: s.source, note: s.note,
    daysOff: [...s.daysOff], makeUpDays: [...s.makeUpDays], createdAt: s.createdAt.toISOString(), createdByName: s.createdByName,
  };
}

interface ValidSchedule extends YearSchedule {
  readonly note: string | null;
}

/**
 * Checks schedule data entered by staff or imported: the shape, dates inside the year, no date
 * twice, make-up days on a Saturday or Sunday, no day both off and worked. A day off on a
 * weekend is accepted: official notices list the whole break (Tết 2025 runs Sat 25/01 – Sun
 * 02/02) and marking a weekend off changes nothing. Problems carry the path of the field.
 */
export function validateSchedule(input: unknown, prefix = ''): { ok: true; value: ValidSchedule } | { ok: false; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const problem = (field: string, message: string) => problems.push({ path: at(field), message });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: prefix || '(gốc)', message: 'lịch nghỉ phải là một đối tượng' }] };
  }
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!['year', 'source', 'daysOff', 'makeUpDays', 'note'].includes(key)) problem(key, 'trường không được phép');
  }
  const year = record['year'];
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    problem('year', `năm phải là số nguyên trong khoảng ${MIN_YEAR}–${MAX_YEAR}`);
  }
  const source = record['source'];
  if (typeof source !== 'string' || source.trim().length === 0) problem('source', 'thiếu văn bản nguồn');
  else if (source.length > MAX_SOURCE_LENGTH) problem('source', `văn bản nguồn dài quá ${MAX_SOURCE_LENGTH} ký tự`);
  const note = record['note'];
  if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH)) {
    problem('note', `ghi chú phải là chuỗi tối đa ${MAX_NOTE_LENGTH} ký tự`);
  }
  const validYear = typeof year === 'number' && Number.isInteger(year) ? year : null;
  const seen = new Map<string, string>();
  const readList = (field: 'daysOff' | 'makeUpDays'): DatedReason[] => {
    const value = record[field];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problem(field, 'phải là một danh sách');
      return [];
    }
    if (value.length > 366) problem(field, 'quá nhiều ngày');
    const list: DatedReason[] = [];
    (value as unknown[]).forEach((item, index) => {
      const itemPath = `${field}[${index}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        problem(itemPath, 'mục phải có date và reason');
        return;
      }
      const entry = item as Record<string, unknown>;
      for (const key of Object.keys(entry)) if (key !== 'date' && key !== 'reason') problem(`${itemPath}.${key}`, 'trường không được phép');
      const date = typeof entry['date'] === 'string' ? parseIsoDate(entry['date']) : null;
      const reason = entry['reason'];
      if (!date) problem(`${itemPath}.date`, `ngày không hợp lệ: ${String(entry['date'])}`);
      if (typeof reason !== 'string' || reason.trim().length === 0) problem(`${itemPath}.reason`, 'thiếu lý do');
      else if (reason.length > MAX_REASON_LENGTH) problem(`${itemPath}.reason`, `lý do dài quá ${MAX_REASON_LENGTH} ký tự`);
      if (!date) return;
      if (validYear !== null && Number(date.slice(0, 4)) !== validYear) problem(`${itemPath}.date`, `ngày ${date} không thuộc năm ${validYear}`);
      const earlier = seen.get(date);
      if (earlier !== undefined) {
        problem(`${itemPath}.date`, earlier.startsWith(field)
          ? `ngày ${date} bị lặp lại`
          : `ngày ${date} không thể vừa là ngày nghỉ vừa là ngày làm bù`);
      }
      seen.set(date, itemPath);
      if (field === 'makeUpDays' && !isWeekend(date)) problem(`${itemPath}.date`, `ngày làm bù ${date} phải là thứ Bảy hoặc Chủ nhật`);
      if (typeof reason === 'string' && reason.trim().length > 0) list.push({ date, reason: reason.trim() });
    });
    return list.sort((a, b) => a.date.localeCompare(b.date));
  };
  const daysOff = readList('daysOff');
  const makeUpDays = readList('makeUpDays');
  if (problems.length > 0) return { ok: false, problems };
  const parsed = parseYearSchedule({ year, source: (source as string).trim(), daysOff, makeUpDays });
  if (!parsed.ok) return { ok: false, problems: [{ path: prefix || '(gốc)', message: parsed.error.message }] };
  const trimmedNote = typeof note === 'string' && note.trim().length > 0 ? note.trim() : null;
  return { ok: true, value: { ...parsed.value, note: trimmedNote } };
}

function invalid(problems: readonly ErrorDetail[]): never {
  const first = problems[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : '';
  throw validationFailed('INVALID_SCHEDULE', `Lịch nghỉ không hợp lệ${summary ? ` (${summary})` : ''}.`, problems.slice(0, 50));
}

const LOCK_NAMESPACE = 7_340_222; // arbitrary, constant: "motcua calendar versions"

type Tx = Transaction<DB>;

/** Inserts the next version of a year (under a per-year lock) and its audit entry. */
async function insertVersion(trx: Tx, ctx: ServiceContext, schedule: ValidSchedule, action: string): Promise<StoredSchedule> {
  await sql`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${schedule.year})`.execute(trx);
  const max = await trx.selectFrom('calendar_schedules').select((eb) => eb.fn.max<number>('version').as('version'))
    .where('year', '=', schedule.year).executeTakeFirst();
  const base = Math.max(max?.version === null || max?.version === undefined ? 0 : Number(max.version), officialSchedule(schedule.year) ? OFFICIAL_VERSION : 0);
  const version = base + 1;
  const at = ctx.clock.now();
  const row = await trx.insertInto('calendar_schedules').values({
    year: schedule.year,
    version,
    source: schedule.source,
    days_off: JSON.stringify(schedule.daysOff),
    make_up_days: JSON.stringify(schedule.makeUpDays),
    note: schedule.note,
    created_at: at,
    created_by: ctx.actor?.userId ?? null,
    created_by_name: ctx.actor?.username ?? null,
  }).returning(['created_at']).executeTakeFirstOrThrow();
  await recordAudit(trx, ctx.actor, {
    action,
    entity: 'calendar_schedule',
    entityKey: `${schedule.year}:v${version}`,
    at,
    payload: { year: schedule.year, version, source: schedule.source, note: schedule.note, daysOff: schedule.daysOff, makeUpDays: schedule.makeUpDays },
  });
  return {
    ...schedule, version, createdAt: row.created_at, createdBy: ctx.actor?.userId ?? null, createdByName: ctx.actor?.username ?? null,
  };
}

/** Saves a new version of a year's schedule; it is in force from now on. Admin only. */
export async function saveSchedule(ctx: ServiceContext, year: number, input: ScheduleInput): Promise<ScheduleVersionView> {
  assertSystemAdmin(ctx.actor, 'calendar.manage');
  assertYear(year);
  const checked = validateSchedule({ ...input, year });
  if (!checked.ok) invalid(checked.problems);
  const saved = await ctx.db.transaction().execute((trx) => insertVersion(trx, ctx, checked.value, 'calendar.schedule.save'));
  return storedView(saved, true);
}

/**
 * Imports yearly schedules (a JSON array of `{ year, source, daysOff, makeUpDays, note? }`),
 * each as a new version of its year. All or nothing; problems name the item and the field.
 */
export async function importSchedules(ctx: ServiceContext, json: unknown): Promise<ScheduleVersionView[]> {
  assertSystemAdmin(ctx.actor, 'calendar.manage');
  if (!Array.isArray(json)) invalid([{ path: '(gốc)', message: 'dữ liệu nhập phải là một danh sách lịch theo năm' }]);
  if (json.length === 0) invalid([{ path: '(gốc)', message: 'danh sách trống' }]);
  if (json.length > MAX_IMPORT_ITEMS) invalid([{ path: '(gốc)', message: `tối đa ${MAX_IMPORT_ITEMS} năm mỗi lần nhập` }]);
  const problems: ErrorDetail[] = [];
  const schedules: ValidSchedule[] = [];
  const years = new Map<number, number>();
  (json as unknown[]).forEach((item, index) => {
    const checked = validateSchedule(item, `[${index}]`);
    if (!checked.ok) {
      problems.push(...checked.problems);
      return;
    }
    const earlier = years.get(checked.value.year);
    if (earlier !== undefined) problems.push({ path: `[${index}].year`, message: `năm ${checked.value.year} đã có ở mục [${earlier}]` });
    years.set(checked.value.year, index);
    schedules.push(checked.value);
  });
  if (problems.length > 0) invalid(problems);
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const out: StoredSchedule[] = [];
    for (const schedule of schedules) out.push(await insertVersion(trx, ctx, schedule, 'calendar.schedule.import'));
    return out;
  });
  return saved.map((s) => storedView(s, true));
}

const MAX_DURATION = { working_days: 365, working_hours: 2920, calendar_days: 730 } as const satisfies Record<DurationUnit, number>;

/** The due time of a dossier received at `received`, with the schedules in force. Public. */
export async function computeDue(ctx: ServiceContext, input: DueInput): Promise<DueView> {
  const problems: ErrorDetail[] = [];
  const receivedAt = parseInstant(input.received);
  if (receivedAt === null) problems.push({ path: 'received', message: `thời điểm không hợp lệ: ${input.received}` });
  if (!(input.duration > 0) || input.duration > MAX_DURATION[input.unit]) {
    problems.push({ path: 'duration', message: `thời hạn phải lớn hơn 0 và không quá ${MAX_DURATION[input.unit]}` });
  }
  if (input.unit === 'calendar_days' && !Number.isInteger(input.duration)) problems.push({ path: 'duration', message: 'số ngày phải là số nguyên' });
  let rules: DeadlineRules | undefined;
  if (input.cutoff === 'none') rules = { cutoff: null };
  else if (input.cutoff !== undefined) {
    if (parseHhMm(input.cutoff) === null) problems.push({ path: 'cutoff', message: `giờ chốt không hợp lệ: ${input.cutoff}` });
    rules = { cutoff: input.cutoff };
  }
  if (receivedAt === null || problems.length > 0) {
    throw validationFailed('INVALID_DUE_REQUEST', 'Yêu cầu tính hạn không hợp lệ.', problems);
  }
  const receivedYear = Number(formatVnInstant(receivedAt).slice(0, 4));
  // 365 working days or 730 calendar days end at most 3 years later.
  const toYear = receivedYear + 3;
  if (receivedYear < MIN_YEAR || toYear > MAX_YEAR) {
    throw validationFailed('INVALID_DUE_REQUEST', `Thời điểm tiếp nhận phải trong khoảng ${MIN_YEAR}–${MAX_YEAR - 3}.`, [{ path: 'received', message: input.received }]);
  }
  const { calendar, versions } = await loadWorkCalendar(ctx.db, { fromYear: receivedYear, toYear });
  const duration = { value: input.duration, unit: input.unit };
  const dueAt = computeDueAt(receivedAt, duration, calendar, rules);
  const dueYear = Number(formatVnInstant(dueAt).slice(0, 4));
  const used: Record<number, ScheduleVersion> = {};
  for (let y = receivedYear; y <= dueYear; y++) used[y] = versions[y] ?? 'statutory';
  return {
    receivedAt: formatVnInstant(receivedAt),
    dueAt: formatVnInstant(dueAt),
    duration,
    provisional: calendar.isProvisionalBetween(receivedAt, dueAt),
    versionTag: calendarVersionTag(used),
  };
}
