/**
 * Local search for the route planner: starting orders (nearest in time, earliest window end), 2-opt
 * and or-opt moves until none helps, and swap kicks on small days. Pure.
 */
import { EPS, better, costOf, type Cost, type Matrix, type RouteProblem } from './route-model';

export interface Ranked {
  readonly order: number[];
  readonly cost: Cost;
}

/** Greedy: from where the courier is, the stop whose service can start soonest (waiting counted). */
export function nearestInTime(problem: RouteProblem, m: Matrix, first?: number): number[] {
  const left = new Set(problem.stops.map((_, i) => i + 1));
  const order: number[] = [];
  let at = 0;
  let minute = problem.start.minute;
  if (first !== undefined && left.delete(first)) {
    order.push(first);
    const arrive = minute + (m.minutes[first] ?? 0);
    minute = Math.max(arrive, m.opens[first] ?? 0) + (m.service[first] ?? 0);
    at = first;
  }
  while (left.size > 0) {
    let best = -1;
    let bestKey = Number.POSITIVE_INFINITY;
    let bestStart = 0;
    for (const node of left) {
      const stop = problem.stops[node - 1];
      const arrive = minute + (m.minutes[at * m.size + node] ?? 0);
      const start = stop?.window ? Math.max(arrive, stop.window.from) : arrive;
      // a stop whose window would be missed goes first among equals; one that cannot be kept any more goes last
      const missed = stop?.window && start > stop.window.to ? 1e6 : 0;
      const key = start + missed;
      if (key < bestKey) {
        bestKey = key;
        best = node;
        bestStart = start;
      }
    }
    order.push(best);
    left.delete(best);
    minute = bestStart + (problem.stops[best - 1]?.serviceMinutes ?? 0);
    at = best;
  }
  return order;
}

export function earliestWindowEnd(problem: RouteProblem): number[] {
  return problem.stops
    .map((s, i) => ({ node: i + 1, key: s.window ? s.window.to : Number.POSITIVE_INFINITY, from: s.window?.from ?? 0 }))
    .sort((a, b) => a.key - b.key || a.from - b.from || a.node - b.node)
    .map((x) => x.node);
}

/** 2-opt (reverse a run) and or-opt (move a run of 1–3, possibly reversed) until no move improves. */
export function improve(problem: RouteProblem, m: Matrix, initial: readonly number[]): Ranked {
  return new LocalSearch(problem, m, initial).run();
}

/** One local search: the current order, its cost and its prefix states (for evaluating a move from where it changes). */
class LocalSearch {
  private readonly n: number;
  private readonly order: Int32Array;
  private readonly candidate: Int32Array;
  private cost: Cost;
  // state before position p of the current order: where, when, how far, how late
  private readonly prefixAt: Int32Array;
  private readonly prefixMinute: Float64Array;
  private readonly prefixKm: Float64Array;
  private readonly prefixLate: Float64Array;

  constructor(private readonly problem: RouteProblem, private readonly m: Matrix, initial: readonly number[]) {
    this.n = initial.length;
    this.order = Int32Array.from(initial);
    this.candidate = new Int32Array(this.n);
    this.cost = costOf(problem, m, this.order);
    this.prefixAt = new Int32Array(this.n + 1);
    this.prefixMinute = new Float64Array(this.n + 1);
    this.prefixKm = new Float64Array(this.n + 1);
    this.prefixLate = new Float64Array(this.n + 1);
    this.recordPrefixes();
  }

  run(): Ranked {
    const n = this.n;
    for (let improved = true, rounds = 0; improved && rounds < 1000; rounds++) {
      improved = false;
      for (let i = 0; i < n - 1; i++) for (let k = i + 1; k < n; k++) if (this.twoOpt(i, k)) improved = true;
      for (let length = 1; length <= 3; length++) {
        for (let i = 0; i + length <= n; i++) if (this.orOpt(i, length)) improved = true;
      }
    }
    return { order: Array.from(this.order), cost: this.cost };
  }

  private dist(a: number, b: number): number {
    return this.m.km[a * this.m.size + b] ?? 0;
  }

  private nodeAt(p: number): number {
    return p < 0 ? 0 : p >= this.n ? this.m.n + 1 : (this.order[p] ?? 0);
  }

  private recordPrefixes(): void {
    const { m } = this;
    this.prefixMinute[0] = this.problem.start.minute;
    for (let p = 0; p < this.n; p++) {
      const at = this.prefixAt[p] ?? 0;
      const node = this.order[p] ?? 0;
      const minute = Math.max((this.prefixMinute[p] ?? 0) + (m.minutes[at * m.size + node] ?? 0), m.opens[node] ?? 0);
      this.prefixLate[p + 1] = (this.prefixLate[p] ?? 0) + Math.max(0, minute - (m.closes[node] ?? 0));
      this.prefixMinute[p + 1] = minute + (m.service[node] ?? 0);
      this.prefixKm[p + 1] = (this.prefixKm[p] ?? 0) + (m.km[at * m.size + node] ?? 0);
      this.prefixAt[p + 1] = node;
    }
  }

