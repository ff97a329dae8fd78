/**
 * Report benchmark (`npm run bench -- reports`): loads N dossiers through the simulator's bulk
 * path into a fresh embedded database (BENCH_REPORTS_SIZES, default "200000" so that a plain run
 * stays quick; real sizes: `BENCH_REPORTS_SIZES=1000000,3000000 npm run bench -- reports`), then measures the p95 latency of the dashboard summary for a province and a
 * year (roll-ups), of a drill-down page (keyset, index-backed) and of a naive GROUP BY over the
 * dossiers table for the same figures, and prints the ratio.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { systemClock } from '../src/platform/clock';
import { connectUrl } from '../src/platform/db/connect';
import { startEmbeddedPostgres } from '../src/platform/db/embedded';
import { migrate } from '../src/platform/db/migrate';
import { seedDirectory } from '../src/directory/seed';
import { seedCatalog } from '../src/catalog/seed';
import { simulate } from '../src/simulate/load';
import { dongThapPilot, scaled } from '../src/simulate/scenario';
import { summary } from '../src/reports/queries';
import { reportDossiers } from '../src/reports/service';
import type { Actor } from '../src/platform/actor';

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
};

async function time(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return p95(out);
}

export async function run(): Promise<void> {
  const sizes = (process.env.BENCH_REPORTS_SIZES ?? '200000').split(',').map(Number).filter((n) => n > 0);
  if (process.env.BENCH_REPORTS_SIZES === undefined) {
    console.log('(200k dossiers; at real sizes: BENCH_REPORTS_SIZES=1000000,3000000 npm run bench -- reports — 1M loads in about 17 min and 3M in 32 min on 2 vCPUs, see src/reports/README.md)');
  }
  const results: { size: number; summaryMs: number; drillMs: number; naiveMs: number }[] = [];
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-'));
  await fs.chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    // a bulk load: fewer checkpoints and larger sorts for the index builds (this throw-away server only)
    const tune = connectUrl(server.url('postgres'), 1);
    for (const s of [`max_wal_size = '8GB'`, `checkpoint_timeout = '30min'`, `maintenance_work_mem = '1GB'`, `work_mem = '64MB'`]) {
      await sql.raw(`ALTER SYSTEM SET ${s}`).execute(tune.db);
    }
    await sql`SELECT pg_reload_conf()`.execute(tune.db);
    await tune.db.destroy();
    let loaded = 0;
    for (const size of sizes) {
      const dbName = `bench_${size}`;
      const admin = connectUrl(server.url('postgres'), 1);
      await sql`CREATE DATABASE ${sql.raw(dbName)}`.execute(admin.db);
      await admin.db.destroy();
      const url = server.url(dbName);
      await migrate(url);
      const { db } = connectUrl(url, 4);
      await seedDirectory(db, systemClock);
      await seedCatalog(db, systemClock);
      const t0 = performance.now();
      let last = 0;
      const report = await simulate(db, scaled(dongThapPilot, size), {
        seed: 1, onProgress: (done, total) => {
          if (done - last >= total / 20 || done === total) { process.stderr.write(`\r  nạp ${done}/${total}`); last = done; }
        },
      });
      process.stderr.write('\n');
      loaded = report.dossiers;
      const loadSeconds = (performance.now() - t0) / 1000;
      const year = { from: '2021-01-01', to: '2021-12-31' };
      const supervisor: Actor = { userId: 1, username: 's', fullName: 's', role: 'supervisor', scope: { kind: 'unit', unitId: 1, unitPath: '/87/' } };
      const ctx = { db, clock: systemClock, actor: supervisor };
      const summaryMs = await time(30, () => summary(db, { unitPath: '/87/' }, year));
      const firstPage = await reportDossiers(ctx, { ...year, limit: 50 });
      const drillMs = await time(30, () => reportDossiers(ctx, { ...year, limit: 50 }));
      const deepMs = await time(30, () => reportDossiers(ctx, { ...year, limit: 50, after: firstPage.next ?? undefined, kind: 'late' }));
      const naive = () => sql`
        SELECT channel, receiving_agency_id, count(*) AS received,
               count(*) FILTER (WHERE status IN ('resultReady','returned','rejected') AND finished_at <= coalesce(original_due_at, due_at)) AS on_time,
               count(*) FILTER (WHERE status IN ('resultReady','returned','rejected') AND finished_at > coalesce(original_due_at, due_at)) AS late
          FROM dossiers WHERE unit_path LIKE '/87/%' AND received_at >= '2021-01-01T00:00:00+07:00' AND received_at < '2022-01-01T00:00:00+07:00'
         GROUP BY channel, receiving_agency_id`.execute(db);
      const naiveMs = await time(5, naive);
      const rollupRows = await sql<{ n: number }>`SELECT (SELECT count(*) FROM stats_daily)::int + (SELECT count(*) FROM stats_monthly)::int AS n`.execute(db);
      console.log(`${loaded.toLocaleString('en')} dossiers loaded in ${loadSeconds.toFixed(0)} s (${Math.round(loaded / loadSeconds)}/s), ${report.events.toLocaleString('en')} events, ${rollupRows.rows[0]?.n ?? 0} roll-up rows`);
      console.log(`  summary, province + year (roll-ups) p95: ${summaryMs.toFixed(1)} ms`);
      console.log(`  drill-down first page p95: ${drillMs.toFixed(1)} ms; late-dossier page after a cursor p95: ${deepMs.toFixed(1)} ms`);
      console.log(`  naive GROUP BY over dossiers (same year) p95: ${naiveMs.toFixed(1)} ms → summary is ${(naiveMs / summaryMs).toFixed(1)}× faster`);
      results.push({ size: loaded, summaryMs, drillMs, naiveMs });
      await db.destroy();
    }
    if (results.length > 1) {
      const a = results[0];
      const b = results[results.length - 1];
      if (a && b) {
        const k = b.size / a.size;
        const growth = (x: number, y: number) => `×${(y / x).toFixed(2)} (exponent ${(Math.log(y / x) / Math.log(k)).toFixed(2)})`;
        console.log(`growth ${a.size.toLocaleString('en')} → ${b.size.toLocaleString('en')} (×${k.toFixed(1)} dossiers): summary ${growth(a.summaryMs, b.summaryMs)}, drill-down ${growth(a.drillMs, b.drillMs)}, naive GROUP BY ${growth(a.naiveMs, b.naiveMs)}`);
      }
    }
  } finally {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
