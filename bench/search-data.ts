/**
 * The search benchmark's data sets: the Đồng Tháp pilot simulated faithfully at BASE dossiers
 * (events, papers, roll-ups; the simulator's COPY path, src/simulate/bulk-copy.ts), then amplified
 * inside PostgreSQL to N dossier rows (src/simulate/bulk-amplify.ts), in an embedded PostgreSQL
 * kept in a folder named for the size, the base, the seed and GENERATOR_VERSION, and reused by
 * later runs (newer migrations are applied on open, so a new index is built on the existing rows).
 * The folders live outside the git tree: `$MOTCUA_BENCH_DIR`, default /var/tmp/motcua-bench.
 */
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type pg from 'pg';
import { systemClock } from '../src/platform/clock';
import { connectUrl, type Database } from '../src/platform/db/connect';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/platform/db/embedded';
import { migrate } from '../src/platform/db/migrate';
import { simulateProvince } from './simulated-province';
import { amplifyDossiers } from '../src/simulate/bulk-amplify';

/** Bump when the generator writes different rows for the same size and seed (old folders are then ignored). */
export const GENERATOR_VERSION = 2;
const SEED = 1;
/** Dossiers simulated with their whole history; sizes are multiples of it. */
export const BASE = Number(process.env.BENCH_SEARCH_BASE ?? 25_000);

export interface Dataset {
  readonly size: number;
  readonly dir: string;
  readonly db: Database;
  readonly pool: pg.Pool;
  /** seconds the generation took (simulation of the base, amplification), when this run generated it; null when reused */
  readonly generatedIn: { seconds: number; simulateSeconds: number; amplifySeconds: number; events: number } | null;
  close(): Promise<void>;
}

export const datasetsRoot = (): string => process.env.MOTCUA_BENCH_DIR ?? '/var/tmp/motcua-bench';
export const datasetDir = (size: number): string => path.join(datasetsRoot(), `pilot-${size}-base${BASE}-seed${SEED}-g${GENERATOR_VERSION}`);

/** Settings for a throw-away bulk-loaded server: fewer checkpoints, larger sorts for index builds. */
async function tune(server: EmbeddedServer): Promise<void> {
  const { db } = connectUrl(server.url('postgres'), 1);
  for (const s of [`max_wal_size = '8GB'`, `checkpoint_timeout = '30min'`, `maintenance_work_mem = '1GB'`, `work_mem = '32MB'`, `shared_buffers = '1GB'`]) {
    await sql.raw(`ALTER SYSTEM SET ${s}`).execute(db);
  }
  await sql`SELECT pg_reload_conf()`.execute(db);
  await db.destroy();
}

/** Opens the data set of `size` dossiers, generating it first when no finished folder exists. */
export async function openDataset(size: number, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<Dataset> {
  if (size % BASE !== 0) throw new Error(`size ${size} is not a multiple of the simulated base ${BASE}`);
  const dir = datasetDir(size);
  const ready = path.join(dir, 'READY.json');
  const reuse = existsSync(ready);
  if (!reuse) {
    await fs.rm(dir, { recursive: true, force: true }); // a generation that did not finish
    await fs.mkdir(dir, { recursive: true, mode: 0o755 });
  }
  const server = await startEmbeddedPostgres({ dataDir: dir, command: 'bench' });
  let generatedIn: Dataset['generatedIn'] = null;
  try {
    if (!reuse) {
      await tune(server);
      // shared_buffers needs a restart
      await server.stop();
    }
  } catch (e) {
    await server.stop();
    throw e;
  }
  const live = reuse ? server : await startEmbeddedPostgres({ dataDir: dir, command: 'bench' });
  const url = live.url('motcua');
  try {
    await migrate(url);
    const { db, pool } = connectUrl(url, 4);
    if (!reuse) {
      const t0 = performance.now();
      const report = await simulateProvince(db, pool, BASE, SEED);
      const simulateSeconds = report.seconds;
      const amplified = await amplifyDossiers(db, size / BASE, (done, total) => process.stderr.write(`\r  ×${size / BASE}: ${done}/${total}`));
      process.stderr.write('\n');
      generatedIn = { seconds: (performance.now() - t0) / 1000, simulateSeconds, amplifySeconds: amplified.seconds, events: report.events };
      await fs.writeFile(ready, JSON.stringify({ size, seed: SEED, generator: GENERATOR_VERSION, ...generatedIn, at: new Date().toISOString() }));
      log(`  ${size.toLocaleString('en')} dossiers generated in ${generatedIn.seconds.toFixed(0)} s: ${BASE.toLocaleString('en')} simulated with ${report.events.toLocaleString('en')} events in ${simulateSeconds.toFixed(0)} s, amplified ×${size / BASE} in ${amplified.seconds.toFixed(0)} s (indexes included) → ${dir}`);
    } else {
      const info = JSON.parse(await fs.readFile(ready, 'utf8')) as { seconds: number; at: string };
      log(`  reusing ${dir} (generated ${info.at} in ${info.seconds.toFixed(0)} s)`);
    }
    return { size, dir, db, pool, generatedIn, async close() { await db.destroy(); await live.stop(); } };
  } catch (e) {
    await live.stop();
    throw e;
  }
}
