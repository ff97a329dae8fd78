// Visits at home, pure (issue 14 §2): slots every half hour over the couriers' hours on the working
// calendar, a courier free only when their visits keep the travel clear; the travel model; and the
// property that, whatever bookings are made, no two visits of one courier come closer than the
// travel between their communes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vnInstant, type IsoDate } from '../shared/civil-date';
import { couriersFree, courierIdOfSeat, courierSeatOf, HOME_SLOT_STEP_MINUTES, keepsClear, SAME_COMMUNE_TRAVEL_MINUTES, travelModel, type HomeTravel } from './home-travel';
import { at, dayKind, slotMinutes } from './slots.test-helper';
import { generateSlots, type SeatBooking, type SlotQuery } from './slots';

const WEEK = ['07:30-11:30', '13:30-17:00'];
const hours = { weekly: { 1: WEEK, 2: WEEK, 3: WEEK, 4: WEEK, 5: WEEK } };
const COURIERS = [courierSeatOf(11), courierSeatOf(12)];
/** Three communes: A and B close, C far; a fixed matrix in minutes. */
const MATRIX: Record<string, Record<string, number>> = { A: { A: 10, B: 20, C: 45 }, B: { A: 20, B: 10, C: 35 }, C: { A: 45, B: 35, C: 10 } };
const matrix = (a: string, b: string) => MATRIX[a]?.[b] ?? 60;
const travelTo = (commune: string): HomeTravel => ({ commune, minutes: matrix });

const query = (commune: string, bookings: readonly SeatBooking[], day = '2026-03-12' as IsoDate): SlotQuery => ({
  from: day, to: day, now: at('2026-03-02T09:00+07:00'), hours, exceptions: new Map(), dayKind, seats: COURIERS,
  durationMinutes: 30, stepMinutes: HOME_SLOT_STEP_MINUTES, minNoticeMinutes: 120, horizonDays: 30, bookings, travel: travelTo(commune),
});
const visit = (seat: string, hhmm: string, commune: string, minutes = 30): SeatBooking => {
  const start = at(`2026-03-12T${hhmm}+07:00`);
  return { seat, start, end: start + minutes * 60_000, commune };
};
const hhmmOf = (s: { start: number; end: number }) => {
  const m = slotMinutes(s).startMin;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

describe('slots at home', () => {
  it('start every half hour within the hours, one visit long; none on Tết; the make-up Saturday 26/04/2025 has them', () => {
    const slots = generateSlots(query('A', []));
    expect(slots.slice(0, 3).map((s) => [hhmmOf(s), (s.end - s.start) / 60_000, s.capacity])).toEqual([['07:30', 30, 2], ['08:00', 30, 2], ['08:30', 30, 2]]);
    expect(slots.at(-1) && hhmmOf(slots.at(-1) as { start: number; end: number })).toBe('16:30');
    const tet = { ...query('A', [], '2025-01-29' as IsoDate), now: at('2025-01-10T09:00+07:00') };
    expect(generateSlots(tet)).toEqual([]);
    const makeUp = { ...query('A', [], '2025-04-26' as IsoDate), now: at('2025-04-20T09:00+07:00') };
    expect(generateSlots(makeUp).length).toBeGreaterThan(0);
  });

  it('a courier with a visit at 08:00 in C is not free at 08:30 in A (45 minutes away), but is at 08:30 in C (10 minutes)', () => {
    const booked = [visit(COURIERS[0] ?? '', '08:00', 'C')];
    const free = (commune: string, hhmm: string) => generateSlots(query(commune, booked)).find((s) => hhmmOf(s) === hhmm)?.freeSeats;
    expect(free('A', '08:30')).toEqual([COURIERS[1]]);
    expect(free('A', '09:30')).toEqual(COURIERS); // 08:30 + 45 min = 09:15
    expect(free('C', '08:30')).toEqual([COURIERS[1]]); // 08:30 + 10 min > 08:30
    expect(free('C', '09:00')).toEqual(COURIERS);
    expect(free('A', '07:30')).toEqual([COURIERS[1]]); // 08:00 + 45 min back to C is needed after a 07:30 visit in A
  });

  it('the travel model: 10 minutes within a commune, by the centres\' road distance between communes, the configured minutes when a centre is unknown', () => {
    const centres = new Map([['X', { latitude: 10.45, longitude: 105.63 }], ['Y', { latitude: 10.55, longitude: 105.63 }]]);
    const t = travelModel(centres, 25);
    expect(t('X', 'X')).toBe(SAME_COMMUNE_TRAVEL_MINUTES);
    // 11.1 km straight × 1.4 = 15.6 km at 25 km/h = 37.4 min → 40
    expect(t('X', 'Y')).toBe(40);
    expect(t('Y', 'X')).toBe(40);
    expect(t('X', 'Z')).toBe(25);
    expect(courierIdOfSeat(courierSeatOf(42))).toBe(42);
    expect(courierIdOfSeat('Q01')).toBeNull();
  });

  it('property: whatever is booked, in any order, no two visits of one courier come closer than the travel between them', () => {
    const attempt = fc.record({ slot: fc.integer({ min: 0, max: 40 }), commune: fc.constantFrom('A', 'B', 'C'), minutes: fc.constantFrom(20, 30, 45) });
    fc.assert(fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
      const booked: SeatBooking[] = [];
      for (const a of attempts) {
        const slots = generateSlots({ ...query(a.commune, booked), durationMinutes: a.minutes });
        const slot = slots[a.slot % Math.max(1, slots.length)];
        const seat = slot?.freeSeats[0];
        if (slot && seat) booked.push({ seat, start: slot.start, end: slot.end, commune: a.commune });
      }
      for (const x of booked) {
        for (const y of booked) {
          if (x === y || x.seat !== y.seat) continue;
          expect(keepsClear(x, travelTo(y.commune ?? ''), y.start, y.end)).toBe(true);
          const [first, second] = x.start <= y.start ? [x, y] : [y, x];
          expect(first.end + matrix(first.commune ?? '', second.commune ?? '') * 60_000).toBeLessThanOrEqual(second.start);
        }
      }
    }), { numRuns: 150 });
  });

  it('couriersFree keeps only the couriers whose every visit keeps clear', () => {
    const D = '2026-03-12' as IsoDate;
    const free = couriersFree([visit(COURIERS[0] ?? '', '09:00', 'B')], travelTo('A'));
    expect(free(COURIERS, vnInstant(D, 8 * 60 + 30), vnInstant(D, 9 * 60))).toEqual([COURIERS[1]]); // 09:00 + 20 > 09:00
    expect(free(COURIERS, vnInstant(D, 8 * 60), vnInstant(D, 8 * 60 + 40))).toEqual(COURIERS); // 08:40 + 20 = 09:00
  });
});
