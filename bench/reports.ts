/**
 * Report benchmark (`npm run bench -- reports`): every dashboard read (summary, breakdown by unit,
 * procedure, level and receiving point, trend, indicators, late list, drill-down page first and
 * after a cursor) through the service functions, as the administrator (the whole country) and as
 * a province supervisor (/87/), on the Đồng Tháp pilot simulated at each size of
 * BENCH_REPORTS_SIZES (default "200000"; real sizes: `BENCH_REPORTS_SIZES=1000000,3000000`). Each
 * read is timed in BENCH_REPORTS_ROUNDS rounds (default 3) of BENCH_REPORTS_RUNS calls (default
 * 20): p50/p95/p99 are the median over rounds, with the spread of p95; then the same figures'
 * naive query over the dossiers table (GROUP BY, or for a page the same filter read by a
 * sequential scan) and the ratio; with two sizes or more, the growth of each p95.
 * Data sets are kept and reused (bench/reports-data.ts, /var/tmp/motcua-bench).
 */
import os from 'node:os';
import { sql, type RawBuilder } from 'kysely';
import { systemClock } from '../src/platform/clock';
import type { Database } from '../src/platform/db/connect';
import type { Actor } from '../src/platform/actor';
import { reportBreakdown, reportDossiers, reportIndicators, reportSummary, reportTrend, reportWorstLate, type ReportQuery } from '../src/reports/service';
import { openReportsDataset } from './reports-data';

interface Stats { p50: number; p95: number; p99: number; p95min: number; p95max: number }

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
const median = (xs: number[]) => pct([...xs].sort((a, b) => a - b), 0.5);

async function measure(rounds: number, runs: number, f: () => Promise<unknown>): Promise<Stats> {
  await f(); // warm-up
  const per: { p50: number; p95: number; p99: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await f();
      out.push(performance.now() - t0);
    }
    out.sort((a, b) => a - b);
    per.push({ p50: pct(out, 0.5), p95: pct(out, 0.95), p99: pct(out, 0.99) });
  }
  const p95s = per.map((p) => p.p95);
  return { p50: median(per.map((p) => p.p50)), p95: median(p95s), p99: median(per.map((p) => p.p99)), p95min: Math.min(...p95s), p95max: Math.max(...p95s) };
}

const YEAR = { from: '2021-01-01', to: '2021-12-31' };
const FOUR_YEARS = { from: '2018-08-01', to: '2022-07-31' };
const VN = (d: string) => `${d}T00:00:00+07:00`;
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface Read {
  readonly name: string;
  readonly run: (ctx: { db: Database; clock: typeof systemClock; actor: Actor }) => Promise<unknown>;
  /** the same figures straight from the dossiers table; `scope` is the unit_path condition */
  readonly naive: (scope: RawBuilder<boolean>) => RawBuilder<unknown>;
  /** the naive query is a page: read it by a sequential scan (otherwise the planner uses the page's index) */
  readonly scan?: boolean;
}

const between = (p: { from: string; to: string }, col = 'received_at') =>
  sql<boolean>`${sql.ref(col)} >= ${VN(p.from)}::timestamptz AND ${sql.ref(col)} < ${VN(dayAfter(p.to))}::timestamptz`;
const decided = sql`status IN ('resultReady','returned','rejected')`;
const late = sql<boolean>`${decided} AND finished_at > coalesce(original_due_at, due_at)`;
const groupBy = (key: RawBuilder<unknown>, p: { from: string; to: string }) => (scope: RawBuilder<boolean>) => sql`
  SELECT ${key} AS k, channel, count(*) FILTER (WHERE ${between(p)}) AS received,
         count(*) FILTER (WHERE ${decided} AND ${between(p, 'finished_at')}) AS resolved,
         count(*) FILTER (WHERE ${late} AND ${between(p, 'finished_at')}) AS late
    FROM dossiers WHERE ${scope} AND (${between(p)} OR ${between(p, 'finished_at')}) GROUP BY 1, 2`;

/** Drill-down pages need a cursor: the first page's `next`, found once per actor. */
const cursors = new Map<string, string | undefined>();

