// Debian's PostgreSQL 15 (issue 16 §4): the README promises any PostgreSQL ≥ 15, so motcua runs
// here on a throwaway PG15 cluster through DATABASE_URL — migrations, demo seed, pg-boss, intakes —
// with a streaming replica built by pg_basebackup -R behind DATABASE_READ_URL. The replica's
// replay is paused to show which reads it serves (reports, search, tracking) and which must stay
// on the primary (the detail after one's own intake, tracking's attempt counters), then the lag
// under a burst of intakes is measured and printed. `.ci/run` installs postgresql-15; under CI the
// file fails without it, elsewhere it is skipped with one line naming the package.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/db/embedded';
import { connectUrl, type Database } from '../src/platform/db/connect';
import { trackingPinFor } from '../src/tracking/references';
import { login, postIntake, waitFor } from './intake-stream';
import { createPg15Cluster, hasPostgres15, PG15_BIN, PG15_PACKAGE, withClient, type Pg15Cluster, type Pg15Server } from './postgres15-cluster';
import { exited, startServer, type ServerProcess } from './server-process';

const available = hasPostgres15();
const underCi = process.env.CI === 'true';
if (!available && !underCi) console.log(`PostgreSQL 15 tests skipped: install the Debian package ${PG15_PACKAGE} (${PG15_BIN})`);

const START_MS = 300_000;
const STEP_MS = 180_000;

let cluster: Pg15Cluster;
let replica: Pg15Server;
let server: ServerProcess;
let base = '';
let dataDir = '';
let primaryDb: Database;

const sql = <T extends Record<string, unknown>>(url: string, text: string) => withClient(url, async (c) => (await c.query<T>(text)).rows);
/** Waits until the replica has replayed everything the primary has written so far; the milliseconds it took. */
async function replicaCaughtUp(timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  const [lsn] = await sql<{ lsn: string }>(cluster.primary.url('motcua'), 'SELECT pg_current_wal_lsn()::text AS lsn');
  const replayed = async () => (await sql<{ ok: boolean }>(replica.url('motcua'), `SELECT pg_last_wal_replay_lsn() >= '${lsn?.lsn}'::pg_lsn AS ok`))[0]?.ok === true;
  expect(await waitFor(replayed, timeoutMs, 10)).toBe(true);
  return Date.now() - started;
}
const todayVn = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

describe.runIf(!available && underCi)(`PostgreSQL 15 under CI`, () => {
  it(`has Debian's ${PG15_PACKAGE} installed (.ci/run installs it)`, () => {
    throw new Error(`${PG15_BIN} has no initdb/pg_ctl/pg_basebackup: apt-get install ${PG15_PACKAGE}`);
  });
});

