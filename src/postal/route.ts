/**
 * The courier's day: tasks (pickups, result deliveries, at-home appointments) ordered into a route
 * from the post office (or where the courier is now) back to the post office, keeping the tasks'
 * time windows. Pure. Method: starting orders (nearest in time, earliest window end; on a small day
 * also each stop first), each improved by 2-opt and or-opt moves until none helps (route-search.ts);
 * the best plan wins, and a small day gets swap kicks out of its local optimum.
 * A plan is compared first by minutes late (0 when every window is kept), then by length, so a
 * plan never ranks below the order it was given (the "unordered list").
 */
import type { LatLng } from './geo';
import { buildMatrix, costOf, better, schedule, type RoutePlan, type RouteProblem, type RouteStop } from './route-model';
import { earliestWindowEnd, improve, nearestInTime, swapKicks, type Ranked } from './route-search';

export type { PlannedStop, RoutePlan, RouteProblem, RouteStop, TaskKind, TimeWindow } from './route-model';
export { DEFAULT_SPEED_KMH } from './route-model';
export { optimalRoute } from './route-exact';

/** up to this many stops, the planner also starts from each stop in turn and tries swap kicks */
const SMALL_DAY = 15;

export function planRoute(problem: RouteProblem): RoutePlan {
  const m = buildMatrix(problem);
  const given = problem.stops.map((_, i) => i + 1);
  let best: Ranked | null = null;
  // a small day is cheap: start once from each stop as the first one too
  const firsts = problem.stops.length <= SMALL_DAY ? given.map((node) => nearestInTime(problem, m, node)) : [];
  for (const start of [nearestInTime(problem, m), earliestWindowEnd(problem), ...firsts]) {
    const result = improve(problem, m, start);
    if (!best || better(result.cost, best.cost)) best = result;
  }
  // the order given is improved too only when it ranks better than both plans (so no plan is worse than it)
  if (!best || better(costOf(problem, m, given), best.cost)) best = improve(problem, m, given);
  if (problem.stops.length <= SMALL_DAY) best = swapKicks(problem, m, best);
  return schedule(problem, m, best.order);
}

/** The plan of stops in the order given, as the courier would ride them unplanned. */
export function routeInOrder(problem: RouteProblem): RoutePlan {
  return schedule(problem, buildMatrix(problem), problem.stops.map((_, i) => i + 1));
}

/**
 * A task added during the day: the stops not yet done plus the new one are planned again from where
 * the courier is now (the done ones keep their place in the day's record, not in the new plan).
 */
export function replanWithTask(
  problem: RouteProblem,
  input: { readonly doneIds: ReadonlySet<string>; readonly now: { readonly position: LatLng; readonly minute: number }; readonly added: RouteStop },
): RoutePlan {
  const remaining = problem.stops.filter((s) => !input.doneIds.has(s.id));
  return planRoute({ ...problem, start: input.now, stops: [...remaining, input.added] });
}
