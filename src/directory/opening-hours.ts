// Opening hours of a service point: a weekly pattern, ISO weekday (1 = Monday … 7 = Sunday) →
// periods 'HH:MM-HH:MM' in Vietnam time, in order. A lunch break is the gap between two periods;
// Saturday intake is a period on day 6. Pure: the appointments capability (slots) reads the same
// shape through `periodsOn` and `isOpenAt`. Validation: `openingHoursProblems` in model.ts.
import type { OpeningHoursJson } from '../platform/db/schema';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface Period {
  readonly start: string;
  readonly end: string;
}

/** The periods of one weekday, in order (none when closed). */
export function periodsOn(hours: OpeningHoursJson, weekday: IsoWeekday): Period[] {
  return (hours.weekly[String(weekday)] ?? []).map((p) => {
    const [start = '', end = ''] = p.split('-');
    return { start, end };
  });
}

/** Whether the point is open at a time of day 'HH:MM' (a period's end is closing time: closed). */
export const isOpenAt = (hours: OpeningHoursJson, weekday: IsoWeekday, time: string): boolean =>
  periodsOn(hours, weekday).some((p) => p.start <= time && time < p.end);

/** Minutes open in a week (for the screen's summary and as a sanity check of an edit). */
export function weeklyMinutes(hours: OpeningHoursJson): number {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  let total = 0;
  for (const day of [1, 2, 3, 4, 5, 6, 7] as const) {
    for (const p of periodsOn(hours, day)) total += minutes(p.end) - minutes(p.start);
  }
  return total;
}

/**
 * The usual pattern of a one-stop counter: Monday–Friday mornings and afternoons with a lunch
 * break, and Saturday morning where the point takes dossiers on Saturdays.
 */
export function standardWeek(o: { morning: Period; afternoon: Period; saturdayMorning: boolean }): OpeningHoursJson {
  const day = [`${o.morning.start}-${o.morning.end}`, `${o.afternoon.start}-${o.afternoon.end}`];
  const weekly: Record<string, string[]> = { 1: day, 2: day, 3: day, 4: day, 5: day };
  if (o.saturdayMorning) weekly['6'] = [`${o.morning.start}-${o.morning.end}`];
  return { weekly };
}
