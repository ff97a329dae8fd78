// Times as Vietnamese readers expect them, in Vietnam time (UTC+7, no daylight saving), without
// the browser's local-time methods: "17:00 ngày 12/03/2026".
const VN_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

export interface VnTimeParts {
  /** HH:mm */
  readonly time: string;
  /** dd/MM/yyyy */
  readonly date: string;
}

/** The wall-clock time and date in Vietnam of an ISO instant; null if it does not parse. */
export function vnTimeParts(iso: string): VnTimeParts | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms + VN_OFFSET_MS);
  return {
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    date: `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
  };
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

export interface WorkingTimeParts {
  readonly overdue: boolean;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

/** Splits working minutes into working days of 8 hours, hours and minutes (DOMAIN §1.6). */
export function splitWorkingMinutes(total: number, hoursPerDay = 8): WorkingTimeParts {
  const overdue = total < 0;
  const abs = Math.round(Math.abs(total));
  const perDay = hoursPerDay * 60;
  return { overdue, days: Math.floor(abs / perDay), hours: Math.floor((abs % perDay) / 60), minutes: abs % 60 };
}
