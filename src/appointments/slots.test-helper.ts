// What the slot tests share: the official working calendar of 2024–2026, instants from Vietnam
// times, and arbitrary weekly opening hours for the properties.
import fc from 'fast-check';
import { OFFICIAL_SCHEDULES, WorkCalendar } from '../calendar';
import { parseInstant, vnDateOfInstant, vnMsOfDay, type EpochMs } from '../shared/civil-date';
import { dayKindFrom, type WeeklyHours } from './slots';

export const calendar = new WorkCalendar({ fromYear: 2024, toYear: 2026, schedules: OFFICIAL_SCHEDULES });
export const dayKind = dayKindFrom(calendar);
export const at = (text: string): EpochMs => {
  const t = parseInstant(text);
  if (t === null) throw new Error(text);
  return t;
};

/** Where a slot stands in Vietnam time: its date, and its start and end as minutes of that day. */
export const slotMinutes = (slot: { readonly start: EpochMs; readonly end: EpochMs }) => {
  const startMin = vnMsOfDay(slot.start) / 60_000;
  return { date: vnDateOfInstant(slot.start), startMin, endMin: startMin + (slot.end - slot.start) / 60_000 };
};

const hhmmArb = fc.integer({ min: 0, max: 23 * 60 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const periodArb = fc.tuple(hhmmArb, hhmmArb).map(([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`));
/** Any weekly hours: up to 3 periods (possibly overlapping or empty) on any weekdays. */
export const hoursArb: fc.Arbitrary<WeeklyHours> = fc.dictionary(fc.constantFrom('1', '2', '3', '4', '5', '6', '7'), fc.array(periodArb, { maxLength: 3 }))
  .map((weekly) => ({ weekly }));
