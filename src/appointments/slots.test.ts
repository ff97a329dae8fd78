import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, dayKind, hoursArb, slotMinutes } from './slots.test-helper';
import { addDays, formatVnInstant, vnDateOfInstant, type EpochMs, type IsoDate } from '../shared/civil-date';
import { generateSlots, periodsOfDay, slotAt, type SeatBooking, type SlotQuery, type WeeklyHours } from './slots';

const weekday = ['07:30-11:30', '13:30-17:00'];
/** A point open Monday–Friday, closed on ordinary Saturdays. */
const weekdaysOnly: WeeklyHours = { weekly: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday } };
/** A point that also takes dossiers on Saturday mornings. */
const withSaturday: WeeklyHours = { weekly: { ...weekdaysOnly.weekly, 6: ['07:30-11:30'] } };

const query = (over: Partial<SlotQuery>): SlotQuery => ({
  from: '2025-01-01' as IsoDate, to: '2025-01-01' as IsoDate, now: at('2024-12-20T08:00'), hours: withSaturday,
  exceptions: new Map(), dayKind, seats: ['Q01', 'Q02', 'Q03'], durationMinutes: 20, minNoticeMinutes: 120, horizonDays: 180, bookings: [],
  ...over,
});
const hhmm = (t: EpochMs) => formatVnInstant(t).slice(11, 16);

describe('slots on the calendar (acceptance)', () => {
  it('Tết 2025 has no slots, even at a point open on Saturdays', () => {
    const slots = generateSlots(query({ from: '2025-01-25' as IsoDate, to: '2025-02-02' as IsoDate }));
    expect(slots).toEqual([]);
    // the working days around it have slots
    expect(generateSlots(query({ from: '2025-01-24' as IsoDate, to: '2025-01-24' as IsoDate })).length).toBe(22);
    expect(generateSlots(query({ from: '2025-02-03' as IsoDate, to: '2025-02-03' as IsoDate })).length).toBe(22);
  });

  it('the make-up working Saturday 26 April 2025 has slots at a point closed on ordinary Saturdays', () => {
    const q = query({ hours: weekdaysOnly, now: at('2025-04-01T08:00') });
    const makeUp = generateSlots({ ...q, from: '2025-04-26' as IsoDate, to: '2025-04-26' as IsoDate });
    expect(makeUp.map((s) => hhmm(s.start)).slice(0, 3)).toEqual(['07:30', '07:50', '08:10']);
    expect(makeUp.length).toBe(22); // 12 in 07:30–11:30, 10 in 13:30–17:00 (the last 16:50 would end 17:10)
    // an ordinary Saturday stays closed there; the swapped Friday 2 May is off
    expect(generateSlots({ ...q, from: '2025-04-19' as IsoDate, to: '2025-04-19' as IsoDate })).toEqual([]);
    expect(generateSlots({ ...q, from: '2025-05-02' as IsoDate, to: '2025-05-02' as IsoDate })).toEqual([]);
  });

  it('Giỗ Tổ (Monday 7 April 2025) and National Day have no slots', () => {
    const q = query({ now: at('2025-03-01T08:00') });
    expect(generateSlots({ ...q, from: '2025-04-07' as IsoDate, to: '2025-04-07' as IsoDate })).toEqual([]);
    expect(generateSlots({ ...q, now: at('2025-08-01T08:00'), from: '2025-09-01' as IsoDate, to: '2025-09-02' as IsoDate })).toEqual([]);
  });

  it('an exception replaces the week: a closed day, or a shortened one', () => {
    const exceptions = new Map([['2025-01-02', []], ['2025-01-03', ['08:00-09:00']]]);
    const slots = generateSlots(query({ from: '2025-01-02' as IsoDate, to: '2025-01-03' as IsoDate, exceptions }));
    expect(slots.map((s) => formatVnInstant(s.start))).toEqual(['2025-01-03T08:00:00+07:00', '2025-01-03T08:20:00+07:00', '2025-01-03T08:40:00+07:00']);
  });
});

describe('slots: notice, horizon, lunch break, bookings', () => {
  it('starts no earlier than the minimum notice and ends at the horizon', () => {
    // Thursday 2 January 2025 at 09:05: 2 h notice → 11:05; 11:10 would end 11:30 at the lunch break
    const slots = generateSlots(query({ from: '2025-01-02' as IsoDate, to: '2025-01-20' as IsoDate, now: at('2025-01-02T09:05'), horizonDays: 1 }));
    expect(slots.map((s) => formatVnInstant(s.start)).slice(0, 2)).toEqual(['2025-01-02T11:10:00+07:00', '2025-01-02T13:30:00+07:00']);
    expect(new Set(slots.map((s) => vnDateOfInstant(s.start)))).toEqual(new Set(['2025-01-02', '2025-01-03']));
  });

  it('a slot never spans the lunch break: 45-minute services end by 11:30 and start again at 13:30', () => {
    const slots = generateSlots(query({ from: '2025-01-02' as IsoDate, to: '2025-01-02' as IsoDate, durationMinutes: 45 }));
    expect(slots.map((s) => hhmm(s.start))).toEqual(['07:30', '08:15', '09:00', '09:45', '10:30', '13:30', '14:15', '15:00', '15:45']);
  });

  it('a booking takes one seat; a slot overlapped by bookings on every seat has none free', () => {
    const s = at('2025-01-02T08:10');
    const bookings: SeatBooking[] = [
      { seat: 'Q01', start: s, end: s + 20 * 60_000 },
      { seat: 'Q02', start: at('2025-01-02T08:00'), end: at('2025-01-02T08:30') }, // another procedure's longer service
      { seat: 'Q03', start: at('2025-01-02T08:25'), end: at('2025-01-02T08:45') },
    ];
    const q = query({ from: '2025-01-02' as IsoDate, to: '2025-01-02' as IsoDate, bookings });
    expect(slotAt(q, s)?.freeSeats).toEqual([]);
    expect(slotAt(q, at('2025-01-02T07:50'))?.freeSeats).toEqual(['Q01', 'Q03']);
    expect(slotAt(q, at('2025-01-02T08:30'))?.freeSeats).toEqual(['Q01', 'Q02']);
    expect(slotAt(q, at('2025-01-02T08:15'))).toBeNull(); // not on the grid
  });

  it('no seats (no counter serves the procedure) gives no slot', () => {
    expect(generateSlots(query({ seats: [] }))).toEqual([]);
  });
});

