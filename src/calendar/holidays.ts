/**
 * Days off and make-up working days for public servants.
 *
 * Two sources, in order:
 * 1. the official yearly schedule (`YearSchedule`), entered as data from each year's notice —
 *    software cannot derive the swaps the government decides (DOMAIN §7.2);
 * 2. otherwise the statutory rule, marked `provisional: true`:
 *    - Bộ luật Lao động 2019 art. 112: 1/1; 5 days of Tết; 10/3 lunar (Giỗ Tổ, regular month 3);
 *      30/4; 1/5; 2/9 plus one adjacent day;
 *    - the 5 Tết days default to the last day of the lunar year (the day before mùng 1, whether
 *      it is the 29th or the 30th) plus mùng 1–4 (art. 112.3 leaves the choice to the PM);
 *    - the day adjacent to 2/9 follows the python-holidays weekday heuristic (DOMAIN §7.2);
 *    - art. 111.3: a holiday on a Saturday or Sunday gives the next working day off (nghỉ bù).
 */
import { addDays, dayNumberOf, isoDateFromYmd, parseIsoDate, weekdayOf, type IsoDate } from './civil-date';
import { lunarNewYear, lunarToSolar } from './lunar';

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
}

export interface YearHolidays extends YearSchedule {
  /** true when no official schedule was loaded and the statutory rule was applied */
  readonly provisional: boolean;
}

export const REASONS = {
  newYear: 'Tết Dương lịch',
  lunarNewYear: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Chiến thắng',
  labourDay: 'Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
  substituteDayOff: 'Nghỉ bù',
} as const satisfies Record<string, string>;

export const STATUTORY_SOURCE =
  'Bộ luật Lao động 45/2019/QH14, Điều 112 và 111.3 (tính tự động, chưa có thông báo chính thức)';

/** Day after 2/9 (+1) or before (−1), by 2/9's weekday (0 = Sunday), python-holidays 2021+. */
const NATIONAL_DAY_SECOND_DAY = {
  0: 1, // Sun → Mon 3/9
  1: 1, // Mon → Tue 3/9
  2: -1, // Tue → Mon 1/9
  3: -1, // Wed → Tue 1/9
  4: 1, // Thu → Fri 3/9
  5: -1, // Fri → Thu 1/9
  6: -1, // Sat → Fri 1/9
} as const satisfies Record<0 | 1 | 2 | 3 | 4 | 5 | 6, 1 | -1>;

function isWeekend(date: IsoDate): boolean {
  const weekday = weekdayOf(dayNumberOf(date));
  return weekday === 0 || weekday === 6;
}

/** Statutory holidays of a year (art. 112), before substitute days. */
export function statutoryHolidays(year: number): DatedReason[] {
  const tet = lunarNewYear(year);
  const hungKings = lunarToSolar(10, 3, year, false);
  if (!hungKings) throw new RangeError(`no 10/3 lunar in ${year}`);
  const nationalDay = isoDateFromYmd(year, 9, 2);
  const secondNationalDay = addDays(nationalDay, NATIONAL_DAY_SECOND_DAY[weekdayOf(dayNumberOf(nationalDay))]);
  const days: DatedReason[] = [
    { date: isoDateFromYmd(year, 1, 1), reason: REASONS.newYear },
    ...[-1, 0, 1, 2, 3].map((offset) => ({ date: addDays(tet, offset), reason: REASONS.lunarNewYear })),
    { date: hungKings, reason: REASONS.hungKings },
    { date: isoDateFromYmd(year, 4, 30), reason: REASONS.reunification },
    { date: isoDateFromYmd(year, 5, 1), reason: REASONS.labourDay },
    { date: nationalDay, reason: REASONS.nationalDay },
    { date: secondNationalDay, reason: REASONS.nationalDay },
  ];
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
    substitutes.push({ date: candidate, reason: `${REASONS.substituteDayOff} ${holiday.reason}` });
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
  return { ok: true, value: { year, source, daysOff, makeUpDays } };
}
