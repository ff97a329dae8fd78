// What the dossier services receive beyond the platform context, and shared small helpers.
import { calendarVersionTag, loadWorkCalendar } from '../calendar/store';
import type { WorkCalendar } from '../calendar';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import type { DossierHook } from './events';

export interface DossierContext extends ServiceContext {
  /** In-transaction hooks run after every appended event (wired in src/app.ts). */
  readonly hooks?: readonly DossierHook[];
}

export interface CalendarAt {
  readonly calendar: WorkCalendar;
  /** which holiday schedule of each year the due time was computed with */
  readonly versionTag: string;
}

/** How long an instance reuses the calendar it loaded before asking for newer schedule versions. */
export const CALENDAR_TTL_MS = 5_000;
const calendars = new WeakMap<Database, Map<number, { at: number; value: Promise<CalendarAt> }>>();

/** The working calendar around an instant (the year before to the year after). */
export function calendarAround(db: Database, at: Date): Promise<CalendarAt> {
  const year = new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
  let cache = calendars.get(db);
  if (!cache) { cache = new Map(); calendars.set(db, cache); }
  const hit = cache.get(year);
  const now = Date.now();
  if (hit && now - hit.at < CALENDAR_TTL_MS) return hit.value;
  const value = loadWorkCalendar(db, { fromYear: year - 1, toYear: year + 1 })
    .then((loaded) => ({ calendar: loaded.calendar, versionTag: calendarVersionTag(loaded.versions) }));
  cache.set(year, { at: now, value });
  value.catch(() => cache.delete(year));
  return value;
}

/** Today's civil date in Vietnam (UTC+7). */
export const vnDay = (at: Date): string => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** True if any string inside contains a NUL (PostgreSQL text and jsonb cannot store it). */
export function hasNul(value: unknown, depth = 0): boolean {
  if (depth > 32) return true;
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
  }
  return false;
}
