// The SMTP server and the SMS gateway fail for a while (issue 10 §3): real intakes write their
// SMS rows, staff notifications their mail rows; the real SMTP server sits behind a loopback
// switch that drops every connection during the window, and the HTTP SMS gateway answers 503
// during it. The consumer runs as the job would (every half second here, back-off shortened).
// Afterwards every row is delivered — none dead, none left pending — and each message reached
// its server exactly once per idempotency key. The window is MOTCUA_FAULT_WINDOW_SECONDS
// (default 3 s; a minute reproduces the scenario).
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveDossier } from '../src/dossiers/service';
import { buildWorld, type World } from '../src/dossiers/world.test-helper';
import { deliverOutbox } from '../src/notifications/delivery';
import { createSmtpSender } from '../src/notifications/mail';
import { createSmsGateway } from '../src/notifications/sms-gateway';
import { startTestSmtpServer, type TestSmtpServer } from '../src/notifications/smtp.test-helper';
import { systemClock } from '../src/platform/clock';
import { createTestDatabase, type TestDatabase } from './db';

const WINDOW_MS = Number(process.env.MOTCUA_FAULT_WINDOW_SECONDS ?? 3) * 1000;
const TOKEN = 'gateway-token-0123';

/** A loopback TCP proxy that, while `down`, drops every connection at once (a server gone away). */
async function startSwitch(target: number): Promise<{ port: number; down: boolean; refused: number; close(): Promise<void> }> {
  const state = { port: 0, down: false, refused: 0, close: async () => {} };
  const server = net.createServer((socket) => {
    if (state.down) { state.refused += 1; socket.destroy(); return; }
    const upstream = net.connect(target, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    const end = () => { socket.destroy(); upstream.destroy(); };
    socket.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => { server.close(() => resolve()); });
  return state;
}

/** The SMS gateway's contract (src/notifications/README.md), answering 503 while `down`. */
async function startGateway(): Promise<{ url: string; down: boolean; refused: number; accepted: Map<string, number>; close(): Promise<void> }> {
  const state = { url: '', down: false, refused: 0, accepted: new Map<string, number>(), close: async () => {} };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += String(c); });
    req.on('end', () => {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) { res.writeHead(401).end(); return; }
      if (state.down) { state.refused += 1; res.writeHead(503, { 'retry-after': '1' }).end('{"error":"maintenance"}'); return; }
      const key = String(req.headers['idempotency-key'] ?? JSON.parse(body).idempotencyKey);
      state.accepted.set(key, (state.accepted.get(key) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${state.accepted.size}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/send`;
  state.close = () => new Promise<void>((resolve) => { server.close(() => resolve()); });
  return state;
}

describe('outgoing mail and SMS through an outage', () => {
  let t: TestDatabase;
  let w: World;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    t = await createTestDatabase();
    w = await buildWorld(t.db);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it('delivers every SMS and mail once the servers are back: none lost, none dead, one copy each', async () => {
    for (let i = 0; i < 12; i++) {
      await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: `08709${String(1000000 + i).slice(-7)}`, phone: `09${String(30000000 + i).slice(-8)}` }));
    }
    await t.db.insertInto('outbox').values(Array.from({ length: 8 }, (_, i) => ({
      kind: 'mail.notification', province_code: '00', payload: JSON.stringify({ to: `canbo${i}@example.vn`, subject: `Hồ sơ sắp đến hạn ${i}`, body: 'Còn 4 giờ làm việc', dossierCode: null }),
    }))).execute();
    const rows = await t.db.selectFrom('outbox').select(['id', 'kind']).execute();
    const smsRows = rows.filter((r) => r.kind === 'dossier.received').length;
    expect(smsRows).toBe(12);

    const smtpSwitch = await startSwitch(Number(new URL(smtp.url).port));
    const gateway = await startGateway();
    const smtpUrl = new URL(smtp.url);
    smtpUrl.port = String(smtpSwitch.port);
    const senders = {
      mail: createSmtpSender({ url: smtpUrl.toString(), from: 'Một cửa Đồng Tháp <motcua@dongthap.gov.vn>', timeoutMs: 3000 }),
      sms: createSmsGateway({ url: gateway.url, token: TOKEN, timeoutMs: 3000 }),
    };
    const run = () => deliverOutbox({
      db: t.db, clock: systemClock, publicUrl: 'https://motcua.example.vn', ...senders,
      settings: { backoffBaseSeconds: 1, backoffMaxSeconds: 2, maxAttempts: 50, leaseSeconds: 60 },
    });

    smtpSwitch.down = true;
    gateway.down = true;
    const started = Date.now();
    let retried = 0;
    while (Date.now() - started < WINDOW_MS) {
      const r = await run();
      retried += r.retried;
      expect(r.dead).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    smtpSwitch.down = false;
    gateway.down = false;
    const backAt = Date.now();
    let pending = rows.length;
    while (pending > 0 && Date.now() - backAt < 30_000) {
      await run();
      pending = Number((await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('processed_at', 'is', null).executeTakeFirstOrThrow()).n);
      if (pending > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const drainSeconds = (Date.now() - backAt) / 1000;
    await smtpSwitch.close();
    await gateway.close();

    const states = await t.db.selectFrom('outbox').select(['id', 'delivered_at', 'dead_at', 'attempts']).execute();
    const copies = [...gateway.accepted.values()];
    const figures = {
      windowSeconds: WINDOW_MS / 1000, messages: rows.length, refusedBySmtp: smtpSwitch.refused, refusedByGateway: gateway.refused, retried,
      delivered: states.filter((s) => s.delivered_at).length, dead: states.filter((s) => s.dead_at).length, pending,
      smsReceived: gateway.accepted.size, smsDuplicated: copies.filter((n) => n > 1).length, mailReceived: smtp.received.length, drainSeconds,
    };
    process.stdout.write(`fault: SMTP and SMS outage ${JSON.stringify(figures)}\n`);

    expect(smtpSwitch.refused + gateway.refused).toBeGreaterThan(0); // the outage was felt
    expect(retried).toBeGreaterThan(0);
    expect(pending).toBe(0);
    expect(figures.dead).toBe(0);
    expect(figures.delivered).toBe(rows.length);
    expect(gateway.accepted.size).toBe(smsRows);
    expect(figures.smsDuplicated).toBe(0);
    expect(smtp.received).toHaveLength(rows.length - smsRows);
    expect(new Set(smtp.received.map((m) => m.headers.get('message-id'))).size).toBe(rows.length - smsRows);
  }, 120_000);
});
