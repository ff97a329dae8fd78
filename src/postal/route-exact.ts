import { EPS, better, buildMatrix, costOf, schedule, type RoutePlan, type RouteProblem } from './route-model';

/**
 * The best order by exhaustive search (branch and bound), for checking the planner on small days
 * (≤ 10 stops: 10! orders at most). Same ranking: minutes late, then length.
 */
export function optimalRoute(problem: RouteProblem): RoutePlan {
  if (problem.stops.length > 10) throw new RangeError('exhaustive search is for 10 stops or fewer');
  const m = buildMatrix(problem);
  const n = problem.stops.length;
  let bestOrder = problem.stops.map((_, i) => i + 1);
  let bestCost = costOf(problem, m, bestOrder);
  const used = new Uint8Array(n + 1);
  const path: number[] = [];
  const visit = (at: number, minute: number, km: number, late: number): void => {
    if (late > bestCost.late + EPS || (Math.abs(late - bestCost.late) <= EPS && km > bestCost.km + EPS)) return;
    if (path.length === n) {
      const total = costOf(problem, m, path);
      if (better(total, bestCost)) {
        bestCost = total;
        bestOrder = [...path];
      }
      return;
    }
    for (let node = 1; node <= n; node++) {
      if (used[node]) continue;
      const stop = problem.stops[node - 1];
      let arrive = minute + (m.minutes[at * m.size + node] ?? 0);
      let addLate = 0;
      if (stop?.window) {
        if (arrive < stop.window.from) arrive = stop.window.from;
        if (arrive > stop.window.to) addLate = arrive - stop.window.to;
      }
      used[node] = 1;
      path.push(node);
      visit(node, arrive + (stop?.serviceMinutes ?? 0), km + (m.km[at * m.size + node] ?? 0), late + addLate);
      path.pop();
      used[node] = 0;
    }
  };
  visit(0, problem.start.minute, 0, 0);
  return schedule(problem, m, bestOrder);
}
