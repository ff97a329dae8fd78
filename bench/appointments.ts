/**
 * Appointments benchmark (issue 14 acceptance).
 *
 * 1. Slot generation (pure, src/appointments/slots.ts): a service point with 5 counters over 60
 *    days, a third of its seats already booked; target < 50 ms per generation. Several runs of
 *    many generations: median and spread of the runs.
 * 2. Booking throughput against the real database (embedded PostgreSQL, demo data): the app's
 *    `createBooking` (phone verification check, holder lock, availability read, slot check, insert
 *    under the exclusion constraint, audit row, SMS in the outbox) from CONCURRENCY concurrent
 *    callers, and in the same run the baseline: a raw `pg` loop inserting the same booking rows
 *    (one INSERT each, same concurrency, same constraint). Ratio app/raw, per run and its spread.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { OFFICIAL_SCHEDULES, WorkCalendar } from '../src/calendar';
import { createBooking } from '../src/appointments/bookings';
import { appointmentSecret, sign } from '../src/appointments/keys';
import { dayKindFrom, generateSlots, type SeatBooking } from '../src/appointments/slots';
import { FixedClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import { openDatabase } from '../src/platform/db/connect';
import { migrate } from '../src/platform/db/migrate';
import { seedDemo } from '../src/seed';
import { addDays, vnInstant, type IsoDate } from '../src/shared/civil-date';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GENERATIONS = Number(process.env.BENCH_GENERATIONS ?? 50);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 240);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const spread = (xs: number[]) => `min ${Math.min(...xs).toFixed(2)} – max ${Math.max(...xs).toFixed(2)}`;

function slotGeneration(): void {
  const week = ['07:00-11:30', '13:30-17:00'];
  const hours = { weekly: { 1: week, 2: week, 3: week, 4: week, 5: week, 6: ['07:00-11:30'] } };
  const seats = ['Q01', 'Q02', 'Q03', 'Q04', 'Q05'];
  const calendar = new WorkCalendar({ fromYear: 2025, toYear: 2026, schedules: OFFICIAL_SCHEDULES });
  const from = '2025-03-03' as IsoDate;
  const now = vnInstant('2025-03-01' as IsoDate, 8 * 60);
  // a third of the seats booked: every third 20-minute slot of every counter
  const bookings: SeatBooking[] = [];
  for (let d = 0; d < 60; d++) {
    const date = addDays(from, d);
    for (const [i, seat] of seats.entries()) {
      for (let m = 7 * 60 + i * 20; m < 17 * 60; m += 60) bookings.push({ seat, start: vnInstant(date, m), end: vnInstant(date, m + 20) });
    }
  }
  const query = { from, to: addDays(from, 59), now, hours, exceptions: new Map(), dayKind: dayKindFrom(calendar), seats, durationMinutes: 20, minNoticeMinutes: 120, horizonDays: 90, bookings };
  let slots = generateSlots(query); // warm-up
  const perRun: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (let g = 0; g < GENERATIONS; g++) slots = generateSlots(query);
    perRun.push((performance.now() - t0) / GENERATIONS);
  }
  const m = median(perRun);
  console.log(`slot generation: 5 counters × 60 days (${slots.length} slots, ${bookings.length} bookings): median ${m.toFixed(2)} ms per generation over ${RUNS} runs of ${GENERATIONS} (${spread(perRun)} ms); target < 50 ms ${m < 50 ? 'OK' : 'ABOVE TARGET'}`);
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  }));
  return (performance.now() - t0) / 1000;
}

async function bookingThroughput(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-appt-'));
  await fs.chmod(dataDir, 0o755);
  const config = { ...loadConfig(), databaseUrl: undefined, dataDir, embeddedPgPort: 0 };
  const connection = await openDatabase(config);
  const clock = new FixedClock(new Date('2026-03-02T06:00:00+07:00'));
  const raw = new pg.Pool({ connectionString: connection.url, max: CONCURRENCY });
  try {
    await migrate(connection.url);
    await seedDemo(connection.db, clock);
    const point = await connection.db.selectFrom('service_points').select(['id', 'code', 'province_code']).where('code', '=', 'TTHCC-CS1').executeTakeFirstOrThrow();
    const counters = (await connection.db.selectFrom('counters').select('code').where('service_point_id', '=', point.id).where('active', '=', true).orderBy('code').execute()).map((c) => c.code);
    const procedure = await connection.db.selectFrom('procedures').select(['code', 'name']).where('effective_to', 'is', null).orderBy('code').limit(1).executeTakeFirstOrThrow();
    await connection.db.insertInto('appointment_settings').values({ service_point_id: point.id, min_notice_minutes: 0, horizon_days: 180, home_couriers: 0, home_travel_minutes: 0 }).execute();
    const calendar = new WorkCalendar({ fromYear: 2026, toYear: 2026, schedules: OFFICIAL_SCHEDULES });
    const secret = await appointmentSecret(connection.db);
    // every free seat of the working days from Tuesday 3 March: the app's run takes the first ones,
    // each raw run the next ones (never the same time twice on a counter)
    const starts: number[] = [];
    for (let d = 1; starts.length < BOOKINGS * (1 + RUNS * 2); d++) {
      const date = addDays('2026-03-02' as IsoDate, d);
      if (!calendar.isWorkingDay(date)) continue;
      for (const [a, b] of [[7 * 60, 11 * 60 + 30], [13 * 60 + 30, 17 * 60]] as const) for (let m = a; m + 20 <= b; m += 20) starts.push(vnInstant(date, m));
    }
    let serial = 0;
    const phoneOf = () => { serial += 1; return `0912${String(serial).padStart(6, '0')}`; };
    const verification = (phone: string) => {
      const p84 = `84${phone.slice(1)}`;
      const expires = clock.now().getTime() + 3_600_000;
      return `${p84}.${expires}.${sign(secret, 'phone-verified', p84, 'booking', expires)}`;
    };
    const deps = { db: connection.db, clock, actor: null, publicUrl: 'https://motcua.example.vn' };
    const appRates: number[] = [];
    const rawRates: number[] = [];
    let cursor = 0;
    for (let r = 0; r < RUNS; r++) {
      // the app: each slot start once per counter (the capacity), from CONCURRENCY callers
      const appJobs = Array.from({ length: BOOKINGS }, (_, i) => starts[cursor + Math.floor(i / counters.length)] ?? 0);
      cursor += Math.ceil(BOOKINGS / counters.length);
      const appSeconds = await pool(appJobs, CONCURRENCY, async (start) => {
        const phone = phoneOf();
        await createBooking(deps, {
          servicePointCode: point.code, procedureCode: procedure.code, purpose: 'intake', startsAt: new Date(start).toISOString(),
          name: 'Nguyễn Văn Bench', phone, phoneVerification: verification(phone),
        });
      });
      // the raw loop: the same rows, one INSERT each, the same constraint
      const rawJobs = Array.from({ length: BOOKINGS }, (_, i) => ({ start: starts[cursor + Math.floor(i / counters.length)] ?? 0, seat: counters[i % counters.length] ?? 'Q01' }));
      cursor += Math.ceil(BOOKINGS / counters.length);
      const rawSeconds = await pool(rawJobs, CONCURRENCY, async (job) => {
        const phone = phoneOf();
        await raw.query(
          `INSERT INTO bookings (code, service_point_id, province_code, unit_path, purpose, procedure_code, procedure_name, seat, starts_at, ends_at, holder_key, phone, name, channel, created_at)
           VALUES ($1, $2, $3, '/', 'intake', $4, $5, $6, $7, $8, $9, $10, 'Nguyễn Văn Bench', 'portal', now())`,
          [`RAW${serial}`, point.id, point.province_code, procedure.code, procedure.name, job.seat, new Date(job.start), new Date(job.start + 20 * 60_000), `phone:84${phone.slice(1)}`, phone],
        );
      });
      appRates.push(BOOKINGS / appSeconds);
      rawRates.push(BOOKINGS / rawSeconds);
    }
    const ratios = appRates.map((a, i) => a / (rawRates[i] ?? NaN));
    console.log(`booking throughput, ${BOOKINGS} bookings × ${RUNS} runs, ${CONCURRENCY} concurrent callers, ${counters.length} counters at ${point.code}:`);
    console.log(`  app createBooking   median ${median(appRates).toFixed(0)}/s (${spread(appRates)})`);
    console.log(`  raw INSERT loop     median ${median(rawRates).toFixed(0)}/s (${spread(rawRates)})`);
    console.log(`  ratio app/raw       median ${median(ratios).toFixed(3)} (${spread(ratios)})`);
    const live = await connection.db.selectFrom('bookings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    console.log(`  rows written: ${live.n} (expected ${BOOKINGS * RUNS * 2})`);
  } finally {
    await raw.end();
    await connection.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  slotGeneration();
  await bookingThroughput();
}