const reads: readonly Read[] = [
  {
    name: 'summary (year)', run: (ctx) => reportSummary(ctx, YEAR),
    naive: (scope) => sql`
      SELECT channel, receiving_agency_id, count(*) FILTER (WHERE ${between(YEAR)}) AS received,
             count(*) FILTER (WHERE ${decided} AND ${between(YEAR, 'finished_at')} AND finished_at <= coalesce(original_due_at, due_at)) AS on_time,
             count(*) FILTER (WHERE ${late} AND ${between(YEAR, 'finished_at')}) AS late,
             count(*) FILTER (WHERE received_at < ${VN(dayAfter(YEAR.to))}::timestamptz AND (finished_at IS NULL OR finished_at >= ${VN(dayAfter(YEAR.to))}::timestamptz)) AS in_progress
        FROM dossiers WHERE ${scope} AND received_at IS NOT NULL GROUP BY 1, 2`,
  },
  { name: 'breakdown by unit (4 years)', run: (ctx) => reportBreakdown(ctx, { ...FOUR_YEARS, by: 'unit' }), naive: groupBy(sql`competent_agency_id`, FOUR_YEARS) },
  { name: 'breakdown by procedure (4 years)', run: (ctx) => reportBreakdown(ctx, { ...FOUR_YEARS, by: 'procedure' }), naive: groupBy(sql`procedure_id`, FOUR_YEARS) },
  { name: 'breakdown by level (4 years)', run: (ctx) => reportBreakdown(ctx, { ...FOUR_YEARS, by: 'level' }), naive: groupBy(sql`competent_agency_id`, FOUR_YEARS) },
  { name: 'breakdown by receiving point (4 years)', run: (ctx) => reportBreakdown(ctx, { ...FOUR_YEARS, by: 'receiving' }), naive: groupBy(sql`receiving_agency_id`, FOUR_YEARS) },
  { name: 'trend (4 years, by month)', run: (ctx) => reportTrend(ctx, FOUR_YEARS), naive: groupBy(sql`date_trunc('month', received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')`, FOUR_YEARS) },
  {
    name: 'indicators 766 (year)', run: (ctx) => reportIndicators(ctx, YEAR),
    naive: (scope) => {
      const start = sql`${VN(YEAR.from)}::timestamptz`;
      const end = sql`${VN(dayAfter(YEAR.to))}::timestamptz`;
      return sql`
        SELECT channel, procedure_id, count(*) FILTER (WHERE ${between(YEAR)}) AS received,
               count(*) FILTER (WHERE received_at < ${start} AND (finished_at IS NULL OR finished_at >= ${start})) AS open_before,
               count(*) FILTER (WHERE ${decided} AND ${between(YEAR, 'finished_at')}) AS resolved,
               count(*) FILTER (WHERE ${late} AND ${between(YEAR, 'finished_at')}) AS late,
               count(*) FILTER (WHERE received_at < ${end} AND (finished_at IS NULL OR finished_at >= ${end}) AND coalesce(original_due_at, due_at) < ${end}) AS open_overdue,
               count(*) FILTER (WHERE received_at < ${end} AND (finished_at IS NULL OR finished_at >= ${start}) AND rating_stars <= 2) AS disliked
          FROM dossiers WHERE ${scope} AND received_at IS NOT NULL GROUP BY 1, 2`;
    },
  },
  { name: 'late list by procedure (4 years)', run: (ctx) => reportWorstLate(ctx, { ...FOUR_YEARS, by: 'procedure', limit: 10 }), naive: groupBy(sql`procedure_id`, FOUR_YEARS) },
  { name: 'late list by agency (4 years)', run: (ctx) => reportWorstLate(ctx, { ...FOUR_YEARS, by: 'agency', limit: 10 }), naive: groupBy(sql`competent_agency_id`, FOUR_YEARS) },
  {
    name: 'drill-down, received, first page', run: (ctx) => reportDossiers(ctx, { ...YEAR, limit: 50 }), scan: true,
    naive: (scope) => sql`SELECT id, code, received_at FROM dossiers WHERE ${scope} AND ${between(YEAR)} ORDER BY received_at DESC, id DESC LIMIT 51`,
  },
  {
    name: 'drill-down, received, after a cursor', scan: true,
    run: (ctx) => reportDossiers(ctx, { ...YEAR, limit: 50, after: cursors.get(`received ${ctx.actor.role}`) }),
    naive: (scope) => sql`SELECT id, code, received_at FROM dossiers WHERE ${scope} AND ${between(YEAR)} ORDER BY received_at DESC, id DESC OFFSET 50 LIMIT 51`,
  },
  {
    name: 'drill-down, late, first page', run: (ctx) => reportDossiers(ctx, { ...YEAR, limit: 50, kind: 'late' }), scan: true,
    naive: (scope) => sql`SELECT id, code, received_at FROM dossiers WHERE ${scope} AND received_at IS NOT NULL AND ${late} AND ${between(YEAR, 'finished_at')} ORDER BY received_at DESC, id DESC LIMIT 51`,
  },
  {
    name: 'drill-down, late, after a cursor', scan: true,
    run: (ctx) => reportDossiers(ctx, { ...YEAR, limit: 50, kind: 'late', after: cursors.get(`late ${ctx.actor.role}`) }),
    naive: (scope) => sql`SELECT id, code, received_at FROM dossiers WHERE ${scope} AND received_at IS NOT NULL AND ${late} AND ${between(YEAR, 'finished_at')} ORDER BY received_at DESC, id DESC OFFSET 50 LIMIT 51`,
  },
];

