/**
 * The report benchmark's data sets: the Đồng Tháp pilot simulated faithfully at BASE dossiers
 * (every dossier with its events, papers and roll-ups, through the simulator's COPY path), then
 * copied inside PostgreSQL with its whole history to N dossiers (src/simulate/history-amplify.ts:
 * each copy with its own code, its events, papers and name suffixes, under its own copies of the
 * procedures — the procedure-keyed roll-ups grow with N — and the roll-ups those events give,
 * checked against the folded log by its test; generator 3, generator 2 kept the base's procedures), in an embedded PostgreSQL kept in a folder named for the
 * size, the base, the seed and REPORTS_GENERATOR_VERSION, reused by later runs (newer migrations
 * are applied on open: a new roll-up is backfilled on the existing rows, which the bench times).
 * A size at or below the base is simulated whole. READY.json records the seconds each step took
 * and the load average. The load runs with a large max_wal_size; once loaded the folder goes back
 * to the default and checkpoints, so it keeps about 1 GB of WAL, not the load's 8 GB.
 * The folders live outside the git tree: `$MOTCUA_BENCH_DIR`, default /var/tmp/motcua-bench.
 * `tsx bench/reports-data.ts 1000000` only generates (or opens) the folder.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/platform/db/schema';
import { connectUrl, type Database } from '../src/platform/db/connect';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/platform/db/embedded';
import { migrate } from '../src/platform/db/migrate';
import { simulateProvince } from './simulated-province';
import { amplifyWithHistory } from '../src/simulate/history-amplify';

/** Bump when the generator writes different rows for the same size and seed (old folders are then ignored). */
export const REPORTS_GENERATOR_VERSION = 3;
const SEED = 1;
/** Dossiers simulated with their whole history; larger sizes are multiples of it, copied in SQL. */
export const REPORTS_BASE = Number(process.env.BENCH_REPORTS_BASE ?? 100_000);

export interface ReportsDataset {
  readonly size: number;
  readonly dir: string;
  readonly db: Database;
  readonly pool: pg.Pool;
  /** this run's generation (null when reused) */
  readonly generatedIn: { seconds: number; simulateSeconds: number; amplifySeconds: number; events: number } | null;
  /** seconds the migrations pending on open took (a roll-up backfilled on existing rows) */
  readonly migrateSeconds: number;
  close(): Promise<void>;
}

const root = (): string => process.env.MOTCUA_BENCH_DIR ?? '/var/tmp/motcua-bench';
const baseOf = (size: number): number => Math.min(size, REPORTS_BASE);
export const reportsDatasetDir = (size: number): string => path.join(root(), `reports-pilot-${size}-base${baseOf(size)}-seed${SEED}-g${REPORTS_GENERATOR_VERSION}`);

async function tune(server: EmbeddedServer): Promise<void> {
  const { db } = connectUrl(server.url('postgres'), 1);
  for (const s of [`max_wal_size = '8GB'`, `checkpoint_timeout = '30min'`, `maintenance_work_mem = '1GB'`, `work_mem = '32MB'`, `shared_buffers = '1GB'`]) {
    await sql.raw(`ALTER SYSTEM SET ${s}`).execute(db);
  }
  await sql`SELECT pg_reload_conf()`.execute(db);
  await db.destroy();
}

/**
 * The load's WAL allowance back to the default (1 GB), and the segments recycled ahead under the
 * load's 8 GB used up and removed: a checkpoint removes only segments behind it, so each one is
 * switched past (a non-transactional message gives the switch something to close), then the
 * checkpoint keeps what the default allows. Returns the bytes of WAL left.
 */
async function shrinkWal(db: Database): Promise<number> {
  await sql`ALTER SYSTEM RESET max_wal_size`.execute(db);
  await sql`ALTER SYSTEM RESET checkpoint_timeout`.execute(db);
  await sql`SELECT pg_reload_conf()`.execute(db);
  await sql`SELECT pg_sleep(1)`.execute(db); // the checkpointer reads the new allowance
  await sql.raw(`DO $$ DECLARE n int; BEGIN
    SELECT count(*) INTO n FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}$';
    FOR i IN 1..n LOOP PERFORM pg_logical_emit_message(false, 'motcua-bench', ''); PERFORM pg_switch_wal(); END LOOP;
  END $$`).execute(db);
  await sql`CHECKPOINT`.execute(db);
  return Number((await sql<{ n: string }>`SELECT coalesce(sum(size), 0) AS n FROM pg_ls_waldir()`.execute(db)).rows[0]?.n ?? 0);
}

