// The state of the working-calendar page: the year shown (from ?nam=), its calendar and versions
// as loaded, the draft being edited, the day picked on the grid and the message on top.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { fetchCalendarYear, fetchVersions, type CalendarYear, type DayKind, type ScheduleVersion } from './api';
import type { NoticeMessage } from '../../ui/Notice';
import type { CalendarT } from './i18n';
import type { ShownDay } from './MonthGrid';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly calendar: CalendarYear; readonly versions: readonly ScheduleVersion[] };

export interface Draft {
  readonly daysOff: ReadonlyMap<string, string>;
  readonly makeUpDays: ReadonlyMap<string, string>;
  readonly source: string;
  readonly note: string;
  readonly dirty: boolean;
}

export type Message = NoticeMessage;


export type Picked = { readonly date: string; readonly n: number };

function initialYear(): number {
  const asked = Number(new URLSearchParams(window.location.search).get('nam'));
  return Number.isInteger(asked) && asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : new Date().getFullYear();
}

export function useCalendarYear(t: CalendarT) {
  const [year, setYear] = useState(initialYear);
  const [yearText, setYearText] = useState(String(year));
  const [yearError, setYearError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  // The day last clicked on the grid while editing; `n` makes a second click on it count.
  const [picked, setPicked] = useState<Picked | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    Promise.all([fetchCalendarYear(year, controller.signal), fetchVersions(year, controller.signal)]).then(
      ([calendar, versions]) => setLoaded({ status: 'ready', calendar, versions }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [year, reload]);

  const goTo = (next: number) => {
    if (!Number.isInteger(next) || next < MIN_YEAR || next > MAX_YEAR) {
      setYearError(t('yearHint'));
      return;
    }
    setYearError(null);
    setYearText(String(next));
    setDraft(null);
    setPicked(null);
    setMessage(null);
    setYear(next);
  };

  const onShow = (event: FormEvent) => {
    event.preventDefault();
    goTo(Number(yearText));
  };

  const calendar = loaded.status === 'ready' ? loaded.calendar : null;

  const shownDays: ShownDay[] = useMemo(() => {
    if (!calendar) return [];
    return calendar.days.map((day) => {
      if (!draft) return { ...day, shownKind: day.kind, shownReason: day.reason };
      const off = draft.daysOff.get(day.date);
      const makeUp = draft.makeUpDays.get(day.date);
      const weekend = day.weekday === 0 || day.weekday === 6;
      const shownKind: DayKind = makeUp !== undefined ? 'makeUp' : off !== undefined ? 'dayOff' : weekend ? 'weekend' : 'workday';
      return { ...day, shownKind, shownReason: makeUp ?? off ?? null };
    });
  }, [calendar, draft]);

  const months = useMemo(() => {
    const byMonth: ShownDay[][] = Array.from({ length: 12 }, () => []);
    for (const day of shownDays) byMonth[Number(day.date.slice(5, 7)) - 1]?.push(day);
    return byMonth;
  }, [shownDays]);

  const startEditing = () => {
    if (!calendar) return;
    setMessage(null);
    setDraft({
      daysOff: new Map(calendar.daysOff.map((d) => [d.date, d.reason])),
      makeUpDays: new Map(calendar.makeUpDays.map((d) => [d.date, d.reason])),
      source: calendar.provisional ? '' : calendar.source,
      note: '',
      dirty: false,
    });
  };

  const afterChange = useCallback(() => setReload((n) => n + 1), []);

  return {
    year, yearText, setYearText, yearError, loaded, calendar, draft, setDraft, message, setMessage, picked, setPicked,
    shownDays, months, goTo, onShow, startEditing, afterChange,
  };
}
