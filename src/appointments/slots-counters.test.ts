// Opening hours per counter (issue 14 §1): slots run over the union of the counters' periods and a
// slot's capacity is the number of counters open for the whole of it and serving the procedure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, dayKind, hoursArb, slotMinutes } from './slots.test-helper';
import { addDays, formatVnInstant, vnDateOfInstant, type EpochMs, type IsoDate } from '../shared/civil-date';
import { generateSlots, seatPeriodsOfDay, type SeatHours, type SlotQuery, type WeeklyHours } from './slots';

const hhmm = (t: EpochMs) => formatVnInstant(t).slice(11, 16);
const weekday = ['07:30-11:30', '13:30-17:00'];
/** The point: Monday–Friday, closed on Saturdays. */
const point: WeeklyHours = { weekly: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday } };
/** Q02 works mornings only; Q03 also takes dossiers on Saturday mornings. */
const mornings: SeatHours = { hours: { weekly: { 1: ['07:30-11:30'], 2: ['07:30-11:30'], 3: ['07:30-11:30'], 4: ['07:30-11:30'], 5: ['07:30-11:30'] } }, exceptions: new Map() };
const saturday: SeatHours = { hours: { weekly: { ...point.weekly, 6: ['07:30-11:30'] } }, exceptions: new Map([['2025-01-08', ['13:30-15:00']]]) };

const query = (over: Partial<SlotQuery>): SlotQuery => ({
  from: '2025-01-06' as IsoDate, to: '2025-01-06' as IsoDate, now: at('2024-12-20T08:00'), hours: point, exceptions: new Map(), dayKind,
  seats: ['Q01', 'Q02', 'Q03'], durationMinutes: 20, minNoticeMinutes: 120, horizonDays: 180, bookings: [],
  seatHours: new Map([['Q02', mornings], ['Q03', saturday]]), ...over,
});
const capacities = (q: SlotQuery) => Object.fromEntries(generateSlots(q).map((s) => [`${vnDateOfInstant(s.start)} ${hhmm(s.start)}`, s.capacity]));

describe('slots with opening hours per counter', () => {
  it('a weekday: three counters in the morning, two in the afternoon (Q02 works mornings only)', () => {
    const c = capacities(query({}));
    expect(c['2025-01-06 07:30']).toBe(3);
    expect(c['2025-01-06 11:10']).toBe(3);
    expect(c['2025-01-06 13:30']).toBe(2);
    const slot = generateSlots(query({})).find((s) => hhmm(s.start) === '14:10');
    expect(slot?.freeSeats).toEqual(['Q01', 'Q03']);
  });

  it('an ordinary Saturday: only Q03 takes dossiers, in the morning', () => {
    const slots = generateSlots(query({ from: '2025-01-11' as IsoDate, to: '2025-01-11' as IsoDate }));
    expect(slots.map((s) => hhmm(s.start)).slice(0, 2)).toEqual(['07:30', '07:50']);
    expect(slots.length).toBe(12);
    expect(new Set(slots.map((s) => s.capacity))).toEqual(new Set([1]));
    expect(slots.every((s) => s.freeSeats.join() === 'Q03')).toBe(true);
  });

  it('Tết 2025 has no slots at any counter, Q03\'s Saturday included', () => {
    expect(generateSlots(query({ from: '2025-01-25' as IsoDate, to: '2025-02-02' as IsoDate }))).toEqual([]);
  });

  it('the make-up Saturday 26/04/2025 is worked as a weekday: every counter with its weekday hours', () => {
    const c = capacities(query({ from: '2025-04-26' as IsoDate, to: '2025-04-26' as IsoDate, now: at('2025-04-01T08:00') }));
    expect(c['2025-04-26 07:30']).toBe(3);
    expect(c['2025-04-26 13:30']).toBe(2);
    expect(Object.keys(c).length).toBe(22);
  });

  it('a counter\'s exception changes only that counter; a point\'s exception every counter', () => {
    // Wednesday 8 January 2025: Q03 works 13:30–15:00 only
    const own = capacities(query({ from: '2025-01-08' as IsoDate, to: '2025-01-08' as IsoDate }));
    expect(own['2025-01-08 07:30']).toBe(2); // Q01 and Q02
    expect(own['2025-01-08 13:30']).toBe(2);
    expect(own['2025-01-08 15:10']).toBe(1);
    // the point closes the afternoon: nobody works it, whatever the counters' own hours say
    const closed = capacities(query({ from: '2025-01-08' as IsoDate, to: '2025-01-08' as IsoDate, exceptions: new Map([['2025-01-08', ['07:30-09:30']]]) }));
    expect(Object.keys(closed)).toHaveLength(6);
    expect(new Set(Object.values(closed))).toEqual(new Set([3]));
  });

  it('a counter opening later joins the grid at the first slot that fits in its hours', () => {
    const late: SeatHours = { hours: { weekly: { 1: ['08:00-11:30'] } }, exceptions: new Map() };
    const c = capacities(query({ seats: ['Q01', 'Q04'], seatHours: new Map([['Q04', late]]) }));
    expect([c['2025-01-06 07:30'], c['2025-01-06 07:50'], c['2025-01-06 08:10']]).toEqual([1, 1, 2]);
    expect(c['2025-01-06 13:30']).toBe(1);
  });
});

// ---- property: capacity never exceeds the counters open and serving ----

const counters = ['Q01', 'Q02', 'Q03', 'Q04', 'Q05'];
const scenario = fc.record({
  hours: hoursArb, from: fc.integer({ min: 0, max: 900 }).map((n) => addDays('2024-01-01' as IsoDate, n)), span: fc.integer({ min: 0, max: 14 }),
  seats: fc.uniqueArray(fc.constantFrom(...counters), { maxLength: 5 }),
  own: fc.dictionary(fc.constantFrom(...counters), fc.record({ hours: hoursArb, closedOffset: fc.option(fc.integer({ min: 0, max: 14 })) })),
  duration: fc.integer({ min: 5, max: 120 }),
}).map((s): SlotQuery => ({
  from: s.from, to: addDays(s.from, s.span), now: at(`${s.from}T00:00`) - 86_400_000, hours: s.hours, exceptions: new Map(), dayKind,
  seats: s.seats, durationMinutes: s.duration, minNoticeMinutes: 0, horizonDays: 60, bookings: [],
  seatHours: new Map(Object.entries(s.own).map(([seat, o]) => [seat, {
    hours: o.hours, exceptions: new Map(o.closedOffset === null ? [] : [[addDays(s.from, o.closedOffset), []]]),
  }])),
}));

describe('slots with counters\' own hours: properties', () => {
  it('capacity never exceeds the counters open for the whole slot and serving; free seats are among them', () => {
    fc.assert(fc.property(scenario, (q) => {
      const wrong = generateSlots(q).filter((slot) => {
        const { date, startMin, endMin } = slotMinutes(slot);
        const perSeat = seatPeriodsOfDay(date, q);
        const open = q.seats.filter((seat) => (perSeat.get(seat) ?? []).some((p) => p.start <= startMin && endMin <= p.end));
        return slot.capacity === 0 || slot.capacity !== open.length || slot.freeSeats.some((seat) => !open.includes(seat)) || dayKind(date) === 'dayOff';
      });
      expect(wrong.map((s) => formatVnInstant(s.start))).toEqual([]);
    }), { numRuns: 200 });
  });
});
