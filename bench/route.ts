/**
 * Route planner benchmark (issue 13 §6): on small days (5–10 stops) the plan's length against the
 * order given (the unordered list) and against the exhaustive optimum among plans keeping the
 * windows; on 60-stop days the planning time. Days are random but seeded (fast-check), with
 * windows cut around one order that keeps them all. Fails (exit code 1) when a plan is longer than
 * the unordered list, more than 10% above the optimum, misses a window the optimum keeps, or a
 * 60-stop day takes 200 ms or more of CPU time (measured as CPU time so that a loaded machine's
 * queueing does not count; the wall clock is printed beside it).
 */
import fc from 'fast-check';
import { optimalRoute, planRoute, routeInOrder } from '../src/postal/route';
import { dayFromSeed, daySeed } from '../src/postal/route.test-helper';

const SMALL_DAYS = 150;
const LARGE_DAYS = 30;

function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
  return `min ${sorted[0]?.toFixed(3)}  median ${at(0.5).toFixed(3)}  mean ${mean.toFixed(3)}  p95 ${at(0.95).toFixed(3)}  max ${sorted[sorted.length - 1]?.toFixed(3)}`;
}

export async function run(): Promise<void> {
  const small = fc.sample(daySeed(5, 10), { numRuns: SMALL_DAYS, seed: 20261207 }).map((s) => dayFromSeed(s));
  const vsOptimum: number[] = [];
  const vsUnordered: number[] = [];
  let problems = 0;
  let optimumMs = 0;
  for (const day of small) {
    const plan = planRoute(day);
    const t0 = performance.now();
    const best = optimalRoute(day);
    optimumMs += performance.now() - t0;
    const unordered = routeInOrder(day);
    const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b); // every stop at the post office: 0 km both
    if (plan.lateMinutes > best.lateMinutes + 1e-6) {
      problems++;
      console.log(`  missed window: ${day.stops.length} stops, plan ${plan.lateMinutes.toFixed(1)} min late, optimum ${best.lateMinutes.toFixed(1)}`);
    } else if (best.lateMinutes <= 1e-6) {
      vsOptimum.push(ratio(plan.lengthKm, best.lengthKm));
      if ((vsOptimum.at(-1) ?? 0) > 1.1) problems++;
    }
    if (unordered.lateMinutes <= 1e-6) vsUnordered.push(ratio(plan.lengthKm, unordered.lengthKm));
  }
  console.log(`small days (5–10 stops, ${small.length} days; exhaustive search ${(optimumMs / small.length).toFixed(1)} ms/day):`);
  console.log(`  plan / optimum (${vsOptimum.length} days, both keep every window): ${spread(vsOptimum)}`);
  console.log(`  plan / unordered list (${vsUnordered.length} days where the list keeps every window): ${spread(vsUnordered)}`);
  const longer = vsUnordered.filter((r) => r > 1 + 1e-9).length;
  console.log(`  plans longer than the unordered list: ${longer}; plans missing a window the optimum keeps or > 10% above it: ${problems}`);

  const large = fc.sample(daySeed(60, 60), { numRuns: LARGE_DAYS, seed: 7122026 }).map((s) => dayFromSeed(s));
  const times: number[] = [];
  const wall: number[] = [];
  const ratios: number[] = [];
  for (const day of large.slice(0, 3)) planRoute(day); // warm-up (JIT), not timed
  for (const day of large) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const plan = planRoute(day);
    const cpu = process.cpuUsage(cpu0);
    wall.push(performance.now() - t0);
    times.push((cpu.user + cpu.system) / 1000);
    const unordered = routeInOrder(day);
    ratios.push(plan.lengthKm / unordered.lengthKm);
    if (plan.lateMinutes > unordered.lateMinutes + 1e-6) problems++;
  }
  // CPU time of this process: on a shared machine the wall clock also counts time spent waiting for a core
  console.log(`60-stop days (${large.length}): planning CPU ms ${spread(times)}`);
  console.log(`  wall-clock ms ${spread(wall)} (load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)})`);
  console.log(`  plan / unordered list length: ${spread(ratios)}; days planned with a missed window: ${large.length - large.filter((d) => planRoute(d).lateMinutes <= 1e-6).length}`);
  const slow = times.filter((t) => t >= 200).length;
  console.log(`  days at or over 200 ms of CPU: ${slow}`);
  if (problems > 0 || longer > 0 || slow > 0) process.exitCode = 1;
}
