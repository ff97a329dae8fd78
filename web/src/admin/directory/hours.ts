// Opening hours as the form edits them: for each weekday a morning and an afternoon period (the
// lunch break between them), each two 'HH:MM' texts; empty means closed. Pure: the draft from the
// server's weekly pattern, and back with the weekdays whose times are wrong.
import type { OpeningHours } from './api';

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof weekdays)[number];

export interface DayDraft {
  readonly morningStart: string;
  readonly morningEnd: string;
  readonly afternoonStart: string;
  readonly afternoonEnd: string;
}
export type HoursDraft = Readonly<Record<Weekday, DayDraft>>;

const empty: DayDraft = { morningStart: '', morningEnd: '', afternoonStart: '', afternoonEnd: '' };

export function draftOfHours(hours: OpeningHours): HoursDraft {
  const out = {} as Record<Weekday, DayDraft>;
  for (const d of weekdays) {
    const periods = (hours.weekly[String(d)] ?? []).map((p) => p.split('-'));
    // one period that ends by noon is a morning; one that starts after is an afternoon
    const [first, second] = periods;
    const firstIsAfternoon = periods.length === 1 && (first?.[0] ?? '') >= '12:00';
    const morning = firstIsAfternoon ? undefined : first;
    const afternoon = firstIsAfternoon ? first : second;
    out[d] = {
      morningStart: morning?.[0] ?? '', morningEnd: morning?.[1] ?? '',
      afternoonStart: afternoon?.[0] ?? '', afternoonEnd: afternoon?.[1] ?? '',
    };
  }
  return out;
}

export const emptyHours = (): HoursDraft => draftOfHours({ weekly: {} });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const normalise = (t: string) => {
  const m = /^\s*(\d{1,2})[:h.](\d{2})\s*$/.exec(t);
  return m ? `${m[1]?.padStart(2, '0')}:${m[2]}` : t.trim();
};

/** A period from two texts: null when both are empty, 'bad' when wrong. */
function period(start: string, end: string): string | null | 'bad' {
  const [s, e] = [normalise(start), normalise(end)];
  if (s === '' && e === '') return null;
  if (!TIME.test(s) || !TIME.test(e) || s >= e) return 'bad';
  return `${s}-${e}`;
}

/** The weekly pattern of a draft, or the weekdays whose times are wrong. */
export function hoursOfDraft(draft: HoursDraft): { hours: OpeningHours; badDays: readonly Weekday[] } {
  const weekly: Record<string, string[]> = {};
  const badDays: Weekday[] = [];
  for (const d of weekdays) {
    const day = draft[d] ?? empty;
    const m = period(day.morningStart, day.morningEnd);
    const a = period(day.afternoonStart, day.afternoonEnd);
    if (m === 'bad' || a === 'bad' || (m && a && m.slice(6) > a.slice(0, 5))) { badDays.push(d); continue; }
    const list = [m, a].filter((p): p is string => p !== null);
    if (list.length > 0) weekly[String(d)] = list;
  }
  return { hours: { weekly }, badDays };
}

/** "T2–T6: 07:00–11:30, 13:30–17:00" lines, grouping consecutive days with the same periods. */
export function hoursLines(hours: OpeningHours, dayName: (d: Weekday) => string, closed: string): string[] {
  const lines: string[] = [];
  let start: Weekday | null = null;
  let last = '';
  const flush = (end: Weekday) => {
    if (start === null) return;
    const days = start === end ? dayName(start) : `${dayName(start)} – ${dayName(end)}`;
    lines.push(`${days}: ${last || closed}`);
  };
  let prev: Weekday = 1;
  for (const d of weekdays) {
    const text = (hours.weekly[String(d)] ?? []).map((p) => p.replace('-', '–')).join(', ');
    if (start !== null && text !== last) { flush(prev); start = null; }
    if (start === null) { start = d; last = text; }
    prev = d;
  }
  flush(7);
  return lines.filter((l) => !l.endsWith(`: ${closed}`));
}
