// Visits at home (issue 14 §2), pure: a courier can take a visit when none of their booked visits
// comes closer to it than the travel between the two addresses' communes.
//
// Travel model (README "Visits at home"): within one commune SAME_COMMUNE_TRAVEL_MINUTES; between
// two communes whose centres the directory knows (migration 0137), the road distance (great circle
// × 1.4) at 25 km/h, rounded up to 5 minutes and never less than within a commune; otherwise the
// point's configured `homeTravelMinutes`. Symmetric, so "no two visits of one courier closer than
// the travel between them" holds whichever of the two was booked first.
import { roadKm, type LatLng } from '../postal/service';
import type { EpochMs } from '../shared/civil-date';

/** A booked visit as slots.ts holds it (its SeatBooking): the courier's seat, its times, its commune. */
interface SeatBooking {
  readonly seat: string;
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly commune?: string | null;
}

/** Minutes between two visits in the same commune [U]: configuration until measured. */
export const SAME_COMMUNE_TRAVEL_MINUTES = 10;
/** A motorbike on the delta's roads [U], as the postal day plan's route model. */
export const TRAVEL_SPEED_KMH = 25;
/** Visits at home start every half hour (each lasts the procedure's home duration). */
export const HOME_SLOT_STEP_MINUTES = 30;

/** Minutes a courier needs from a visit in one commune to a visit in another. */
export type TravelMinutes = (fromCommune: string, toCommune: string) => number;

/** The travel model above, over the communes' centres (by commune code). */
export function travelModel(centres: ReadonlyMap<string, LatLng>, otherCommuneMinutes: number): TravelMinutes {
  return (a, b) => {
    if (a === b) return SAME_COMMUNE_TRAVEL_MINUTES;
    const from = centres.get(a);
    const to = centres.get(b);
    if (!from || !to) return Math.max(SAME_COMMUNE_TRAVEL_MINUTES, otherCommuneMinutes);
    const minutes = (roadKm(from, to) / TRAVEL_SPEED_KMH) * 60;
    return Math.max(SAME_COMMUNE_TRAVEL_MINUTES, Math.ceil(minutes / 5) * 5);
  };
}

/** Where the asked visit is and how far apart visits must be. */
export interface HomeTravel {
  readonly commune: string;
  readonly minutes: TravelMinutes;
}

/**
 * Whether a visit [start, end) in `commune` keeps clear of a booked one: the booked visit ends,
 * plus the travel to the new address, before the new one starts — or the new one ends, plus the
 * travel on, before the booked one starts. A booked visit without a commune counts as elsewhere.
 */
export function keepsClear(booked: SeatBooking, travel: HomeTravel, start: EpochMs, end: EpochMs): boolean {
  const there = booked.commune ?? '';
  return booked.end + travel.minutes(there, travel.commune) * 60_000 <= start || end + travel.minutes(travel.commune, there) * 60_000 <= booked.start;
}

/** The couriers of `seats` free for a visit [start, end) at `travel.commune`, given their booked visits. */
export function couriersFree(bookings: readonly SeatBooking[], travel: HomeTravel): (seats: readonly string[], start: EpochMs, end: EpochMs) => string[] {
  const bySeat = new Map<string, SeatBooking[]>();
  for (const b of bookings) bySeat.set(b.seat, [...(bySeat.get(b.seat) ?? []), b]);
  return (seats, start, end) => seats.filter((seat) => (bySeat.get(seat) ?? []).every((b) => keepsClear(b, travel, start, end)));
}

/** The seat of a courier (by account id): a visit at home holds it, under the bookings' constraint. */
export const courierSeatOf = (courierId: number): string => `courier:${courierId}`;
export const courierIdOfSeat = (seat: string): number | null => {
  const m = /^courier:(\d+)$/.exec(seat);
  return m ? Number(m[1]) : null;
};
