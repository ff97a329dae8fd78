// Stateless instances (issue 16 §3): two `motcua serve` processes on one PostgreSQL, behind a
// round-robin balancer, serve the same users. Nothing that matters lives in one process: sessions,
// idempotency keys, code serials, queue calls heard by the other instance's display stream, and
// background jobs requested on one instance and finished by whichever runs them.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/db/embedded';
import { createTestDatabase, type TestDatabase } from './db';
import { login, postIntake } from './intake-stream';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';
import { exited, startServer, type ServerProcess } from './server-process';

const START_MS = 240_000;
const STEP_MS = 180_000;

let t: TestDatabase;
const instances: { process: ServerProcess; base: string; dataDir: string }[] = [];
let proxy: RoundRobinProxy;

beforeAll(async () => {
  t = await createTestDatabase();
  // the first instance migrates and seeds the empty database; the second finds it ready
  for (const name of ['a', 'b']) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `motcua-instance-${name}-`));
    const port = await freePort();
    const env = { DATABASE_URL: t.url, MOTCUA_ANCHOR_KEY_FILE: `${dataDir}-anchor.pem` };
    instances.push({ process: await startServer(dataDir, port, START_MS, env), base: `http://127.0.0.1:${port}`, dataDir });
  }
  proxy = await startRoundRobinProxy(instances.map((i) => i.base));
}, START_MS * 2);

afterAll(async () => {
  await proxy?.close();
  for (const { process: p, dataDir } of instances) {
    p.child.kill('SIGTERM');
    await exited(p.child);
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(`${dataDir}-anchor.pem`, { force: true });
  }
  await t?.close();
}, 60_000);

const [A, B] = [0, 1];
const baseOf = (i: number) => instances[i]?.base ?? '';

describe('two instances behind one balancer', () => {
  it('a session opened on one instance is honoured by the other', async () => {
    const { status, token } = await login(baseOf(A), 'clerk');
    expect(status).toBe(200);
    const me = await fetch(`${baseOf(B)}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { username: string }).username).toBe('clerk');
    // signing out on B ends the session on A too
    expect((await fetch(`${baseOf(B)}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBeLessThan(300);
    expect((await fetch(`${baseOf(A)}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  }, STEP_MS);

  it('intakes through both at once take consecutive serials: no gap, no duplicate', async () => {
    const { token } = await login(proxy.baseUrl, 'clerk');
    const before = [...proxy.served];
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => postIntake(proxy.baseUrl, token, `two-instances-${i}`, i)));
    expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 201));
    // both instances took their share
    expect(proxy.served.map((n, i) => n - (before[i] ?? 0)).every((n) => n >= 15)).toBe(true);
    const codes = outcomes.map((o) => o.code ?? '');
    expect(new Set(codes).size).toBe(40);
    const prefixes = new Set(codes.map((c) => c.replace(/-\d+$/, '')));
    expect(prefixes.size).toBe(1);
    const serials = codes.map((c) => Number(/-(\d+)$/.exec(c)?.[1])).sort((x, y) => x - y);
    const first = serials[0] ?? 0;
    expect(serials).toEqual(serials.map((_, i) => first + i));
  }, STEP_MS);

  it('one Idempotency-Key sent to both instances at once makes one dossier', async () => {
    const { token } = await login(proxy.baseUrl, 'clerk');
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => postIntake(baseOf(i % 2), token, 'two-instances-same-key', 100)));
    const codes = new Set(outcomes.filter((o) => o.status === 201).map((o) => o.code));
    expect(codes.size).toBe(1);
    // a request that met the first one still running may be told to retry (409); none made a second dossier
    expect(outcomes.every((o) => o.status === 201 || o.status === 409)).toBe(true);
    const stored = await t.db.selectFrom('dossiers').select('code').where('personal_id', '=', '087000500100').execute();
    expect(stored.map((d) => d.code)).toEqual([...codes]);
  }, STEP_MS);

  it('a counter\'s call made on one instance reaches the display stream open on the other', async () => {
    const point = await t.db.selectFrom('service_points').select(['id', 'code']).where('code', '=', 'BDVHX-29926').executeTakeFirstOrThrow();
    const counter = await t.db.selectFrom('counters').select('code').where('service_point_id', '=', point.id).orderBy('code').executeTakeFirstOrThrow();
    const { token } = await login(baseOf(A), 'clerk');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const kiosk = await fetch(`${baseOf(A)}/api/v1/counter-queue/kiosks`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(kiosk.status).toBe(201);
    const kioskToken = ((await kiosk.json()) as { token: string }).token;
    const ticket = await fetch(`${baseOf(B)}/api/v1/counter-queue/kiosk/tickets`, {
      method: 'POST', headers: { 'x-kiosk-token': kioskToken, 'content-type': 'application/json' }, body: JSON.stringify({ priority: false }),
    });
    expect(ticket.status).toBe(201);
    const { label } = (await ticket.json()) as { label: string };

    const stream = await fetch(`${baseOf(B)}/api/v1/counter-queue/display/${point.code}/events`);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    if (!stream.body) throw new Error('no stream');
    const reading = boardsUntil(stream.body, (calls) => calls.includes(label));
    await new Promise((r) => setTimeout(r, 500)); // the stream is open on B
    const call = await fetch(`${baseOf(A)}/api/v1/counter-queue/calls`, { method: 'POST', headers: auth, body: JSON.stringify({ counterCode: counter.code }) });
    expect(call.status).toBe(201);
    expect(await reading).toContain(label);
  }, STEP_MS);

  it('an export requested on one instance is run by the jobs and read on the other', async () => {
    const { token } = await login(baseOf(A), 'supervisor');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const requested = await fetch(`${baseOf(A)}/api/v1/reports/exports`, {
      method: 'POST', headers, body: JSON.stringify({ kind: 'breakdown-xlsx', from: '2026-01-01', to: '2026-12-31' }),
    });
    expect(requested.status).toBe(202);
    const { id } = (await requested.json()) as { id: string };
    const deadline = Date.now() + 120_000;
    let status = '';
    while (Date.now() < deadline && status !== 'done' && status !== 'failed') {
      const res = await fetch(`${baseOf(B)}/api/v1/reports/exports/${id}`, { headers: { authorization: `Bearer ${token}` } });
      status = ((await res.json()) as { status: string }).status;
      if (status !== 'done') await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe('done');
  }, STEP_MS);
});

/** The ticket labels called on the display's board, read from its server-sent events until `enough` (or 60 s). */
async function boardsUntil(body: ReadableStream<Uint8Array>, enough: (calls: string[]) => boolean): Promise<string[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let calls: string[] = [];
  const deadline = Date.now() + 60_000;
  while (!enough(calls) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
      const data = /^event: board\ndata: (.*)$/m.exec(text.slice(0, end));
      text = text.slice(end + 2);
      if (data?.[1]) calls = (JSON.parse(data[1]) as { calls: { label: string }[] }).calls.map((c) => c.label);
    }
  }
  await reader.cancel();
  return calls;
}