const actors: readonly { label: string; actor: Actor; scope: RawBuilder<boolean> }[] = [
  { label: 'admin', actor: { userId: 1, username: 'quantri', fullName: 'Quản trị', role: 'admin', scope: { kind: 'unit', unitId: 0, unitPath: '/' } }, scope: sql<boolean>`true` },
  { label: 'supervisor /87/', actor: { userId: 2, username: 'giamsat', fullName: 'Giám sát tỉnh', role: 'supervisor', scope: { kind: 'unit', unitId: 1, unitPath: '/87/' } }, scope: sql<boolean>`unit_path LIKE '/87/%'` },
];

async function naiveTime(db: Database, q: RawBuilder<unknown>, scan: boolean, runs: number): Promise<number> {
  const once = () => scan
    ? db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_indexscan = off`.execute(trx);
      await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
      await sql`SET LOCAL enable_indexonlyscan = off`.execute(trx);
      await q.execute(trx);
    })
    : q.execute(db);
  const s = await measure(1, runs, once);
  return s.p50;
}

const f1 = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

export async function run(): Promise<void> {
  const sizes = (process.env.BENCH_REPORTS_SIZES ?? '200000').split(',').map(Number).filter((n) => n > 0);
  const rounds = Number(process.env.BENCH_REPORTS_ROUNDS ?? 3);
  const runs = Number(process.env.BENCH_REPORTS_RUNS ?? 20);
  const naiveRuns = Number(process.env.BENCH_REPORTS_NAIVE_RUNS ?? 3);
  if (process.env.BENCH_REPORTS_SIZES === undefined) {
    console.log('(200k dossiers; at real sizes: BENCH_REPORTS_SIZES=1000000,3000000 npm run bench -- reports — generated once and reused from /var/tmp/motcua-bench)');
  }
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${rounds} rounds × ${runs} calls per read, naive: p50 of ${naiveRuns}`);
  const results = new Map<string, { size: number; p95: number }[]>();
  for (const size of sizes) {
    const data = await openReportsDataset(size);
    try {
      const { db } = data;
      const counts = (await sql<{ dossiers: number; daily: number; monthly: number; procedure: number; yearly: number; yearlyProcedure: number }>`
        SELECT (SELECT count(*) FROM dossiers)::int AS dossiers, (SELECT count(*) FROM stats_daily)::int AS daily,
               (SELECT count(*) FROM stats_monthly)::int AS monthly, (SELECT count(*) FROM stats_monthly_procedure)::int AS procedure,
               (SELECT count(*) FROM stats_yearly)::int AS yearly, (SELECT count(*) FROM stats_yearly_procedure)::int AS "yearlyProcedure"`.execute(db)).rows[0];
      console.log(`\n${(counts?.dossiers ?? 0).toLocaleString('en')} dossiers; roll-up rows: daily ${counts?.daily.toLocaleString('en')}, monthly ${counts?.monthly.toLocaleString('en')}, monthly by procedure ${counts?.procedure.toLocaleString('en')}, yearly ${counts?.yearly.toLocaleString('en')}, yearly by procedure ${counts?.yearlyProcedure.toLocaleString('en')}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      console.log('read | actor | p50 | p95 (spread) | p99 | naive | ×');
      for (const { label, actor } of actors) {
        const ctx = { db, clock: systemClock, actor };
        cursors.set(`received ${actor.role}`, (await reportDossiers(ctx, { ...YEAR, limit: 50 })).next ?? undefined);
        cursors.set(`late ${actor.role}`, (await reportDossiers(ctx, { ...YEAR, limit: 50, kind: 'late' })).next ?? undefined);
      }
      for (const read of reads) {
        for (const { label, actor, scope } of actors) {
          const ctx = { db, clock: systemClock, actor };
          const s = await measure(rounds, runs, () => read.run(ctx));
          const naive = await naiveTime(db, read.naive(scope), read.scan === true, naiveRuns);
          const ratio = naive / s.p95;
          console.log(`${read.name} | ${label} | ${f1(s.p50)} | ${f1(s.p95)} (${f1(s.p95min)}–${f1(s.p95max)}) | ${f1(s.p99)} | ${f1(naive)} | ${ratio.toFixed(0)}×${s.p95 < 100 && ratio >= 20 ? '' : ' ✗'}`);
          const key = `${read.name} | ${label}`;
          results.set(key, [...(results.get(key) ?? []), { size: counts?.dossiers ?? size, p95: s.p95 }]);
        }
      }
    } finally {
      await data.close();
    }
  }
  if (sizes.length > 1) {
    console.log('\ngrowth of p95 between the smallest and the largest size (exponent 0: flat, 1: linear in dossiers)');
    for (const [key, xs] of results) {
      const a = xs[0];
      const b = xs[xs.length - 1];
      if (!a || !b || a === b) continue;
      const k = b.size / a.size;
      console.log(`${key}: ${f1(a.p95)} → ${f1(b.p95)} ms, ×${(b.p95 / a.p95).toFixed(2)} (exponent ${(Math.log(b.p95 / a.p95) / Math.log(k)).toFixed(2)})`);
    }
  }
}
