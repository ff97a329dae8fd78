/**
 * The route planner's model: the courier's day as data (stops with time windows), the distance and
 * time matrix, and how a visiting order is ranked: minutes late first (0 when every window is
 * kept), then length, then the time back at the post office. Pure.
 */
import { DEFAULT_ROAD_FACTOR, roadKm, type LatLng } from './geo';

/** what the courier does at a stop: at an address, or at an agency's desk (parcels to hand over, transfers) */
export type TaskKind = 'pickup' | 'delivery' | 'appointment' | 'agency';

/** Minutes after midnight, Vietnam time, of the planned day. */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

export interface RouteStop {
  readonly id: string;
  readonly kind: TaskKind;
  readonly position: LatLng;
  /** service must start within it; null = any time */
  readonly window: TimeWindow | null;
  readonly serviceMinutes: number;
}

export interface RouteProblem {
  /** the post office at the start of the day, or where the courier is when re-planning */
  readonly start: { readonly position: LatLng; readonly minute: number };
  /** the post office the route returns to */
  readonly end: LatLng;
  readonly stops: readonly RouteStop[];
  /** motorbike on delta roads, configuration [U] */
  readonly speedKmh?: number;
  readonly roadFactor?: number;
}

export interface PlannedStop {
  readonly id: string;
  readonly arriveMinute: number;
  /** arrival, or the window's start when early */
  readonly serviceStartMinute: number;
  readonly departMinute: number;
  readonly lateMinutes: number;
}

export interface RoutePlan {
  readonly order: readonly string[];
  readonly stops: readonly PlannedStop[];
  readonly lengthKm: number;
  /** sum over stops of minutes after their window's end (0 = every window kept) */
  readonly lateMinutes: number;
  readonly returnMinute: number;
}

export const DEFAULT_SPEED_KMH = 25;
export const EPS = 1e-9;
/** Distances and times between start (0), stops (1..n) and end (n + 1). */
export interface Matrix {
  readonly n: number;
  readonly km: Float64Array;
  readonly minutes: Float64Array;
  readonly size: number;
  /** per matrix index: window start and end (±∞ when none) and service minutes */
  readonly opens: Float64Array;
  readonly closes: Float64Array;
  readonly service: Float64Array;
}

export function buildMatrix(problem: RouteProblem): Matrix {
  const points = [problem.start.position, ...problem.stops.map((s) => s.position), problem.end];
  const size = points.length;
  const km = new Float64Array(size * size);
  const minutes = new Float64Array(size * size);
  const factor = problem.roadFactor ?? DEFAULT_ROAD_FACTOR;
  const perKm = 60 / (problem.speedKmh ?? DEFAULT_SPEED_KMH);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const a = points[i];
      const b = points[j];
      const d = a && b ? roadKm(a, b, factor) : 0;
      km[i * size + j] = km[j * size + i] = d;
      minutes[i * size + j] = minutes[j * size + i] = d * perKm;
    }
  }
  const opens = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
  const closes = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const service = new Float64Array(size);
  problem.stops.forEach((stop, i) => {
    if (stop.window) {
      opens[i + 1] = stop.window.from;
      closes[i + 1] = stop.window.to;
    }
    service[i + 1] = stop.serviceMinutes;
  });
  return { n: problem.stops.length, km, minutes, size, opens, closes, service };
}

export interface Cost {
  readonly late: number;
  readonly km: number;
  /** minute back at the post office: among routes as late and as long, the earlier return wins */
  readonly back: number;
}

export const better = (a: Cost, b: Cost): boolean => {
  if (Math.abs(a.late - b.late) > EPS) return a.late < b.late;
  if (Math.abs(a.km - b.km) > EPS) return a.km < b.km;
  return a.back < b.back - EPS;
};

/** Cost of visiting the first `count` stops (1-based matrix indices) of `order`, then the end. */
export function costOf(problem: RouteProblem, m: Matrix, order: ArrayLike<number>, count = order.length): Cost {
  let at = 0;
  let minute = problem.start.minute;
  let km = 0;
  let late = 0;
  for (let p = 0; p < count; p++) {
    const node = order[p] ?? 0;
    km += m.km[at * m.size + node] ?? 0;
    minute += m.minutes[at * m.size + node] ?? 0;
    const opens = m.opens[node] ?? 0;
    const closes = m.closes[node] ?? 0;
    if (minute < opens) minute = opens;
    if (minute > closes) late += minute - closes;
    minute += m.service[node] ?? 0;
    at = node;
  }
  km += m.km[at * m.size + m.n + 1] ?? 0;
  return { late, km, back: minute + (m.minutes[at * m.size + m.n + 1] ?? 0) };
}

/** Arrival, service and departure times of stops visited in `order` (matrix indices). */
export function schedule(problem: RouteProblem, m: Matrix, order: readonly number[]): RoutePlan {
  const stops: PlannedStop[] = [];
  let at = 0;
  let minute = problem.start.minute;
  let lengthKm = 0;
  let lateMinutes = 0;
  for (const node of order) {
    const stop = problem.stops[node - 1];
    if (!stop) continue;
    lengthKm += m.km[at * m.size + node] ?? 0;
    const arriveMinute = minute + (m.minutes[at * m.size + node] ?? 0);
    const serviceStartMinute = stop.window ? Math.max(arriveMinute, stop.window.from) : arriveMinute;
    // a stop reached within EPS of its window's end is on time: rounding of the distances, not lateness
    const late = stop.window && serviceStartMinute - stop.window.to > EPS ? serviceStartMinute - stop.window.to : 0;
    lateMinutes += late;
    minute = serviceStartMinute + stop.serviceMinutes;
    stops.push({ id: stop.id, arriveMinute, serviceStartMinute, departMinute: minute, lateMinutes: late });
    at = node;
  }
  lengthKm += m.km[at * m.size + m.n + 1] ?? 0;
  const returnMinute = minute + (m.minutes[at * m.size + m.n + 1] ?? 0);
  return { order: stops.map((s) => s.id), stops, lengthKm, lateMinutes, returnMinute };
}