/** Opens the data set of `size` dossiers, generating it first when no finished folder exists. */
export async function openReportsDataset(size: number, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<ReportsDataset> {
  const base = baseOf(size);
  if (size % base !== 0) throw new Error(`size ${size} is not a multiple of the simulated base ${base} (BENCH_REPORTS_BASE)`);
  const dir = reportsDatasetDir(size);
  const ready = path.join(dir, 'READY.json');
  const reuse = existsSync(ready);
  if (!reuse) {
    await fs.rm(dir, { recursive: true, force: true }); // a generation that did not finish
    await fs.mkdir(dir, { recursive: true, mode: 0o755 });
    const first = await startEmbeddedPostgres({ dataDir: dir, command: 'bench' });
    try { await tune(first); } finally { await first.stop(); } // shared_buffers needs a restart
  }
  const live = await startEmbeddedPostgres({ dataDir: dir, command: 'bench' });
  const url = live.url('motcua');
  try {
    const m0 = performance.now();
    await migrate(url);
    const migrateSeconds = (performance.now() - m0) / 1000;
    // a long connect timeout and no idle close: on a shared, loaded machine a new connection to
    // the niced server may take longer than the application's 5 s
    const pool = new pg.Pool({ connectionString: url, max: 6, connectionTimeoutMillis: 120_000, idleTimeoutMillis: 0, application_name: 'motcua-bench' });
    pool.on('error', () => {});
    const db: Database = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    let generatedIn: ReportsDataset['generatedIn'] = null;
    if (!reuse) {
      const t0 = performance.now();
      const load0 = os.loadavg();
      const simulated = await simulateProvince(db, pool, base, SEED);
      const t1 = performance.now();
      let last = 0;
      const amplified = await amplifyWithHistory(db, size / base, (done, total) => {
        if (done - last >= total / 20 || done === total) {
          process.stderr.write(`\r  nhân bản ${done}/${total} (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
          last = done;
        }
      });
      if (size > base) process.stderr.write('\n');
      const t2 = performance.now();
      await sql`VACUUM ANALYZE`.execute(db);
      const wal = await shrinkWal(db);
      const events = size > base ? amplified.events : simulated.events;
      generatedIn = { seconds: (performance.now() - t0) / 1000, simulateSeconds: (t1 - t0) / 1000, amplifySeconds: (t2 - t1) / 1000, events };
      await fs.writeFile(ready, JSON.stringify({ size, dossiers: amplified.dossiers, base, seed: SEED, generator: REPORTS_GENERATOR_VERSION, ...generatedIn,
        vacuumSeconds: (performance.now() - t2) / 1000, papers: amplified.papers, walBytes: wal, loadAverage: { atStart: load0, atEnd: os.loadavg() },
        at: new Date().toISOString() }));
      log(`  ${amplified.dossiers.toLocaleString('en')} dossiers (${events.toLocaleString('en')} events) generated in ${generatedIn.seconds.toFixed(0)} s`
        + ` (simulated ${base.toLocaleString('en')} in ${generatedIn.simulateSeconds.toFixed(0)} s, copied in ${generatedIn.amplifySeconds.toFixed(0)} s;`
        + ` load average ${load0.map((l) => l.toFixed(1)).join(' ')} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end; WAL kept ${(wal / 2 ** 30).toFixed(1)} GiB) → ${dir}`);
    } else {
      const info = JSON.parse(await fs.readFile(ready, 'utf8')) as { seconds: number; at: string };
      log(`  reusing ${dir} (generated ${info.at} in ${info.seconds.toFixed(0)} s; pending migrations ${migrateSeconds.toFixed(1)} s)`);
    }
    return { size, dir, db, pool, generatedIn, migrateSeconds, async close() { await db.destroy(); await live.stop(); } };
  } catch (e) {
    await live.stop();
    throw e;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of process.argv.slice(2).map(Number).filter((n) => n > 0)) {
    const d = await openReportsDataset(size);
    await d.close();
  }
}
