/**
 * Due-date benchmark: 1,000,000 computeDueAt calls over mixed durations and receipts in
 * 2024–2026, against a naive day-by-day walk over the same holiday data (checked to give the
 * same answers) and a date-fns addBusinessDays + holiday-set loop as a peer.
 */
import { addBusinessDays } from 'date-fns';
import {
  DAY_MS,
  VN_OFFSET_MS,
  isoDateFromDayNumber,
  parseInstant,
  weekdayOf,
  type EpochMs,
} from '../src/calendar/civil-date';
import { computeDueAt, type Duration } from '../src/calendar/deadlines';
import { holidaysForYear } from '../src/calendar/holidays';
import { OFFICIAL_SCHEDULES } from '../src/calendar/schedules';
import { WorkCalendar } from '../src/calendar/work-calendar';

const CALLS = 1_000_000;
const NAIVE_CALLS = 100_000;
const PEER_CALLS = 100_000;

interface Case {
  readonly receivedAt: EpochMs;
  readonly duration: Duration;
}

function instant(text: string): EpochMs {
  const at = parseInstant(text);
  if (at === null) throw new Error(`bad instant ${text}`);
  return at;
}

/** Deterministic cases (xorshift32), so runs are comparable. */
function makeCases(count: number): Case[] {
  let seed = 0x9e3779b9;
  const next = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x1_0000_0000;
  };
  const from = instant('2024-01-01T00:00+07:00');
  const to = instant('2026-12-31T23:59+07:00');
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const receivedAt = from + Math.floor((next() * (to - from)) / 60_000) * 60_000;
    const kind = next();
    const duration: Duration =
      kind < 0.45
        ? { value: 1 + Math.floor(next() * 30), unit: 'working_days' }
        : kind < 0.9
          ? { value: 1 + Math.floor(next() * 40), unit: 'working_hours' }
          : { value: 1 + Math.floor(next() * 60), unit: 'calendar_days' };
    cases.push({ receivedAt, duration });
  }
  return cases;
}

/** The obvious implementation: walk day by day, period by period, on string-keyed holiday sets. */
function makeNaive(fromYear: number, toYear: number) {
  const daysOff = new Set<string>();
  const makeUp = new Set<string>();
  for (let y = fromYear; y <= toYear; y++) {
    const h = holidaysForYear(y, OFFICIAL_SCHEDULES);
    for (const d of h.daysOff) daysOff.add(d.date);
    for (const d of h.makeUpDays) makeUp.add(d.date);
  }
  const periods: [number, number][] = [
    [7 * 60, 11 * 60 + 30],
    [13 * 60 + 30, 17 * 60],
  ];
  const isWorking = (day: number): boolean => {
    const iso = isoDateFromDayNumber(day);
    if (makeUp.has(iso)) return true;
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !daysOff.has(iso);
  };
  const cutoff = 15 * 60;
  return (receivedAt: EpochMs, duration: Duration): EpochMs => {
    const localMinute = Math.floor((receivedAt + VN_OFFSET_MS) / 60_000);
    let day = Math.floor(localMinute / 1440);
    let minute = localMinute - day * 1440;
    if (duration.unit === 'calendar_days') {
      day += duration.value;
      while (!isWorking(day)) day++;
      return day * DAY_MS + 17 * 3_600_000 - VN_OFFSET_MS;
    }
    if (duration.unit === 'working_hours' && isWorking(day) && minute > cutoff) {
      day++;
      minute = 0;
    }
    let left = duration.value * (duration.unit === 'working_days' ? 480 : 60);
    for (;;) {
      if (isWorking(day)) {
        for (const [start, end] of periods) {
          const from = Math.max(start, minute);
          if (from >= end) continue;
          if (left <= end - from) return day * DAY_MS + (from + left) * 60_000 - VN_OFFSET_MS;
          left -= end - from;
        }
      }
      day++;
      minute = 0;
    }
  };
}

function time(label: string, calls: number, body: () => number): number {
  const start = process.hrtime.bigint();
  const checksum = body();
  const ns = Number(process.hrtime.bigint() - start) / calls;
  console.log(`${label.padEnd(44)} ${ns.toFixed(1).padStart(8)} ns/call  (${calls.toLocaleString('en')} calls, checksum ${checksum % 1000})`);
  return ns;
}

export async function run(): Promise<void> {
  const buildStart = process.hrtime.bigint();
  const calendar = new WorkCalendar({ fromYear: 2024, toYear: 2028, schedules: OFFICIAL_SCHEDULES });
  console.log(`WorkCalendar build 2024–2028: ${(Number(process.hrtime.bigint() - buildStart) / 1e6).toFixed(1)} ms`);
  const cases = makeCases(CALLS);
  const naive = makeNaive(2024, 2028);

  // correctness: the naive walk and the fast path agree on the subset
  let mismatches = 0;
  for (let i = 0; i < NAIVE_CALLS; i++) {
    const c = cases[i];
    if (c && naive(c.receivedAt, c.duration) !== computeDueAt(c.receivedAt, c.duration, calendar)) mismatches++;
  }
  console.log(`naive vs fast disagreements on ${NAIVE_CALLS.toLocaleString('en')} cases: ${mismatches}`);

  // warm-up
  for (let i = 0; i < 50_000; i++) {
    const c = cases[i];
    if (c) computeDueAt(c.receivedAt, c.duration, calendar);
  }

  const fast = time('computeDueAt (precomputed working-time line)', CALLS, () => {
    let sum = 0;
    for (const c of cases) sum += computeDueAt(c.receivedAt, c.duration, calendar) / 60_000;
    return sum;
  });
  const slow = time('naive day-by-day walk (100k subset)', NAIVE_CALLS, () => {
    let sum = 0;
    for (let i = 0; i < NAIVE_CALLS; i++) {
      const c = cases[i];
      if (c) sum += naive(c.receivedAt, c.duration) / 60_000;
    }
    return sum;
  });

  // peer: date-fns addBusinessDays + holiday set, working-day cases only, date resolution only
  // (ignores make-up Saturdays and hours, so it does less work than the real thing)
  const holidaySet = new Set<string>();
  for (let y = 2024; y <= 2028; y++) for (const d of holidaysForYear(y, OFFICIAL_SCHEDULES).daysOff) holidaySet.add(d.date);
  const dayCases = cases.filter((c) => c.duration.unit === 'working_days').slice(0, PEER_CALLS);
  const peer = time('date-fns addBusinessDays + holiday set', dayCases.length, () => {
    let sum = 0;
    for (const c of dayCases) {
      let date = new Date(c.receivedAt + VN_OFFSET_MS);
      let left = c.duration.value;
      while (left > 0) {
        date = addBusinessDays(date, 1);
        if (!holidaySet.has(date.toISOString().slice(0, 10))) left--;
      }
      sum += date.getTime() / 60_000;
    }
    return sum;
  });

  console.log(`fast vs naive: ${(slow / fast).toFixed(1)}×`);
  console.log(`fast vs date-fns peer: ${(peer / fast).toFixed(1)}×`);
  console.log(`target: ≥20× naive and <1000 ns/call → ${slow / fast >= 20 && fast < 1000 ? 'met' : 'NOT met'}`);
}