// ---- properties (fast-check): for all points, calendars of 2024–2026, bookings and clocks ----

const dayArb = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2024-01-01' as IsoDate, n));
const seatsArb = fc.uniqueArray(fc.constantFrom('Q01', 'Q02', 'Q03', 'Q04', 'Q05'), { maxLength: 5 });

const scenario = fc.record({
  hours: hoursArb, from: dayArb, span: fc.integer({ min: 0, max: 20 }), seats: seatsArb,
  duration: fc.integer({ min: 5, max: 120 }), notice: fc.integer({ min: 0, max: 3000 }), horizon: fc.integer({ min: 1, max: 60 }),
  nowOffsetMinutes: fc.integer({ min: -5 * 1440, max: 5 * 1440 }),
  bookings: fc.array(fc.record({ seat: fc.constantFrom('Q01', 'Q02', 'Q03', 'Q04', 'Q05'), dayOffset: fc.integer({ min: 0, max: 20 }), minute: fc.integer({ min: 0, max: 1430 }), length: fc.integer({ min: 5, max: 200 }) }), { maxLength: 40 }),
}).map((s): SlotQuery => {
  const base = at(`${s.from}T00:00`);
  return {
    from: s.from, to: addDays(s.from, s.span), now: base + s.nowOffsetMinutes * 60_000, hours: s.hours, exceptions: new Map(), dayKind,
    seats: s.seats, durationMinutes: s.duration, minNoticeMinutes: s.notice, horizonDays: s.horizon,
    bookings: s.bookings.map((b) => ({ seat: b.seat, start: base + (b.dayOffset * 1440 + b.minute) * 60_000, end: base + (b.dayOffset * 1440 + b.minute + b.length) * 60_000 })),
  };
});

const overlaps = (b: SeatBooking, seat: string, start: EpochMs, end: EpochMs) => b.seat === seat && b.start < end && start < b.end;

describe('slots: properties', () => {
  // plain checks inside the loops (an expect per slot is slow under load); one expect per run
  it('no slot outside the opening hours of its day, none on a day off, none before the notice or past the horizon', () => {
    fc.assert(fc.property(scenario, (q) => {
      const wrong = generateSlots(q).filter((slot) => {
        const { date, startMin, endMin } = slotMinutes(slot);
        return dayKind(date) === 'dayOff'
          || !periodsOfDay(date, q.hours, q.exceptions, q.dayKind).some((p) => p.start <= startMin && endMin <= p.end)
          || slot.start < q.now + q.minNoticeMinutes * 60_000
          || date > addDays(vnDateOfInstant(q.now), q.horizonDays);
      });
      expect(wrong.map((s) => formatVnInstant(s.start))).toEqual([]);
    }), { numRuns: 200 });
  });

  it('capacity is the number of seats; free seats are never negative nor more than the capacity, and none is booked over the slot', () => {
    fc.assert(fc.property(scenario, (q) => {
      const wrong = generateSlots(q).filter((slot) => slot.capacity !== q.seats.length
        || slot.freeSeats.length > slot.capacity
        // a seat listed free is booked by nobody over the slot; a seat not listed is booked by someone
        || q.seats.some((seat) => slot.freeSeats.includes(seat) === q.bookings.some((b) => overlaps(b, seat, slot.start, slot.end))));
      expect(wrong.map((s) => formatVnInstant(s.start))).toEqual([]);
    }), { numRuns: 200 });
  });

  it('booking free seats one by one never exceeds the capacity of a slot', () => {
    fc.assert(fc.property(scenario, fc.integer({ min: 0, max: 10 }), (q, attempts) => {
      const slots = generateSlots(q);
      const first = slots[0];
      if (!first) return;
      let bookings = [...q.bookings];
      let taken = 0;
      for (let i = 0; i < attempts; i++) {
        const slot = slotAt({ ...q, bookings }, first.start);
        const seat = slot?.freeSeats[0];
        if (!seat) break;
        bookings = [...bookings, { seat, start: first.start, end: first.end }];
        taken += 1;
      }
      expect(taken).toBeLessThanOrEqual(first.freeSeats.length);
      expect(slotAt({ ...q, bookings }, first.start)?.freeSeats.length).toBe(first.freeSeats.length - taken);
    }), { numRuns: 200 });
  });

  it('gives the same slots whatever the server\'s time zone', () => {
    const original = process.env['TZ'];
    try {
      fc.assert(fc.property(scenario, fc.constantFrom('UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh'), (q, tz) => {
        delete process.env['TZ'];
        const reference = generateSlots(q);
        process.env['TZ'] = tz;
        expect(generateSlots(q)).toEqual(reference);
      }), { numRuns: 100 });
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
  });
});
