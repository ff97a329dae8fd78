// Crash safety of intake: the real server (embedded PostgreSQL) is SIGKILLed while clerks stream
// intakes. After a restart on the same data folder, every acknowledged dossier exists with its
// `received` event, every chain verifies (no dossier without its event, no half-written one), and
// retrying the requests that were in flight with their Idempotency-Key makes no duplicate.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/db/embedded';
import { exited, startServer } from './server-process';

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'motcua-demo' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Names carry no digits: 0 → "A", 27 → "BB". */
const nameOf = (i: number) => `Nguyễn Thị ${String.fromCharCode(65 + (i % 26)).repeat(1 + Math.floor(i / 26))}`;

const intakeBody = (i: number) => ({
  procedureCode: '1.004873',
  applicant: { personalId: `0870${String(900000 + i).padStart(8, '0')}`, name: nameOf(i), phone: `09${String(10000000 + i).slice(-8)}`, unitCode: '29926' },
  papers: [{ key: 'p6', source: 'scanned' }],
  formData: { fullName: nameOf(i), personalId: `0870${String(900000 + i).padStart(8, '0')}`, address: 'Ấp 1, xã Tân Hồng' },
});

const post = (base: string, token: string, i: number) => fetch(`${base}/api/v1/dossiers`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `crash-test-${i}` },
  body: JSON.stringify(intakeBody(i)),
});

describe('intake survives a crash', () => {
  let dataDir = '';
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) { child.kill('SIGKILL'); await exited(child); }
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged dossier with its event after SIGKILL, and no half-written one', async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-crash-'));
    await fs.chmod(dataDir, 0o755);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = (await startServer(dataDir, port)).child;
    const token = await login(base, 'clerk');

    const acknowledged = new Map<number, string>();
    const inFlight = new Set<number>();
    let next = 0;
    let killed = false;
    let failure: unknown = null;
    const worker = async () => {
      while (!killed) {
        const i = next++;
        inFlight.add(i);
        try {
          const res = await post(base, token, i);
          if (res.status !== 201) throw new Error(`intake ${i}: ${res.status} ${await res.text()}`);
          acknowledged.set(i, ((await res.json()) as { code: string }).code);
          inFlight.delete(i);
        } catch (e) {
          if (!killed) failure = e;
          return; // the server died under this request: its outcome is unknown
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    while (acknowledged.size < 60 && failure === null) await new Promise((r) => setTimeout(r, 20));
    if (failure !== null) throw failure;
    killed = true;
    child.kill('SIGKILL');
    await exited(child);
    await Promise.all(workers);
    expect(acknowledged.size).toBeGreaterThanOrEqual(60);

    const restartedAt = Date.now();
    child = (await startServer(dataDir, port)).child;
    const secondsToRecover = (Date.now() - restartedAt) / 1000;
    const clerk = await login(base, 'clerk');
    const supervisor = await login(base, 'supervisor');
    // the API verifies a bounded period of the actor's scope: yesterday and today (UTC+7)
    const period = () => { const vn = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10); return { from: vn(Date.now() - 86_400_000), to: vn(Date.now()) }; };
    const verifyPeriod = () => fetch(`${base}/api/v1/supervision/audit-verify`, { method: 'POST', headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'application/json' }, body: JSON.stringify(period()) });
    for (const [i, code] of acknowledged) {
      const res = await fetch(`${base}/api/v1/dossiers/${code}`, { headers: { authorization: `Bearer ${clerk}` } });
      expect(res.status, `dossier ${i} ${code}`).toBe(200);
      const d = (await res.json()) as { timeline: { seq: number; action: string }[]; applicant: { name: string } };
      expect(d.timeline[0]).toMatchObject({ seq: 1, action: 'received' });
      expect(d.applicant.name).toBe(nameOf(i));
    }
    const verify = await verifyPeriod();
    const report = (await verify.json()) as { ok: boolean; dossiers: number; events: number };
    expect(report.ok).toBe(true);
    expect(report.dossiers).toBe(report.events); // one `received` event each, none without it
    expect(report.dossiers).toBeGreaterThanOrEqual(acknowledged.size);
    expect(report.dossiers).toBeLessThanOrEqual(acknowledged.size + inFlight.size);

    // A client retrying its unanswered requests with the same key gets one dossier each.
    const codes = new Set(acknowledged.values());
    for (const i of inFlight) {
      const res = await post(base, clerk, i);
      expect(res.status).toBe(201);
      codes.add(((await res.json()) as { code: string }).code);
    }
    const after = (await (await verifyPeriod()).json()) as { ok: boolean; dossiers: number };
    expect(after).toMatchObject({ ok: true, dossiers: codes.size });
    const figures = { sent: next, acknowledged: acknowledged.size, inFlight: inFlight.size, lost: 0, duplicated: after.dossiers - codes.size, secondsToRecover };
    process.stdout.write(`fault: SIGKILL of the server ${JSON.stringify(figures)}\n`); // lost: every acknowledged one was checked above
    const serials = [...codes].map((c) => Number(c.split('-')[2])).sort((a, b) => a - b);
    expect(serials).toEqual(serials.map((_, k) => k + 1)); // no gap after the crash either

    child.kill('SIGTERM');
    await exited(child);
  }, 300_000);
});
