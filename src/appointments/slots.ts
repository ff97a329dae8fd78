// Slots (issue 14 §2), pure: no I/O, no clock read, Vietnam time whatever the server's zone
// (src/shared/civil-date.ts: only UTC arithmetic and the fixed +7 h offset).
//
// A day's periods are the point's exception for that date if it has one; otherwise none on a day
// off (Tết, a holiday — even a Saturday inside the break), the pattern of an ordinary weekday on a
// make-up working day (worked as a normal weekday, even at a point closed on ordinary Saturdays),
// and the weekly pattern (Saturday intake where the point offers it) on other days. Slots start at
// each period's start, one service long, back to back, and must end inside the period: none
// crosses the lunch break or closing time. The capacity of a slot is the number of seats (counters
// serving the procedure, or couriers at home); its free seats are those no live booking overlaps
// (at home: whose visits keep the travel time clear of it, home-travel.ts).
//
// Counters may keep their own hours (a counter open only mornings, one serving Saturday intake):
// a date's slots then run over the union of the counters' periods, and a slot's capacity is the
// number of counters open for the whole slot — never more than the counters open and serving.
// A point's exception for a date changes it for every counter; a counter's own exception only it.
import { couriersFree, type HomeTravel } from './home-travel';
import {
  addDays, dayNumberOf, parseHhMm, vnDateOfInstant, vnInstant, weekdayOf,
  type EpochMs, type IsoDate,
} from '../shared/civil-date';

/** How the working calendar sees a date. */
export type DayKind = 'working' | 'dayOff' | 'makeUp' | 'weekend';

/** Weekly opening hours: ISO weekday '1' (Monday) … '7' (Sunday) → periods 'HH:MM-HH:MM'. */
export interface WeeklyHours {
  readonly weekly: Readonly<Record<string, readonly string[]>>;
}

export interface SeatBooking {
  readonly seat: string;
  readonly start: EpochMs;
  readonly end: EpochMs;
  /** a visit at home: the commune of its address (the travel to and from it counts) */
  readonly commune?: string | null;
}

export interface SlotQuery {
  /** First and last date asked for (inclusive), Vietnam civil dates. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly now: EpochMs;
  readonly hours: WeeklyHours;
  /** Dates whose periods differ from the week (no periods: closed). */
  readonly exceptions: ReadonlyMap<string, readonly string[]>;
  readonly dayKind: (date: IsoDate) => DayKind;
  /** The seats that can serve it: counters serving the procedure, or couriers. */
  readonly seats: readonly string[];
  /** How long the seat is taken by one booking. */
  readonly durationMinutes: number;
  /** Minutes between two slots' starts; default: one booking long (back to back). */
  readonly stepMinutes?: number;
  /** A visit at home: its commune and the travel model; a seat (courier) is free when its visits keep clear of it (home-travel.ts). */
  readonly travel?: HomeTravel;
  readonly minNoticeMinutes: number;
  readonly horizonDays: number;
  /** Live bookings (booked or arrived) of these seats; others are ignored. */
  readonly bookings: readonly SeatBooking[];
  /** Seats keeping their own hours (others keep `hours`): their weekly pattern and their own exceptions. */
  readonly seatHours?: ReadonlyMap<string, SeatHours>;
}

export interface SeatHours {
  readonly hours: WeeklyHours;
  readonly exceptions: ReadonlyMap<string, readonly string[]>;
}

export interface Slot {
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly capacity: number;
  /** Seats free for the whole slot, in the order of `seats` (a booking takes one of them). */
  readonly freeSeats: readonly string[];
}

export interface MinutePeriod {
  readonly start: number;
  readonly end: number;
}

/** 'HH:MM-HH:MM' → minutes of the day, or null when malformed or empty. */
export function parsePeriod(text: string): MinutePeriod | null {
  const [a = '', b = ''] = text.split('-');
  const start = parseHhMm(a);
  const end = parseHhMm(b);
  return start === null || end === null || end <= start ? null : { start, end };
}

/** Valid periods in order, overlapping ones merged (slots then come in increasing time). */
const parsed = (periods: readonly string[]): MinutePeriod[] => merged(periods.map(parsePeriod).filter((p): p is MinutePeriod => p !== null));

/** Periods in order, overlapping ones merged. */
function merged(periods: readonly MinutePeriod[]): MinutePeriod[] {
  const sorted = [...periods].sort((x, y) => x.start - y.start);
  const out: MinutePeriod[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.start < last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, p.end) };
    else out.push(p);
  }
  return out;
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export const isoWeekdayOf = (date: IsoDate): number => {
  const w = weekdayOf(dayNumberOf(date));
  return w === 0 ? 7 : w;
};

/** A make-up Saturday is worked as a normal weekday: the pattern of the first weekday the point opens. */
function ordinaryWeekdayPeriods(hours: WeeklyHours): readonly string[] {
  for (const day of ['1', '2', '3', '4', '5']) {
    const periods = hours.weekly[day] ?? [];
    if (periods.length > 0) return periods;
  }
  return [];
}

/** The opening periods of one date (see the file's comment for the order of the rules). */
export function periodsOfDay(date: IsoDate, hours: WeeklyHours, exceptions: ReadonlyMap<string, readonly string[]>, dayKind: (d: IsoDate) => DayKind): MinutePeriod[] {
  const exception = exceptions.get(date);
  if (exception) return parsed(exception);
  switch (dayKind(date)) {
    case 'dayOff': return [];
    case 'makeUp': return parsed(ordinaryWeekdayPeriods(hours));
    case 'working':
    case 'weekend': return parsed(hours.weekly[String(isoWeekdayOf(date))] ?? []);
  }
}