describe.runIf(available)(`motcua on Debian's PostgreSQL 15 (${PG15_PACKAGE}) with a streaming replica`, () => {
  beforeAll(async () => {
    cluster = await createPg15Cluster();
    replica = await cluster.addReplica();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-pg15-serve-'));
    const port = await freePort();
    server = await startServer(dataDir, port, START_MS, {
      DATABASE_URL: cluster.primary.url('motcua'), DATABASE_READ_URL: replica.url('motcua'), MOTCUA_ANCHOR_KEY_FILE: `${dataDir}-anchor.pem`,
    });
    base = `http://127.0.0.1:${port}`;
    primaryDb = connectUrl(cluster.primary.url('motcua'), 2).db;
  }, START_MS);

  afterAll(async () => {
    if (server) { server.child.kill('SIGTERM'); await exited(server.child); }
    await primaryDb?.destroy();
    await cluster?.destroy();
    if (dataDir) { await fs.rm(dataDir, { recursive: true, force: true }); await fs.rm(`${dataDir}-anchor.pem`, { force: true }); await fs.rm(`${dataDir}-anchor.pem.pub`, { force: true }); }
  }, 120_000);

  it('migrates, seeds and takes intakes on PostgreSQL 15 through DATABASE_URL', async () => {
    const [v] = await sql<{ server_version_num: string }>(cluster.primary.url('motcua'), 'SHOW server_version_num');
    expect(Number(v?.server_version_num)).toBeGreaterThanOrEqual(150000);
    expect(Number(v?.server_version_num)).toBeLessThan(160000);
    expect(await waitFor(async () => server.output().includes('DATABASE_READ_URL'), 60_000)).toBe(true);
    const { token } = await login(base, 'clerk');
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => postIntake(base, token, `pg15-intake-${i}`, i)));
    expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 201));
    const serials = outcomes.map((o) => Number(/-(\d+)$/.exec(o.code ?? '')?.[1])).sort((a, b) => a - b);
    expect(serials).toEqual(serials.map((_, i) => (serials[0] ?? 0) + i));
    const stored = await primaryDb.selectFrom('dossiers').select('code').where('code', 'in', outcomes.map((o) => o.code ?? '')).execute();
    expect(stored).toHaveLength(6);
  }, STEP_MS);

  it('serves reports, search and tracking from the replica, and one\'s own write from the primary', async () => {
    const primaryUrl = cluster.primary.url('motcua');
    const replicaUrl = replica.url('motcua');
    const [r] = await sql<{ in_recovery: boolean }>(replicaUrl, 'SELECT pg_is_in_recovery() AS in_recovery');
    expect(r?.in_recovery).toBe(true);
    const clerk = (await login(base, 'clerk')).token;
    const supervisor = (await login(base, 'supervisor')).token;
    const get = async (url: string, token?: string) => {
      const res = await fetch(`${base}${url}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const received = async () => (await get(`/api/v1/reports/summary?from=${todayVn()}&to=${todayVn()}`, supervisor)).body.received as number;
    await replicaCaughtUp();
    const before = await received();
    expect(before).toBeGreaterThanOrEqual(1);

    await sql(replicaUrl, 'SELECT pg_wal_replay_pause()');
    try {
      const intake = await postIntake(base, clerk, 'pg15-paused', 50);
      expect(intake.status).toBe(201);
      const code = intake.code ?? '';
      // one's own write: the detail reads the primary
      expect((await get(`/api/v1/dossiers/${code}`, clerk)).status).toBe(200);
      // reports and search read the paused replica: the intake is not there yet
      expect(await received()).toBe(before);
      expect((await get(`/api/v1/dossiers?code=${code}`, clerk)).body.items).toEqual([]);
      // public tracking: a code the replica does not know yet is read again on the primary
      const pin = await trackingPinFor(primaryDb, code);
      const tracked = await get(`/api/v1/track/${code}?pin=${pin}`);
      expect(tracked.status).toBe(200);
      expect(tracked.body.code).toBe(code);
      // a wrong PIN is counted (a write) on the primary while the replica is paused
      expect((await get(`/api/v1/track/${code}?pin=000000`)).status).toBe(404);
      const attempts = await primaryDb.selectFrom('attempt_throttle').selectAll().where('key', '=', `track:${code}`).execute();
      expect(attempts).toHaveLength(1);
    } finally {
      await sql(replicaUrl, 'SELECT pg_wal_replay_resume()');
    }
    expect(await waitFor(async () => (await received()) === before + 1, 30_000)).toBe(true);
  }, STEP_MS);

  it('keeps up with a burst of intakes: replica lag measured and printed', async () => {
    const primaryUrl = cluster.primary.url('motcua');
    const { token } = await login(base, 'clerk');
    const lags: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [row] = await sql<{ lag_ms: number | null; bytes: string | null }>(primaryUrl,
          `SELECT extract(epoch FROM replay_lag) * 1000 AS lag_ms, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS bytes FROM pg_stat_replication`);
        if (row?.lag_ms !== null && row?.lag_ms !== undefined) lags.push(Number(row.lag_ms));
        await new Promise((res) => setTimeout(res, 50));
      }
    })();
    const started = Date.now();
    const burst = 60;
    let next = 0;
    const statuses: (number | string)[] = [];
    await Promise.all(Array.from({ length: 6 }, async () => {
      for (let i = next++; i < burst; i = next++) statuses.push((await postIntake(base, token, `pg15-burst-${i}`, 100 + i)).status);
    }));
    const burstMs = Date.now() - started;
    const catchUpMs = await replicaCaughtUp();
    sampling = false;
    await sampler;
    expect(statuses.filter((s) => s === 201)).toHaveLength(burst);
    const sorted = [...lags].sort((a, b) => a - b);
    const pick = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
    console.log(`replica lag under ${burst} intakes in ${(burstMs / 1000).toFixed(1)} s (${(burst / (burstMs / 1000)).toFixed(1)}/s, 6 clients): `
      + `replay_lag p50 ${pick(0.5)} ms, p95 ${pick(0.95)} ms, max ${pick(1)} ms over ${lags.length} samples; caught up ${catchUpMs} ms after the last commit`);
    const count = `SELECT count(*) AS n FROM dossiers WHERE personal_id LIKE '0870%'`;
    expect((await sql<{ n: string }>(replica.url('motcua'), count))[0]?.n).toBe((await sql<{ n: string }>(primaryUrl, count))[0]?.n);
  }, STEP_MS);
});
