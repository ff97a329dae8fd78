/**
 * Intake benchmark: the real app in this process on a fresh embedded database (demo data); the
 * load comes from a child process (bench/workers/intake-load.ts) so that the clients neither
 * share the app's event loop nor count in its CPU. Every intake is a realistic counter intake at
 * one service point (one agency, one day: every intake queues on the same serial row, the worst
 * case), posted over real keep-alive sockets.
 *
 * Saturation: N closed-loop clients for ~10 s, through HTTP and, in the same run, the baseline:
 * a raw `pg` loop from the same number of clients writing the same rows (applicant, serial,
 * dossier, event, papers, outbox, idempotency key, daily and monthly roll-ups) in one transaction
 * each, one plain statement per table, no HTTP and no logic. The ratio app/raw is the target
 * (≥ 0.5); the ratio to a raw loop writing only the serial, the dossier and the event is printed
 * beside it.
 * Steady load: RATE intakes per second started on schedule (open loop; latency counted from the
 * planned start, so a stall is not hidden), the app and the raw loop; the p99 target (< 50 ms)
 * is read there: at saturation the latency of a closed loop is only the queue length divided by
 * the rate (16 clients at 200/s wait 80 ms however fast each intake is), and this 2-core machine
 * runs the clients, the app and PostgreSQL together.
 *
 * The whole measurement runs BENCH_INTAKE_RUNS rounds (3 by default) and prints each round, then
 * the spread of the two targets over the rounds (min, median, max): on a shared machine one run
 * says little. Then the write cost of migration 0220's name suffixes (bench/intake-suffixes.ts,
 * BENCH_INTAKE_SUFFIX_ROUNDS, 0 to skip).
 *
 * Per intake it also prints the app process's CPU (ms) and the statements the app sent to
 * PostgreSQL (each one a round trip). An intake sends 2: the session lookup (kept per request on
 * purpose: logout and password changes revoke at once on every instance) and the intake itself,
 * one statement that is its own transaction (src/dossiers/intake.ts), so the serial row is locked
 * only while PostgreSQL executes and commits it.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../src/app';
import { systemClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import { openDatabase } from '../src/platform/db/connect';
import { migrate } from '../src/platform/db/migrate';
import { seedDemo } from '../src/seed';
import { median, suffixWriteCost } from './intake-suffixes';
import type { LoadJob, LoadResult } from './workers/intake-load';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** the steady load of the latency target: intakes per second, all at one agency-day */
const RATE = Number(process.env.BENCH_RATE ?? 50);
/** rounds of the whole measurement (saturation and steady load, app and raw): the spread is printed */
const RUNS = Number(process.env.BENCH_INTAKE_RUNS ?? 3);
/** rounds of the name-suffix triggers' write cost (migration 0220), on and off alternately; 0 skips it */
const SUFFIX_ROUNDS = Number(process.env.BENCH_INTAKE_SUFFIX_ROUNDS ?? 3);
const LOADER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workers', 'intake-load.ts');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

// Every statement the app sends goes through pg.Client#query (Kysely's dialect included).
let statements = 0;
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return clientQuery.apply(this, args);
};

export interface Measured extends LoadResult { readonly appCpuMs: number; readonly statements: number }

/** With BENCH_CPU_PROFILE=<file>, the app process's CPU profile of the HTTP phase only (open it in DevTools). */
async function profiled<T>(file: string | undefined, body: () => Promise<T>): Promise<T> {
  if (!file) return body();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await body();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await fs.writeFile(file, JSON.stringify(profile));
    session.disconnect();
  }
}