/**
 * Each seat's periods on a date: the point's exception for every seat; else a seat's own exception;
 * else the calendar over the seat's own weekly hours, or the point's.
 */
export function seatPeriodsOfDay(date: IsoDate, q: Pick<SlotQuery, 'seats' | 'hours' | 'exceptions' | 'dayKind' | 'seatHours'>): Map<string, MinutePeriod[]> {
  const pointDay = periodsOfDay(date, q.hours, q.exceptions, q.dayKind);
  const none = new Map<string, readonly string[]>();
  return new Map(q.seats.map((seat) => {
    const own = q.exceptions.has(date) ? undefined : q.seatHours?.get(seat);
    return [seat, own ? periodsOfDay(date, own.hours, own.exceptions.has(date) ? own.exceptions : none, q.dayKind) : pointDay];
  }));
}

/** The seats of `seats` that no booking overlaps over [start, end). */
export function freeSeatsBetween(seats: readonly string[], bookingsBySeat: ReadonlyMap<string, readonly SeatBooking[]>, start: EpochMs, end: EpochMs): string[] {
  return seats.filter((seat) => !(bookingsBySeat.get(seat) ?? []).some((b) => b.start < end && start < b.end));
}

function groupBySeat(bookings: readonly SeatBooking[]): Map<string, SeatBooking[]> {
  const bySeat = new Map<string, SeatBooking[]>();
  for (const b of bookings) {
    const list = bySeat.get(b.seat);
    if (list) list.push(b);
    else bySeat.set(b.seat, [b]);
  }
  for (const list of bySeat.values()) list.sort((x, y) => x.start - y.start);
  return bySeat;
}

/**
 * Free seats of slots asked in increasing time order: one cursor a seat over its bookings sorted
 * by start, so a day of slots costs O(slots × seats + bookings), not slots × bookings.
 */
function seatCursor(bySeat: ReadonlyMap<string, readonly SeatBooking[]>): (seats: readonly string[], start: EpochMs, end: EpochMs) => string[] {
  const cursor = new Map<string, number>();
  return (seats, start, end) => seats.filter((seat) => {
    const list = bySeat.get(seat) ?? [];
    let i = cursor.get(seat) ?? 0;
    while (i < list.length && (list[i]?.end ?? 0) <= start) i++; // ended before this slot: never needed again
    cursor.set(seat, i);
    for (let j = i; j < list.length; j++) {
      const b = list[j];
      if (!b || b.start >= end) break;
      if (b.end > start) return false;
    }
    return true;
  });
}

/** The slots of [from, to] that can still be offered: after the minimum notice and within the horizon. */
export function generateSlots(q: SlotQuery): Slot[] {
  const length = Math.floor(q.durationMinutes);
  const step = Math.floor(q.stepMinutes ?? length);
  if (q.seats.length === 0 || length <= 0 || step <= 0) return [];
  const today = vnDateOfInstant(q.now);
  const lastDay = addDays(today, q.horizonDays);
  const from = q.from < today ? today : q.from;
  const to = q.to > lastDay ? lastDay : q.to;
  const earliest = q.now + q.minNoticeMinutes * 60_000;
  const freeSeats = q.travel ? couriersFree(q.bookings, q.travel) : seatCursor(groupBySeat(q.bookings));
  const slots: Slot[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const perSeat = seatPeriodsOfDay(date, q);
    const within = (m: number) => (seat: string) => (perSeat.get(seat) ?? []).some((p) => p.start <= m && m + length <= p.end);
    for (const period of merged([...perSeat.values()].flat())) {
      for (let m = period.start; m + length <= period.end; m += step) {
        const start = vnInstant(date, m);
        if (start < earliest) continue;
        const open = q.seats.filter(within(m));
        if (open.length === 0) continue;
        const end = start + length * 60_000;
        slots.push({ start, end, capacity: open.length, freeSeats: freeSeats(open, start, end) });
      }
    }
  }
  return slots;
}

/** The slot starting at `start` if it is one the query offers (a booking may only take an offered slot). */
export function slotAt(q: SlotQuery, start: EpochMs): Slot | null {
  const date = vnDateOfInstant(start);
  return generateSlots({ ...q, from: date, to: date }).find((s) => s.start === start) ?? null;
}

/** The calendar questions slots ask (WorkCalendar of src/calendar answers them). */
export interface CalendarDays {
  isWorkingDay(date: IsoDate): boolean;
  reasonOf(date: IsoDate): string | null;
}

/**
 * How the working calendar sees a date: a Saturday or Sunday that is worked is a make-up day; a
 * weekday that is not worked is a day off; a weekend day named in the holiday data (Tết 2025 starts
 * on Saturday 25/01) is a day off too; other weekend days follow the point's weekly pattern.
 */
export function dayKindFrom(calendar: CalendarDays): (date: IsoDate) => DayKind {
  return (date) => {
    const weekend = isoWeekdayOf(date) >= 6;
    if (calendar.isWorkingDay(date)) return weekend ? 'makeUp' : 'working';
    if (!weekend) return 'dayOff';
    return calendar.reasonOf(date) ? 'dayOff' : 'weekend';
  };
}
