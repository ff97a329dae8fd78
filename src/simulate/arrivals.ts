// When dossiers arrive: working days only, more before Tết and fewer just after it, a yearly
// season, a ramp-up as the pilot grew, and a morning peak within office hours. Pure.
import { addDays, dayNumberOf, lunarNewYear, vnInstant, weekdayOf, type IsoDate, type WorkCalendar } from '../calendar';
import type { Rng } from './random';

/** Month factors (Jan … Dec): year-end and pre-Tết peaks, a February trough [U]. */
const SEASON = [1.12, 0.82, 1.02, 0.98, 1.0, 0.97, 0.95, 1.0, 1.0, 1.02, 1.05, 1.12] as const;
/** Weekday factors (Mon … Fri): Monday queues, a quieter Friday afternoon [U]. */
const WEEKDAY = [1.15, 1.02, 1.0, 0.98, 0.9] as const;

const dayDiff = (a: IsoDate, b: IsoDate): number => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);

/** Relative arrival weight of a civil day (0 on days the offices are closed). */
export function dayWeight(day: IsoDate, calendar: WorkCalendar, progress: number): number {
  if (!calendar.isWorkingDay(day)) return 0;
  const month = Number(day.slice(5, 7));
  const weekday = weekdayOf(dayNumberOf(day)); // 0 = Sunday … 6 = Saturday
  let w = (SEASON[month - 1] ?? 1) * (WEEKDAY[weekday - 1] ?? 1);
  const year = Number(day.slice(0, 4));
  for (const tet of [lunarNewYear(year), lunarNewYear(year + 1)]) {
    const d = dayDiff(day, tet);
    if (d >= -21 && d < -3) w *= 1.3; // papers before Tết
    else if (d >= -3 && d <= 12) w *= 0.55; // the holiday's tail: offices open, citizens away
  }
  return w * (0.75 + 0.5 * progress); // the pilot's ramp-up
}

/** Exactly `total` arrivals spread over [from, to] by weight (largest remainder). */
export function arrivalsPerDay(from: IsoDate, to: IsoDate, total: number, calendar: WorkCalendar): { day: IsoDate; count: number }[] {
  const days: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const weights = days.map((d, i) => dayWeight(d, calendar, days.length > 1 ? i / (days.length - 1) : 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new RangeError('no working day in the range');
  const exact = weights.map((w) => (w * total) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return days.map((day, i) => ({ day, count: counts[i] ?? 0 })).filter((x) => x.count > 0);
}

/** An arrival instant in office hours: 60% in the morning session, earlier hours busier. */
export function arrivalTime(rng: Rng, day: IsoDate): number {
  const morning = rng.chance(0.6);
  const startMin = morning ? 7 * 60 : 13 * 60 + 30;
  const lengthMin = morning ? 270 : 210;
  const u = Math.min(rng.next(), rng.next(), rng.next() * 1.6); // skewed to the session's start
  const minute = startMin + Math.min(lengthMin - 1, Math.floor(u * lengthMin));
  return vnInstant(day, minute);
}
