// Operations on a live server (issue 10 §1–4), on one `motcua serve` with embedded PostgreSQL,
// loopback only, while clerks stream intakes:
//  1. CLI commands (`audit verify`, `user add`) on its data folder use its PostgreSQL: the server
//     stays healthy, no request fails, the new administrator logs in.
//  2. `kill -9` of the postmaster: requests get 503 (never 500), the server starts PostgreSQL
//     again by itself, every acknowledged intake is stored once, every failed one is stored once
//     when retried with its key, and every dossier has its outbox row.
//  3. `motcua backup` under load, `motcua restore` into a fresh folder: `audit verify`, `audit
//     rebuild` and `report rebuild` find no difference.
//  4. The metrics show the restart and not one 500.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/db/embedded';
import { isAlive } from '../src/platform/db/folder-lock';
import { folderClient, login, motcua, postIntake, postmasterPid, streamIntakes, waitFor } from './intake-stream';
import { exited, startServer, type ServerProcess } from './server-process';

const healthy = async (base: string) => (await fetch(`${base}/api/health`)).status === 200;
const countOf = (text: string): number => Number(/(\d+) hồ sơ/.exec(text)?.[1] ?? -1);

describe('operations on a live server', () => {
  const folders: string[] = [];
  let dataDir = '';
  let server: ServerProcess | undefined;
  let base = '';
  let token = '';
  const everyCode = new Set<string>();
  const folder = async (prefix: string) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    await fs.chmod(dir, 0o755);
    folders.push(dir);
    return dir;
  };

  beforeAll(async () => {
    dataDir = await folder('motcua-ops-');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await startServer(dataDir, port, 300_000); // a loaded machine (npm test runs two files at once) starts slowly
    token = (await login(base, 'clerk')).token;
  }, 330_000);
  afterAll(async () => {
    const child: ChildProcess | undefined = server?.child;
    if (child && child.exitCode === null) { child.kill('SIGTERM'); await exited(child); }
    for (const dir of folders) await fs.rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('runs audit verify and user add on the live folder through its database: server healthy, 0 errors', async () => {
    const stream = streamIntakes(base, token, 'cli');
    await waitFor(async () => stream.acknowledged.size >= 10, 60_000);
    const pgPid = await postmasterPid(dataDir);
    const verify = await motcua(['audit', 'verify'], { MOTCUA_DATA_DIR: dataDir });
    const add = await motcua(['user', 'add', '--username', 'quantri-song', '--role', 'admin', '--full-name', 'Quản trị'], { MOTCUA_DATA_DIR: dataDir });
    await waitFor(async () => stream.acknowledged.size >= 20, 60_000);
    await stream.stop();
    for (const code of stream.acknowledged.values()) everyCode.add(code);

    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain('Chuỗi băm hợp lệ');
    expect(verify.err).toContain('Dùng cơ sở dữ liệu của motcua serve đang chạy');
    expect(add.code, add.err).toBe(0);
    expect([...stream.statuses.keys()]).toEqual(['201']); // not one request failed
    expect(await healthy(base)).toBe(true);
    expect(await postmasterPid(dataDir)).toBe(pgPid); // the same PostgreSQL: never stopped
    expect(isAlive(pgPid)).toBe(true);
    const password = /Mật khẩu \(chỉ hiện một lần\): (\S+)/.exec(add.out)?.[1] ?? '';
    expect((await login(base, 'quantri-song', password)).status).toBe(200);
  }, 240_000);

  it('survives kill -9 of PostgreSQL: 503 meanwhile, back by itself within 30 s, every intake stored exactly once', async () => {
    const stream = streamIntakes(base, token, 'kill');
    await waitFor(async () => stream.acknowledged.size >= 15, 60_000);
    const killedAt = Date.now();
    process.kill(await postmasterPid(dataDir), 'SIGKILL');
    await waitFor(async () => stream.statuses.has('503'), 10_000, 20);
    const recovered = await waitFor(() => healthy(base), 30_000, 100);
    const recoverSeconds = (Date.now() - killedAt) / 1000;
    const ackedAtRecovery = stream.acknowledged.size;
    await waitFor(async () => stream.acknowledged.size >= ackedAtRecovery + 10, 60_000);
    await stream.stop();

    // The clerks retry what failed, with the same keys: one dossier each.
    const retried = new Map<string, string>();
    for (const [key, i] of stream.failed) {
      const r = await postIntake(base, token, key, i);
      expect(r.status, `retry of ${key}`).toBe(201);
      if (r.code) retried.set(key, r.code);
    }
    // an acknowledged key, sent again with its own request (keys are `kill-<index>`), answers its dossier
    const [firstKey, firstCode] = [...stream.acknowledged][0] ?? ['', ''];
    const again = await postIntake(base, token, firstKey, Number(firstKey.split('-').pop()));
    expect(again.code).toBe(firstCode);

    const client = await folderClient(dataDir);
    const stored = await client.query<{ key: string; code: string }>(`SELECT key, dossier_code AS code FROM idempotency_keys WHERE key LIKE 'kill-%'`);
    const outboxRows = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE kind = 'dossier.received' AND payload->>'code' = ANY($1::text[])`,
      [[...stream.acknowledged.values(), ...retried.values()]]);
    await client.end();
    const storedByKey = new Map(stored.rows.map((r) => [r.key, r.code]));
    const lost = [...stream.acknowledged].filter(([key, code]) => storedByKey.get(key) !== code).length;
    const codes = [...stream.acknowledged.values(), ...retried.values()];
    const duplicated = codes.length - new Set(codes).size;
    for (const code of codes) everyCode.add(code);
    const figures = {
      sent: stream.sent(), acknowledged: stream.acknowledged.size, failedThenRetried: stream.failed.size,
      answers: Object.fromEntries(stream.statuses), lost, duplicated, recoverSeconds,
    };
    process.stdout.write(`fault: kill -9 postgres ${JSON.stringify(figures)}\n`);

    expect(recovered).toBe(true);
    expect(recoverSeconds).toBeLessThan(30);
    expect([...stream.statuses.keys()].sort()).toEqual(['201', '503']); // never a 500
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(stored.rows).toHaveLength(stream.acknowledged.size + stream.failed.size);
    expect(outboxRows.rows[0]?.n).toBe(codes.length); // no outbox row lost
    expect(server?.output()).toMatch(/"alert":"database.unavailable"/);
    // The watch writes its "restored" line at its next probe (once a second), which may come
    // after the first healthy answer: wait for it rather than race it.
    await waitFor(async () => /"alert":"database.restored"/.test(server?.output() ?? ''), 15_000, 100);
    expect(server?.output()).toMatch(/"alert":"database.restored"/);
    const verify = await motcua(['audit', 'verify'], { MOTCUA_DATA_DIR: dataDir });
    expect(verify.code, verify.out).toBe(0);
    expect(countOf(verify.out)).toBe(everyCode.size);
  }, 240_000);

  it('backs up under load and restores into a fresh folder where audit and report rebuild find no difference', async () => {
    const file = path.join(await folder('motcua-backup-'), 'motcua.backup');
    const stream = streamIntakes(base, token, 'backup');
    await waitFor(async () => stream.acknowledged.size >= 5, 60_000);
    const before = everyCode.size + stream.acknowledged.size;
    const backup = await motcua(['backup', file], { MOTCUA_DATA_DIR: dataDir });
    const after = everyCode.size + stream.acknowledged.size;
    await stream.stop();
    expect(backup.code, backup.err).toBe(0);
    expect(stream.statuses.get('201')).toBe(stream.sent()); // the server kept answering

    const fresh = await folder('motcua-restored-');
    const restore = await motcua(['restore', file], { MOTCUA_DATA_DIR: fresh });
    expect(restore.code, restore.err).toBe(0);
    const verify = await motcua(['audit', 'verify'], { MOTCUA_DATA_DIR: fresh });
    expect(verify.code, verify.out).toBe(0);
    expect(countOf(verify.out)).toBeGreaterThanOrEqual(before);
    expect(countOf(verify.out)).toBeLessThanOrEqual(after + 3); // + the requests in flight
    const rebuild = await motcua(['audit', 'rebuild'], { MOTCUA_DATA_DIR: fresh });
    expect(rebuild.code, rebuild.out).toBe(0);
    const rollups = await motcua(['report', 'rebuild'], { MOTCUA_DATA_DIR: fresh });
    expect(rollups.code, rollups.out).toBe(0);
    expect(rollups.out).toContain('0 khác biệt');
    // a second restore onto the now non-empty folder is refused in one line
    const twice = await motcua(['restore', file], { MOTCUA_DATA_DIR: fresh });
    expect(twice.code).toBe(2);
    expect(twice.err.trim().split('\n').at(-1)).toContain('chỉ khôi phục vào một cơ sở dữ liệu trống');
  }, 300_000);

  it('shows the outage in its metrics: the restart counted, not one 500', async () => {
    const metrics = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${(await login(base, 'admin')).token}` } });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(/motcua_alerts_total\{event="database.restarted"\} [1-9]/);
    expect(text).toMatch(/motcua_http_requests_total\{method="POST",route="\/api\/v1\/dossiers",status="503"\} [1-9]/);
    expect(text).not.toMatch(/status="500"/);
  }, 60_000);
});
