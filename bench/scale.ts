/**
 * Stateless instances (issue 16 §3): intakes per second through ONE `motcua serve` process and
 * through TWO behind a round-robin balancer, on the same PostgreSQL (an embedded server this
 * bench starts in a temporary folder), in the same run. The ratio two/one is what the second
 * instance adds; on one small machine the instances, the clients and PostgreSQL share the same
 * cores, and every intake of the demo clerk queues on one serial row (one agency, one day), so
 * the ratio says how much of an intake's cost is the instance's own (parsing, checks, rendering)
 * and how much PostgreSQL's. Several alternating runs; the spread is printed.
 *
 * `npm run bench -- scale` (env: SCALE_CLIENTS, default 16; SCALE_SECONDS per run, default 8;
 * SCALE_RUNS, default 3), then the failover run of bench/scale-failover.ts (SCALE_FAILOVER=0 skips
 * it; SCALE_FAILOVER=only runs it alone).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/platform/config';
import { openDatabase } from '../src/platform/db/connect';
import { freePort } from '../src/platform/db/embedded';
import { login, postIntake } from '../test/intake-stream';
import { startRoundRobinProxy } from '../test/round-robin-proxy';
import { exited, startServer, type ServerProcess } from '../test/server-process';
import { run as runFailover } from './scale-failover';

const CLIENTS = Number(process.env.SCALE_CLIENTS ?? 16);
const SECONDS = Number(process.env.SCALE_SECONDS ?? 8);
const RUNS = Number(process.env.SCALE_RUNS ?? 3);

let nextIntake = 0;

/** Closed loop: CLIENTS clients each post intakes back to back for SECONDS; answers 201 per second. */
async function intakesPerSecond(base: string, token: string): Promise<number> {
  const until = Date.now() + SECONDS * 1000;
  let done = 0;
  const failed = new Map<string, number>();
  const started = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (Date.now() < until) {
      const i = nextIntake++;
      const outcome = await postIntake(base, token, `scale-${process.pid}-${i}`, i % 400);
      if (outcome.status === 201) done += 1;
      else failed.set(String(outcome.status), (failed.get(String(outcome.status)) ?? 0) + 1);
    }
  }));
  if (failed.size > 0) console.log(`  intakes not accepted, by answer: ${[...failed].map(([status, n]) => `${status} ×${n}`).join(', ')}`);
  return done / ((Date.now() - started) / 1000);
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (x: number) => x.toFixed(1);

export async function run(): Promise<void> {
  const failover = process.env.SCALE_FAILOVER;
  if (failover !== 'only') await runInstances();
  if (failover !== '0') {
    console.log('── failover (pg_auto_failover) ──');
    await runFailover();
  }
}

async function runInstances(): Promise<void> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-scale-'));
  const connection = await openDatabase(loadConfig({ MOTCUA_DATA_DIR: path.join(folder, 'db') }), { command: 'bench-scale' });
  const servers: ServerProcess[] = [];
  try {
    const bases: string[] = [];
    for (const name of ['a', 'b']) {
      const dataDir = path.join(folder, name);
      await fs.mkdir(dataDir);
      const port = await freePort();
      servers.push(await startServer(dataDir, port, 240_000, {
        DATABASE_URL: connection.url, MOTCUA_ANCHOR_KEY_FILE: path.join(folder, `${name}-anchor.pem`), MOTCUA_JOBS: 'off',
      }));
      bases.push(`http://127.0.0.1:${port}`);
    }
    const proxy = await startRoundRobinProxy(bases);
    const single = await startRoundRobinProxy(bases.slice(0, 1));
    const { token } = await login(bases[0] ?? '', 'clerk');
    await intakesPerSecond(single.baseUrl, token); // warm-up: both paths compiled and connected
    await intakesPerSecond(proxy.baseUrl, token);
    const one: number[] = [];
    const two: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      one.push(await intakesPerSecond(single.baseUrl, token));
      two.push(await intakesPerSecond(proxy.baseUrl, token));
      console.log(`run ${r + 1}: one instance ${fmt(one.at(-1) ?? 0)} intakes/s · two instances ${fmt(two.at(-1) ?? 0)} intakes/s`);
    }
    const ratios = one.map((o, i) => (two[i] ?? 0) / o);
    console.log(`${CLIENTS} clients, ${SECONDS} s a run, ${RUNS} runs, ${os.cpus().length} cores`);
    console.log(`one instance: median ${fmt(median(one))} intakes/s (${fmt(Math.min(...one))}–${fmt(Math.max(...one))})`);
    console.log(`two instances: median ${fmt(median(two))} intakes/s (${fmt(Math.min(...two))}–${fmt(Math.max(...two))})`);
    console.log(`two/one: median ${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
    await proxy.close();
    await single.close();
  } finally {
    for (const s of servers) { s.child.kill('SIGTERM'); await exited(s.child); }
    await connection.close();
    await fs.rm(folder, { recursive: true, force: true });
  }
}
