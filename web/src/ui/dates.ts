// How dates and times read on every screen: dd/mm/yyyy and HH:mm, in Vietnam time (UTC+7, no
// daylight saving), never through the browser's local-time methods. The only place in the web app
// that knows the offset. Pure.
const VN_OFFSET_MS = 7 * 3_600_000;
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
  const d = new Date(ms + VN_OFFSET_MS);
  return {
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    date: `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
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
  const d = new Date(ms + VN_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "yyyy-MM-ddTHH:mm" of an instant in Vietnam time, for a datetime-local input. */
export function vnLocalInputValue(ms: number): string {
  const d = new Date(ms + VN_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The ISO instant of a datetime-local value read as Vietnam time; null when incomplete. */
export function instantOfVnLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00+07:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Today's civil date in Vietnam (yyyy-MM-dd). */
export function vnToday(nowMs: number): string {
  return vnLocalInputValue(nowMs).slice(0, 10);
}
