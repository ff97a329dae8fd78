/**
 * The statutory holidays as DATA (`statutory-holidays.json`): each rule names its day (a solar
 * date, a lunar date, or the last day of the lunar year), how many days, an optional adjacent
 * day chosen by weekday, its legal source and its validity `[effectiveFrom, effectiveTo)`.
 * A new holiday or a changed law is a new row in the file, not new code. Pure: no I/O.
 */
import { addDays, dayNumberOf, isoDateFromYmd, parseIsoDate, weekdayOf, type IsoDate } from './civil-date';
import { lunarNewYear, lunarToSolar } from './lunar';
import data from './statutory-holidays.json';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
type Weekday = (typeof WEEKDAYS)[number];

export type HolidayAnchor =
  | { readonly calendar: 'solar'; readonly month: number; readonly day: number }
  | { readonly calendar: 'lunar'; readonly month: number; readonly day: number }
  | { readonly calendar: 'lunar-year-end' };

export interface StatutoryRule {
  readonly id: string;
  readonly reason: string;
  readonly anchor: HolidayAnchor;
  /** consecutive days from the anchor */
  readonly days: number;
  /** one more day before (−1) or after (+1) the anchor, by the anchor's weekday */
  readonly adjacentDay: Readonly<Record<Weekday, 1 | -1>> | null;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate | null;
  readonly legalSource: string;
}

export interface StatutoryRules {
  readonly rules: readonly StatutoryRule[];
  readonly substituteReasonPrefix: string;
  readonly substituteLegalSource: string;
}

function fail(message: string): never {
  throw new Error(`statutory-holidays.json: ${message}`);
}

function isoOrFail(value: unknown, where: string): IsoDate {
  const date = typeof value === 'string' ? parseIsoDate(value) : null;
  if (!date) fail(`${where}: ngày không hợp lệ`);
  return date;
}

function parseAnchor(value: unknown, where: string): HolidayAnchor {
  const anchor = (value ?? {}) as Record<string, unknown>;
  if (anchor['calendar'] === 'lunar-year-end') return { calendar: 'lunar-year-end' };
  const month = anchor['month'];
  const day = anchor['day'];
  if ((anchor['calendar'] !== 'solar' && anchor['calendar'] !== 'lunar') || typeof month !== 'number' || typeof day !== 'number') {
    fail(`${where}.anchor không hợp lệ`);
  }
  return { calendar: anchor['calendar'], month, day };
}

function parseAdjacent(value: unknown, where: string): StatutoryRule['adjacentDay'] {
  if (value === undefined || value === null) return null;
  const table = value as Record<string, unknown>;
  const out = {} as Record<Weekday, 1 | -1>;
  for (const weekday of WEEKDAYS) {
    const step = table[weekday];
    if (step !== 1 && step !== -1) fail(`${where}.adjacentDay.${weekday} phải là 1 hoặc -1`);
    out[weekday] = step;
  }
  return out;
}

/** Reads and checks the rules file; a bad file is a programming error (thrown at load). */
export function parseStatutoryRules(input: unknown): StatutoryRules {
  const root = (input ?? {}) as Record<string, unknown>;
  const list = root['rules'];
  if (!Array.isArray(list)) fail('thiếu rules');
  const rules = (list as unknown[]).map((item, i): StatutoryRule => {
    const row = (item ?? {}) as Record<string, unknown>;
    const where = `rules[${i}]`;
    const { id, reason, days, legalSource } = row;
    if (typeof id !== 'string' || typeof reason !== 'string' || reason === '') fail(`${where}: thiếu id/reason`);
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) fail(`${where}.days phải là số nguyên dương`);
    if (typeof legalSource !== 'string' || legalSource === '') fail(`${where}: thiếu legalSource`);
    const effectiveTo = row['effectiveTo'] === null ? null : isoOrFail(row['effectiveTo'], `${where}.effectiveTo`);
    return {
      id, reason, days, legalSource,
      anchor: parseAnchor(row['anchor'], where),
      adjacentDay: parseAdjacent(row['adjacentDay'], where),
      effectiveFrom: isoOrFail(row['effectiveFrom'], `${where}.effectiveFrom`),
      effectiveTo,
    };
  });
  const substitute = (root['substituteRule'] ?? {}) as Record<string, unknown>;
  const prefix = substitute['reasonPrefix'];
  const source = substitute['legalSource'];
  if (typeof prefix !== 'string' || typeof source !== 'string') fail('thiếu substituteRule');
  return { rules, substituteReasonPrefix: prefix, substituteLegalSource: source };
}

export const STATUTORY_RULES: StatutoryRules = parseStatutoryRules(data);

function anchorDate(anchor: HolidayAnchor, year: number): IsoDate {
  switch (anchor.calendar) {
    case 'solar':
      return isoDateFromYmd(year, anchor.month, anchor.day);
    case 'lunar-year-end':
      return addDays(lunarNewYear(year), -1);
    case 'lunar': {
      const date = lunarToSolar(anchor.day, anchor.month, year, false);
      if (!date) throw new RangeError(`no ${anchor.day}/${anchor.month} lunar in ${year}`);
      return date;
    }
  }
}

/** The days a rule gives in `year`, or none when the rule is not in force on its anchor day. */
export function daysOfRule(rule: StatutoryRule, year: number): IsoDate[] {
  const anchor = anchorDate(rule.anchor, year);
  if (anchor < rule.effectiveFrom || (rule.effectiveTo !== null && anchor >= rule.effectiveTo)) return [];
  const days = Array.from({ length: rule.days }, (_, i) => addDays(anchor, i));
  if (rule.adjacentDay) {
    const weekday = WEEKDAYS[weekdayOf(dayNumberOf(anchor))] ?? 'Sun';
    days.push(addDays(anchor, rule.adjacentDay[weekday]));
  }
  return days;
}
