// How dates and times read on every screen: dd/mm/yyyy and HH:mm, in Vietnam time (UTC+7, no
// daylight saving), never through the browser's local-time methods. The only place in the web app
// that formats them; the offset itself is the shared Vietnam-time module's (src/shared). Pure.
import { vnMidnightOf, vnWallClock } from '../../../src/shared/civil-date';
const pad = (n: number) => String(n).padStart(2, '0');

export interface VnTimeParts {
  /** HH:mm */
  readonly time: string;
  /** dd/MM/yyyy */
  readonly date: string;
}

/** The wall-clock time and date in Vietnam of an instant (ISO text or epoch ms); null if it does not parse. */
export function vnTimeParts(instant: string | number): VnTimeParts | null {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  const d = vnWallClock(ms);
  return {
    time: `${pad(d.hour)}:${pad(d.minute)}`,
    date: `${pad(d.day)}/${pad(d.month)}/${d.year}`,
  };
}

/** "12/03/2026": the day in Vietnam of an instant; "—" if it does not parse. */
export function formatVnDate(instant: string | number): string {
  return vnTimeParts(instant)?.date ?? '—';
}

/** "17:00 12/03/2026": the time and day in Vietnam of an instant; "—" if it does not parse. */
export function formatVnDateTime(instant: string | number): string {
  const parts = vnTimeParts(instant);
  return parts ? `${parts.time} ${parts.date}` : '—';
}

/** "05/03/2026" of a civil date "2026-03-05" (a birth date, a holiday); the text itself if malformed. */
export function formatCivilDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** The year, month (1–12) and day of an instant in Vietnam. */
export function vnCivilParts(ms: number): { readonly year: number; readonly month: number; readonly day: number } {
  const d = vnWallClock(ms);
  return { year: d.year, month: d.month, day: d.day };
}

/** "yyyy-MM-ddTHH:mm" of an instant in Vietnam time, for a datetime-local input. */
export function vnLocalInputValue(ms: number): string {
  const d = vnWallClock(ms);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}`;
}

/** The ISO instant of a datetime-local value read as Vietnam time; null when incomplete. */
export function instantOfVnLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const [hour, minute] = value.slice(11).split(':').map(Number);
  const ms = vnMidnightOf(value.slice(0, 10)) + ((hour ?? 0) * 60 + (minute ?? 0)) * 60_000;
  return Number.isNaN(ms) || (hour ?? 0) > 23 || (minute ?? 0) > 59 ? null : new Date(ms).toISOString();
}

/** Today's civil date in Vietnam (yyyy-MM-dd). */
export function vnToday(nowMs: number): string {
  return vnLocalInputValue(nowMs).slice(0, 10);
}
