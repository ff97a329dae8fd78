// Random days for the route planner's property tests and benchmark: stops around a post office,
// and windows cut around one order that keeps them all, so a plan keeping every window exists.
import fc from 'fast-check';
import type { LatLng } from './geo';
import { routeInOrder, type RouteProblem, type RouteStop, type TaskKind } from './route';

export const POST_OFFICE: LatLng = { latitude: 10.4597, longitude: 105.6326 }; // demo: central Cao Lãnh, approximate

const KINDS: readonly TaskKind[] = ['pickup', 'delivery', 'appointment'];

export interface DaySeed {
  readonly points: readonly { readonly dLat: number; readonly dLng: number; readonly service: number; readonly windowed: boolean; readonly early: number; readonly slack: number }[];
  readonly shuffleKeys: readonly number[];
}

export function daySeed(minStops: number, maxStops: number): fc.Arbitrary<DaySeed> {
  return fc.integer({ min: minStops, max: maxStops }).chain((n) => fc.record({
    points: fc.array(fc.record({
      dLat: fc.double({ min: -0.15, max: 0.15, noNaN: true }),
      dLng: fc.double({ min: -0.15, max: 0.15, noNaN: true }),
      service: fc.integer({ min: 3, max: 20 }),
      windowed: fc.boolean(),
      early: fc.integer({ min: 0, max: 120 }),
      slack: fc.integer({ min: 0, max: 120 }),
    }), { minLength: n, maxLength: n }),
    shuffleKeys: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
  }));
}

/** The day: stops in the seed's order get windows around the times of riding them in that order; then shuffled. */
export function dayFromSeed(seed: DaySeed, startMinute = 7 * 60 + 30): RouteProblem {
  const plain: RouteStop[] = seed.points.map((p, i) => ({
    id: `T${String(i + 1).padStart(2, '0')}`,
    kind: KINDS[i % KINDS.length] ?? 'pickup',
    position: { latitude: POST_OFFICE.latitude + p.dLat, longitude: POST_OFFICE.longitude + p.dLng },
    window: null,
    serviceMinutes: p.service,
  }));
  const base: RouteProblem = { start: { position: POST_OFFICE, minute: startMinute }, end: POST_OFFICE, stops: plain };
  const ridden = routeInOrder(base);
  const stops = plain.map((stop, i) => {
    const p = seed.points[i];
    const at = ridden.stops[i]?.serviceStartMinute ?? startMinute;
    return p?.windowed ? { ...stop, window: { from: Math.round(at) - p.early, to: Math.ceil(at) + p.slack } } : stop;
  });
  const order = stops.map((s, i) => ({ s, k: seed.shuffleKeys[i] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.s);
  return { ...base, stops: order };
}
