// The counters' hours as the page edits them, pure: for each counter of the point whether it keeps
// its own hours, its week (a morning and an afternoon a day, admin/directory/hours.ts) and its
// exceptional days; back to the request's items with what is wrong.
import { draftOfHours, hoursOfDraft, type HoursDraft, type Weekday } from '../admin/directory/hours';
import type { CounterHours, CounterHoursItem } from './counter-hours-api';

export interface ExceptionDraft {
  readonly date: string;
  /** '07:30-11:30, 13:30-17:00'; empty: closed all day */
  readonly periods: string;
  readonly reason: string;
}

export interface CounterDraft {
  readonly code: string;
  readonly own: boolean;
  readonly hours: HoursDraft;
  readonly exceptions: readonly ExceptionDraft[];
}

/** Every counter of the point: its own hours if it has them, else the point's as a starting point. */
export function draftsOf(data: CounterHours): CounterDraft[] {
  return data.counters.map((code) => {
    const item = data.items.find((i) => i.counterCode === code);
    return {
      code, own: item !== undefined, hours: draftOfHours({ weekly: item?.weekly ?? data.pointWeekly }),
      exceptions: (item?.exceptions ?? []).map((e) => ({ date: e.date, periods: e.periods.join(', '), reason: e.reason })),
    };
  });
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const hhmm = (t: string) => {
  const m = /^\s*(\d{1,2})[:h.](\d{2})\s*$/.exec(t);
  return m ? `${m[1]?.padStart(2, '0')}:${m[2]}` : t.trim();
};

/** '7:30 - 11:30, 13h30-17:00' → ['07:30-11:30', '13:30-17:00']; null when a period is wrong. */
export function periodsOfText(text: string): string[] | null {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== '');
  const periods = parts.map((p) => {
    const [a = '', b = ''] = p.split(/\s*[-–]\s*/);
    const [s, e] = [hhmm(a), hhmm(b)];
    return TIME.test(s) && TIME.test(e) && s < e ? `${s}-${e}` : null;
  });
  return periods.every((p): p is string => p !== null) ? periods : null;
}

export interface DraftCheck {
  readonly items: CounterHoursItem[];
  /** counter code → its weekdays whose times are wrong */
  readonly badDays: Readonly<Record<string, readonly Weekday[]>>;
  /** 'Q01:2' — the counter's exceptions (by index) that are incomplete or wrong */
  readonly badExceptions: readonly string[];
}

export function itemsOfDrafts(drafts: readonly CounterDraft[]): DraftCheck {
  const items: CounterHoursItem[] = [];
  const badDays: Record<string, readonly Weekday[]> = {};
  const badExceptions: string[] = [];
  for (const d of drafts.filter((x) => x.own)) {
    const { hours, badDays: bad } = hoursOfDraft(d.hours);
    if (bad.length > 0) badDays[d.code] = bad;
    const exceptions = d.exceptions.flatMap((e, i) => {
      const periods = periodsOfText(e.periods);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date) || e.reason.trim() === '' || periods === null) { badExceptions.push(`${d.code}:${i}`); return []; }
      return [{ date: e.date, periods, reason: e.reason.trim() }];
    });
    items.push({ counterCode: d.code, weekly: hours.weekly, exceptions });
  }
  return { items, badDays, badExceptions };
}