/** Runs one phase from a child process; the app's CPU and statements are counted between go and done. */
async function phase(job: LoadJob, profileFile?: string): Promise<Measured> {
  const child = fork(LOADER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const next = () => new Promise<unknown>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`load generator exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (m) => { child.off('exit', onExit); resolve(m); });
  });
  try {
    child.send(job);
    await next(); // ready: warmed up
    const cpu0 = process.cpuUsage();
    const statements0 = statements;
    const result = await profiled(profileFile, async () => {
      child.send({ go: true });
      return (await next()) as LoadResult;
    });
    const cpu = process.cpuUsage(cpu0);
    return { ...result, appCpuMs: (cpu.user + cpu.system) / 1000, statements: statements - statements0 };
  } finally {
    if (child.exitCode === null) child.kill();
    await exited;
  }
}

const report = (name: string, p: Measured) => {
  const rate = p.count / p.seconds;
  console.log(`${name.padEnd(20)} ${String(p.count).padStart(6)} in ${p.seconds.toFixed(1)} s = ${rate.toFixed(0).padStart(5)}/s   p50 ${percentile(p.latencies, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(p.latencies, 99).toFixed(1).padStart(7)} ms`
    + `   per intake: ${(p.appCpuMs / p.count).toFixed(2)} ms app CPU, ${(p.statements / p.count).toFixed(2)} statements, ${(p.cpuMs / p.count).toFixed(2)} ms load-generator CPU`);
  return rate;
};

const rateOf = (p: Measured) => p.count / p.seconds;
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

export async function run(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-intake-'));
  await fs.chmod(dataDir, 0o755);
  const config = { ...loadConfig(), databaseUrl: undefined, dataDir, embeddedPgPort: 0 };
  const connection = await openDatabase(config);
  try {
    await migrate(connection.url);
    await seedDemo(connection.db, systemClock);
    const app = await buildApp({ db: connection.db, clock: systemClock, config, logger: false, loginRateLimit: 1000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const origin = `http://127.0.0.1:${port}`;
    const login = await fetch(`${origin}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'motcua-demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const http = (rate?: number, profileFile?: string) =>
      phase({ mode: 'http', clients: rate === undefined ? CLIENTS : 64, ...(rate === undefined ? {} : { rate }), seconds: SECONDS, origin, token }, profileFile);
    // the raw loops write rows like the app's (its first dossier gives the ids): one warm-up phase of the app first
    let ids: LoadJob['ids'];
    const idsOfFirstDossier = async () => ({ ...(await connection.db.selectFrom('dossiers')
      .select(['procedure_id', 'applicant_id', 'receiving_agency_id', 'competent_agency_id', 'receiving_service_point_id', 'unit_path', 'applicant_unit_id', 'province_code'])
      .orderBy('id').limit(1).executeTakeFirstOrThrow()) });
    const raw = async (mode: 'raw-same' | 'raw-minimal', rate?: number) => {
      ids ??= await idsOfFirstDossier();
      return phase({ mode, clients: rate === undefined ? CLIENTS : 64, ...(rate === undefined ? {} : { rate }), seconds: SECONDS, databaseUrl: connection.url, ids });
    };

    const rounds: Round[] = [];
    console.log(`load ${load()} on ${os.availableParallelism()} cores before the first round`);
    for (let r = 1; r <= RUNS; r++) {
      // Saturation: CLIENTS closed-loop clients as fast as they are answered.
      const app1 = await http(undefined, r === 1 ? process.env.BENCH_CPU_PROFILE : undefined);
      const same = await raw('raw-same');
      const minimal = await raw('raw-minimal');
      // A steady load: RATE intakes per second started on schedule (open loop), all still at one agency-day.
      const appPaced = await http(RATE);
      const samePaced = await raw('raw-same', RATE);
      console.log(`round ${r}/${RUNS} (load ${load()})`);
      console.log(`saturation: ${CLIENTS} concurrent clients (in a child process), one service point and one agency-day (all intakes share one serial row)`);
      report('HTTP intake (app)', app1);
      report('raw pg, same rows', same);
      report('raw pg, 3 rows', minimal);
      console.log(`steady load: ${RATE} intakes/s started on schedule for ${SECONDS} s (latency from the planned start)`);
      report('HTTP intake (app)', appPaced);
      report('raw pg, same rows', samePaced);
      rounds.push({ app: app1, same, minimal, appPaced, samePaced, load: os.loadavg()[0] ?? NaN });
    }
    if (rounds.length > 0) printSpread(rounds);
    if (SUFFIX_ROUNDS > 0) await suffixWriteCost(connection, { http: () => http(), raw: () => raw('raw-same') }, SUFFIX_ROUNDS);
    const verify = await connection.db.selectFrom('dossier_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    console.log(`events written: ${verify.n}; load ${load()} on ${os.availableParallelism()} cores`);
    await app.close();
  } finally {
    await connection.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

interface Round { readonly app: Measured; readonly same: Measured; readonly minimal: Measured; readonly appPaced: Measured; readonly samePaced: Measured; readonly load: number }

const spread = (values: number[], digits: number) => {
  const v = [...values].sort((a, b) => a - b);
  return `min ${v[0]?.toFixed(digits)}  median ${median(v).toFixed(digits)}  max ${v[v.length - 1]?.toFixed(digits)}  (each round: ${values.map((x) => x.toFixed(digits)).join(', ')})`;
};

/** The targets over every round: the spread says how much one run is worth on this machine. */
function printSpread(rounds: readonly Round[]): void {
  const ratios = rounds.map((r) => rateOf(r.app) / rateOf(r.same));
  const p99s = rounds.map((r) => percentile(r.appPaced.latencies, 99));
  console.log(`over ${rounds.length} rounds (1-minute load average after each: ${rounds.map((r) => r.load.toFixed(1)).join(', ')}):`);
  console.log(`  ratio app/raw (same rows), target ≥ 0.5: ${spread(ratios, 2)} ${Math.min(...ratios) >= 0.5 ? 'OK' : 'BELOW TARGET'}`);
  console.log(`  ratio app/raw (serial, dossier and event only): ${spread(rounds.map((r) => rateOf(r.app) / rateOf(r.minimal)), 2)}`);
  console.log(`  app p99 at ${RATE}/s, target < 50 ms: ${spread(p99s, 1)} ms ${Math.max(...p99s) < 50 ? 'OK' : 'ABOVE TARGET in some round'}`);
  console.log(`  raw same rows p99 at ${RATE}/s: ${spread(rounds.map((r) => percentile(r.samePaced.latencies, 99)), 1)} ms`);
  console.log(`  app intakes/s at saturation: ${spread(rounds.map((r) => rateOf(r.app)), 0)}; app CPU per intake: ${spread(rounds.map((r) => r.app.appCpuMs / r.app.count), 2)} ms`);
}
