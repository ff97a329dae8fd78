/**
 * Intake benchmark: the real app in this process on a fresh embedded database (demo data); the
 * load comes from a child process (bench/workers/intake-load.ts) so that the clients neither
 * share the app's event loop nor count in its CPU: N concurrent HTTP clients over real
 * keep-alive sockets posting realistic counter intakes at one service point (one agency, one
 * day: every intake queues on the same serial row) for ~10 s.
 * Baseline, measured the same way (from a child process): a raw `pg` loop from the same number
 * of clients writing the same rows (serial + dossier + event) in one transaction each, no HTTP
 * and no logic.
 * Besides rate and latency it prints, per intake, the app process's CPU (ms) and the number of
 * statements the app sent to PostgreSQL (each one a round trip; BEGIN and COMMIT included).
 * An intake sends 7: the session lookup (kept per request on purpose: logout and password
 * changes revoke at once on every instance; it is one index lookup, outside the serial lock),
 * BEGIN, key claim + applicant upsert, serial + dossier + event + papers + outbox + key result,
 * the reports roll-up hook (stats_daily, stats_monthly), COMMIT. The serial row lock spans the
 * last four.
 * Targets: ratio ≥ 0.5, p99 < 50 ms.
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
import type { LoadJob, LoadResult } from './workers/intake-load';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LOADER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workers', 'intake-load.ts');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

// Every statement the app sends goes through pg.Client#query (Kysely's dialect included).
let statements = 0;
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return clientQuery.apply(this, args);
};

interface Measured extends LoadResult { readonly appCpuMs: number; readonly statements: number }

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

    const http = await phase({ mode: 'http', clients: CLIENTS, seconds: SECONDS, origin, token }, process.env.BENCH_CPU_PROFILE);

    // Baseline: the same rows in one transaction each, straight through pg (no app: its CPU and statements read ~0).
    const ids = await connection.db.selectFrom('dossiers').select(['procedure_id', 'applicant_id', 'receiving_agency_id', 'competent_agency_id', 'receiving_service_point_id', 'unit_path', 'applicant_unit_id'])
      .limit(1).executeTakeFirstOrThrow();
    const baseline = await phase({ mode: 'raw', clients: CLIENTS, seconds: SECONDS, databaseUrl: connection.url, ids });

    console.log(`${CLIENTS} concurrent clients (in a child process), one service point and one agency-day (all intakes share one serial row)`);
    const httpRate = report('HTTP intake (app)', http);
    const rawRate = report('raw pg transaction', baseline);
    const ratio = httpRate / rawRate;
    const p99 = percentile(http.latencies, 99);
    console.log(`ratio app/raw = ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'};  app p99 = ${p99.toFixed(1)} ms (target < 50 ms) ${p99 < 50 ? 'OK' : 'ABOVE TARGET'}`);
    const verify = await connection.db.selectFrom('dossier_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    console.log(`events written: ${verify.n}; app process CPU during the HTTP phase: ${(http.appCpuMs / 10 / http.seconds).toFixed(0)}% of one core; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores`);
    await app.close();
  } finally {
    await connection.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
