// The working calendar the dossier services compute due times with: the schedules around an
// instant (the year before to the year after), kept a few seconds per instance.
import { calendarVersionTag, loadWorkCalendar } from '../calendar/store';
import { vnDateOfInstant, type WorkCalendar } from '../calendar';
import type { Database } from '../platform/db/connect';

export interface CalendarAt {
  readonly calendar: WorkCalendar;
  /** which holiday schedule of each year the due time was computed with */
  readonly versionTag: string;
}

/** How long an instance reuses the calendar it loaded before asking for newer schedule versions. */
export const CALENDAR_TTL_MS = 5_000;
const calendars = new WeakMap<Database, Map<number, { at: number; value: Promise<CalendarAt> }>>();

/** The year (in Vietnam) of an instant. */
export const vnYearOf = (at: Date): number => Number(vnDateOfInstant(at.getTime()).slice(0, 4));

/** The schedules in force right now around an instant, read afresh (no cache). */
export async function freshCalendarAround(db: Database, at: Date): Promise<CalendarAt> {
  const year = vnYearOf(at);
  const loaded = await loadWorkCalendar(db, { fromYear: year - 1, toYear: year + 1 });
  return { calendar: loaded.calendar, versionTag: calendarVersionTag(loaded.versions) };
}

/** The working calendar around an instant (the year before to the year after), cached CALENDAR_TTL_MS. */
export function calendarAround(db: Database, at: Date): Promise<CalendarAt> {
  const year = vnYearOf(at);
  let cache = calendars.get(db);
  if (!cache) { cache = new Map(); calendars.set(db, cache); }
  const hit = cache.get(year);
  const now = Date.now();
  if (hit && now - hit.at < CALENDAR_TTL_MS) return hit.value;
  const value = freshCalendarAround(db, at);
  cache.set(year, { at: now, value });
  value.catch(() => cache.delete(year));
  return value;
}
