// A stream of counter intakes against a running `motcua serve`, as clerks send them: each with its
// own Idempotency-Key, outcomes recorded per key, so a fault test can tell what was acknowledged,
// what failed (to be retried with the same key) and whether anything was stored twice.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export async function login(base: string, username: string, password = 'motcua-demo'): Promise<{ status: number; token: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { token?: string };
  return { status: res.status, token: body.token ?? '' };
}

/** Names carry no digits: 0 → "A", 27 → "BB". */
const nameOf = (i: number) => `Trần Văn ${String.fromCharCode(65 + (i % 26)).repeat(1 + Math.floor(i / 26))}`;

const intakeBody = (i: number) => {
  const personalId = `0870${String(500000 + i).padStart(8, '0')}`;
  return {
    procedureCode: '1.004873',
    applicant: { personalId, name: nameOf(i), phone: `09${String(20000000 + i).slice(-8)}`, unitCode: '29926' },
    papers: [{ key: 'p6', source: 'scanned' }],
    formData: { fullName: nameOf(i), personalId, address: 'Ấp 2, xã Tân Hồng' },
  };
};

export interface IntakeOutcome {
  readonly status: number | 'network';
  readonly code?: string;
}

export async function postIntake(base: string, token: string, key: string, i: number): Promise<IntakeOutcome> {
  try {
    const res = await fetch(`${base}/api/v1/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify(intakeBody(i)),
    });
    const body = (await res.json().catch(() => ({}))) as { code?: string };
    return res.status === 201 ? { status: 201, ...(body.code ? { code: body.code } : {}) } : { status: res.status };
  } catch {
    return { status: 'network' };
  }
}

export interface IntakeStream {
  /** Keys answered 201, with their dossier codes. */
  readonly acknowledged: Map<string, string>;
  /** Keys not acknowledged (503, network error…): their outcome is unknown until retried. */
  readonly failed: Map<string, number>;
  /** Count per answer status. */
  readonly statuses: Map<string, number>;
  sent(): number;
  stop(): Promise<void>;
}

/** Starts `workers` clerks sending intakes one after another until stopped; keys are `${prefix}-${i}`. */
export function streamIntakes(base: string, token: string, prefix: string, workers = 3, firstIndex = 0): IntakeStream {
  const acknowledged = new Map<string, string>();
  const failed = new Map<string, number>();
  const statuses = new Map<string, number>();
  let next = firstIndex;
  let stopped = false;
  const worker = async () => {
    while (!stopped) {
      const i = next++;
      const key = `${prefix}-${String(i).padStart(6, '0')}`;
      const r = await postIntake(base, token, key, i);
      statuses.set(String(r.status), (statuses.get(String(r.status)) ?? 0) + 1);
      if (r.status === 201 && r.code) acknowledged.set(key, r.code);
      else {
        failed.set(key, i);
        await new Promise((resolve) => setTimeout(resolve, 100)); // a clerk waits a moment
      }
    }
  };
  const running = Array.from({ length: workers }, worker);
  return {
    acknowledged, failed, statuses,
    sent: () => next - firstIndex,
    async stop() { stopped = true; await Promise.all(running); },
  };
}

/** Runs the `motcua` command (asynchronously: the stream keeps going meanwhile). */
export function motcua(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/motcua.js', ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, timeout: 180_000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: String(out), err: String(err) });
    });
  });
}

/** A direct connection to a data folder's embedded PostgreSQL (its lock names the port). */
export async function folderClient(dataDir: string): Promise<pg.Client> {
  const lock = JSON.parse(await readFile(path.join(dataDir, 'motcua-db.json'), 'utf8')) as { port: number };
  const credentials = JSON.parse(await readFile(path.join(dataDir, 'pg-credentials.json'), 'utf8')) as { user: string; password: string };
  const client = new pg.Client({ host: '127.0.0.1', port: lock.port, user: credentials.user, password: credentials.password, database: 'motcua' });
  client.on('error', () => {});
  await client.connect();
  return client;
}

export async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

export const waitFor = async (what: () => Promise<boolean>, timeoutMs: number, stepMs = 200): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await what().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return false;
};
