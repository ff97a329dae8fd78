/**
 * Days off and make-up working days for public servants.
 *
 * Two sources, in order:
 * 1. the official yearly schedule (`YearSchedule`), entered as data from each year's notice —
 *    software cannot derive the swaps the government decides (DOMAIN §7.2);
 * 2. otherwise the statutory rules, marked `provisional: true`. The rules are DATA with their
 *    validity dates (`statutory-holidays.json`, read by `statutory-rules.ts`): today Bộ luật Lao
 *    động 2019 art. 112 (1/1; 5 days of Tết from the last day of the lunar year; 10/3 lunar;
 *    30/4; 1/5; 2/9 plus one adjacent day by weekday), and art. 111.3: a holiday on a Saturday
 *    or Sunday gives the next working day off (nghỉ bù).
 */
import { addDays, dayNumberOf, parseIsoDate, weekdayOf, type IsoDate } from './civil-date';
import { STATUTORY_RULES, daysOfRule } from './statutory-rules';
import labels from './labels.vi.json';

export interface DatedReason {
  readonly date: IsoDate;
  /** Vietnamese text shown to users, e.g. "Tết Nguyên đán" */
  readonly reason: string;
}

export interface YearSchedule {
  readonly year: number;
  /** the document the schedule comes from */
  readonly source: string;
  readonly daysOff: readonly DatedReason[];
  readonly makeUpDays: readonly DatedReason[];
  /** the official documents, one entry each (shipped schedules); `source` summarises them */
  readonly sources?: readonly ScheduleSource[];
}

export interface ScheduleSource {
  readonly document: string;
  readonly issuer: string;
  readonly issuedOn: string;
  /** which days the document decides */
  readonly covers: string;
  /** where the text or a report of it was read */
  readonly reportedBy?: string;
}

export interface YearHolidays extends YearSchedule {
  /** true when no official schedule was loaded and the statutory rule was applied */
  readonly provisional: boolean;
}

export const REASONS = labels.holidayReason satisfies Record<string, string>;

export const STATUTORY_SOURCE =
  'Bộ luật Lao động 45/2019/QH14, Điều 112 và 111.3 (tính tự động theo statutory-holidays.json, chưa có thông báo chính thức)';

function isWeekend(date: IsoDate): boolean {
  const weekday = weekdayOf(dayNumberOf(date));
  return weekday === 0 || weekday === 6;
}

/** Statutory holidays of a year (the rules in force on each anchor day), before substitute days. */
export function statutoryHolidays(year: number): DatedReason[] {
  const days: DatedReason[] = [];
  for (const rule of STATUTORY_RULES.rules) {
    for (const date of daysOfRule(rule, year)) days.push({ date, reason: rule.reason });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** Art. 111.3: each holiday on a weekend gives the next weekday that is not already off. */
export function substituteDaysOff(holidays: readonly DatedReason[]): DatedReason[] {
  const taken = new Set<string>(holidays.map((h) => h.date));
  const substitutes: DatedReason[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let candidate = addDays(holiday.date, 1);
    while (isWeekend(candidate) || taken.has(candidate)) candidate = addDays(candidate, 1);
    taken.add(candidate);
    substitutes.push({ date: candidate, reason: `${STATUTORY_RULES.substituteReasonPrefix} ${holiday.reason}` });
  }
  return substitutes;
}

/** The official schedule of `year` if loaded, else the statutory rule (provisional). */
export function holidaysForYear(year: number, schedules: readonly YearSchedule[]): YearHolidays {
  const official = schedules.find((s) => s.year === year);
  if (official) {
    return { ...official, provisional: false };
  }
  const holidays = statutoryHolidays(year);
  const daysOff = [...holidays, ...substituteDaysOff(holidays)].sort((a, b) => a.date.localeCompare(b.date));
  return { year, source: STATUTORY_SOURCE, provisional: true, daysOff, makeUpDays: [] };
}

export type ScheduleProblem = { readonly code: 'INVALID_SCHEDULE'; readonly message: string };

function parseSources(value: unknown): ScheduleSource[] | string {
  if (!Array.isArray(value)) return 'danh sách văn bản nguồn không hợp lệ';
  const out: ScheduleSource[] = [];
  for (const item of value as unknown[]) {
    const entry = (item ?? {}) as Record<string, unknown>;
    const text = (key: string): string | null => (typeof entry[key] === 'string' && entry[key] !== '' ? (entry[key] as string) : null);
    const document = text('document');
    const issuer = text('issuer');
    const issuedOn = text('issuedOn');
    const covers = text('covers');
    if (!document || !issuer || !issuedOn || !parseIsoDate(issuedOn) || !covers) return 'văn bản nguồn thiếu số hiệu, cơ quan ban hành, ngày ban hành hoặc nội dung';
    const reportedBy = text('reportedBy');
    out.push(reportedBy ? { document, issuer, issuedOn, covers, reportedBy } : { document, issuer, issuedOn, covers });
  }
  return out;
}

/** Validates schedule data entered by staff or loaded from JSON. */
export function parseYearSchedule(input: unknown): { ok: true; value: YearSchedule } | { ok: false; error: ScheduleProblem } {
  const fail = (message: string) => ({ ok: false as const, error: { code: 'INVALID_SCHEDULE' as const, message } });
  if (typeof input !== 'object' || input === null) return fail('lịch nghỉ phải là một đối tượng');
  const record = input as Record<string, unknown>;
  const year = record['year'];
  const source = record['source'];
  if (typeof year !== 'number' || !Number.isInteger(year)) return fail('thiếu năm');
  if (typeof source !== 'string' || source.length === 0) return fail('thiếu văn bản nguồn');
  const parseList = (value: unknown): DatedReason[] | string => {
    if (!Array.isArray(value)) return 'danh sách ngày không hợp lệ';
    const list: DatedReason[] = [];
    for (const item of value as unknown[]) {
      if (typeof item !== 'object' || item === null) return 'mục không hợp lệ';
      const entry = item as Record<string, unknown>;
      const date = typeof entry['date'] === 'string' ? parseIsoDate(entry['date']) : null;
      const reason = entry['reason'];
      if (!date) return `ngày không hợp lệ: ${String(entry['date'])}`;
      if (typeof reason !== 'string' || reason.length === 0) return `thiếu lý do cho ngày ${date}`;
      if (Number(date.slice(0, 4)) !== year) return `ngày ${date} không thuộc năm ${year}`;
      list.push({ date, reason });
    }
    return list;
  };
  const daysOff = parseList(record['daysOff']);
  if (typeof daysOff === 'string') return fail(daysOff);
  const makeUpDays = parseList(record['makeUpDays']);
  if (typeof makeUpDays === 'string') return fail(makeUpDays);
  if (record['sources'] === undefined) return { ok: true, value: { year, source, daysOff, makeUpDays } };
  const sources = parseSources(record['sources']);
  if (typeof sources === 'string') return fail(sources);
  return { ok: true, value: { year, source, daysOff, makeUpDays, sources } };
}