  /** The candidate's cost when it ranks better than the order, else null; it equals the order before `from`. */
  private rankCandidate(from: number): Cost | null {
    const { m, cost } = this;
    let at = this.prefixAt[from] ?? 0;
    let minute = this.prefixMinute[from] ?? 0;
    let km = this.prefixKm[from] ?? 0;
    let late = this.prefixLate[from] ?? 0;
    for (let p = from; p < this.n; p++) {
      const node = this.candidate[p] ?? 0;
      km += m.km[at * m.size + node] ?? 0;
      minute = Math.max(minute + (m.minutes[at * m.size + node] ?? 0), m.opens[node] ?? 0);
      late += Math.max(0, minute - (m.closes[node] ?? 0));
      // lateness and length only grow along the route: stop as soon as it cannot rank better
      if (late > cost.late + EPS || (late >= cost.late - EPS && km > cost.km + EPS)) return null;
      minute += m.service[node] ?? 0;
      at = node;
    }
    const total = { late, km: km + (m.km[at * m.size + m.n + 1] ?? 0), back: minute + (m.minutes[at * m.size + m.n + 1] ?? 0) };
    return better(total, cost) ? total : null;
  }

  /** The candidate (filled by `fill`) replaces the order when it ranks better. */
  private accept(fill: () => void, distanceDelta: number, from: number): boolean {
    // when every window is kept only a route no longer can be better: skip the evaluation otherwise
    if (this.cost.late <= EPS && distanceDelta > EPS) return false;
    fill();
    const candidateCost = this.rankCandidate(from);
    if (!candidateCost) return false;
    this.order.set(this.candidate);
    this.cost = candidateCost;
    this.recordPrefixes();
    return true;
  }

  private twoOpt(i: number, k: number): boolean {
    const a = this.nodeAt(i - 1);
    const b = this.nodeAt(i);
    const c = this.nodeAt(k);
    const d = this.nodeAt(k + 1);
    const delta = this.dist(a, c) + this.dist(b, d) - this.dist(a, b) - this.dist(c, d);
    return this.accept(() => {
      this.candidate.set(this.order);
      for (let x = i, y = k; x <= k; x++, y--) this.candidate[x] = this.order[y] ?? 0;
    }, delta, i);
  }

  /** The run order[i..i+length) moved before the stop now at `j` of the order without it, maybe reversed. */
  private moveRun(i: number, length: number, j: number, reversed: boolean): void {
    const { n, order, candidate } = this;
    let w = 0;
    for (let p = 0; p <= n - length; p++) {
      if (p === j) for (let q = 0; q < length; q++) candidate[w++] = order[reversed ? i + length - 1 - q : i + q] ?? 0;
      if (p < n - length) candidate[w++] = order[p < i ? p : p + length] ?? 0;
    }
  }

  private orOpt(i: number, length: number): boolean {
    const first = this.order[i] ?? 0;
    const last = this.order[i + length - 1] ?? 0;
    const before = this.nodeAt(i - 1);
    const after = this.nodeAt(i + length);
    const removeGain = this.dist(before, first) + this.dist(last, after) - this.dist(before, after);
    const restAt = (p: number) => this.nodeAt(p < i ? p : p + length);
    for (let j = 0; j <= this.n - length; j++) {
      if (j === i) continue;
      const x = restAt(j - 1);
      const y = restAt(j);
      const gap = this.dist(x, y) + removeGain;
      const from = Math.min(i, j);
      if (this.accept(() => this.moveRun(i, length, j, false), this.dist(x, first) + this.dist(last, y) - gap, from)) return true;
      if (length > 1 && this.accept(() => this.moveRun(i, length, j, true), this.dist(x, last) + this.dist(first, y) - gap, from)) return true;
    }
    return false;
  }
}

/**
 * Escapes a local optimum on a small day: every swap of two stops, improved again; a better result
 * becomes the plan and the kicks start over (two moves that only help together, e.g. serving two
 * stops at the same place the other way round so that a far stop fits in before a window closes).
 */
export function swapKicks(problem: RouteProblem, m: Matrix, start: Ranked): Ranked {
  let best = start;
  for (let rounds = 0, improved = true; improved && rounds < 20; rounds++) {
    improved = false;
    kicks: for (let a = 0; a < best.order.length - 1; a++) {
      for (let b = a + 1; b < best.order.length; b++) {
        const kicked = [...best.order];
        [kicked[a], kicked[b]] = [kicked[b] ?? 0, kicked[a] ?? 0];
        const result = improve(problem, m, kicked);
        if (better(result.cost, best.cost)) {
          best = result;
          improved = true;
          break kicks;
        }
      }
    }
  }
  return best;
}
