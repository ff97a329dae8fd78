// The queue over HTTP: the kiosk with its token header, the counter's call, and the display's
// server-sent events fed by LISTEN/NOTIFY — a call made through the API reaches an open stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { buildWorld, type World } from '../dossiers/world.test-helper';
import { listenTo, type ChangeFeed } from '../platform/db/listen';
import { createHttpServer, type HttpApp } from '../platform/http/server';
import { QUEUE_CHANNEL } from './queue-kiosk';
import { registerQueueRoutes } from './queue-routes';
import { registerPortalRoutes } from './portal-routes';

let t: TestDatabase;
let w: World;
let app: HttpApp;
let feed: ChangeFeed;
let base = '';

beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db, '2026-12-07T08:00:00+07:00');
  const a = w.actors.clerk;
  await t.db.insertInto('users').values({
    id: a.userId, username: a.username, full_name: a.fullName, role: a.role, scope_unit_id: null, scope_agency_id: null,
    scope_service_point_id: null, scope_code: null, scope_path: null, personal_id: null, email: null, phone: null, password_hash: 'x',
  }).execute();
  await t.db.insertInto('counters').values({ service_point_id: w.servicePoint.id, code: 'Q1', name: 'Quầy 1' }).execute();
  feed = listenTo(t.pool, QUEUE_CHANNEL, 100);
  app = await createHttpServer({
    logger: false, version: 'test',
    resolveActor: async (request) => {
      const who = request.headers['x-test-actor'];
      return typeof who === 'string' && who in w.actors ? w.actors[who as keyof World['actors']] : null;
    },
  });
  registerQueueRoutes(app, {
    db: t.db, clock: w.clock, policy: { priority: 'first', bookedEarlyMinutes: 10 }, lookupBooking: async () => null,
    kioskTicketsPerMinute: 20, publicRateLimit: 1000, changes: feed,
  });
  registerPortalRoutes(app, { db: t.db, clock: w.clock, rateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await app?.close();
  await feed?.close();
  await t?.close();
});

/** Reads server-sent events until `until` says stop (or 10 s pass). */
async function readEvents(body: ReadableStream<Uint8Array>, until: (boards: { calls: { label: string; counterName: string }[] }[]) => boolean) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const boards: { calls: { label: string; counterName: string }[] }[] = [];
  let text = '';
  const deadline = Date.now() + 10_000;
  while (!until(boards) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const data = /^event: board\ndata: (.*)$/m.exec(block);
      if (data?.[1]) boards.push(JSON.parse(data[1]));
    }
  }
  await reader.cancel();
  return boards;
}

describe('queue routes', () => {
  it('a kiosk without its token is refused 403 with a Vietnamese message; with it, a ticket is issued', async () => {
    const refused = await app.inject({ method: 'POST', url: '/api/v1/counter-queue/kiosk/tickets', payload: {} });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('Máy lấy số chưa được mở');
    const opened = await app.inject({ method: 'POST', url: '/api/v1/counter-queue/kiosks', headers: { 'x-test-actor': 'clerk' } });
    expect(opened.statusCode).toBe(201);
    const token = opened.json().token as string;
    const ticket = await app.inject({ method: 'POST', url: '/api/v1/counter-queue/kiosk/tickets', headers: { 'x-kiosk-token': token }, payload: { priority: false } });
    expect(ticket.statusCode).toBe(201);
    expect(ticket.json()).toMatchObject({ label: '001', kind: 'walk_in', waitingAhead: 0 });
    const bad = await app.inject({ method: 'POST', url: '/api/v1/counter-queue/kiosk/tickets', headers: { 'x-kiosk-token': token }, payload: { priority: 'yes' } });
    expect(bad.statusCode).toBe(400);
  });

  it('the display stream sends the board at once, then again when a counter calls', async () => {
    const unknown = await fetch(`${base}/api/v1/counter-queue/display/NOPE/events`);
    expect(unknown.status).toBe(404);
    const res = await fetch(`${base}/api/v1/counter-queue/display/${w.servicePoint.code}/events`);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    if (!res.body) throw new Error('no body');
    const reading = readEvents(res.body, (boards) => boards.some((b) => b.calls.length > 0));
    await new Promise((r) => setTimeout(r, 300)); // the stream is open
    const call = await app.inject({ method: 'POST', url: '/api/v1/counter-queue/calls', headers: { 'x-test-actor': 'clerk' }, payload: { counterCode: 'Q1' } });
    expect(call.statusCode).toBe(201);
    const boards = await reading;
    expect(boards[0]?.calls).toEqual([]);
    expect(boards.at(-1)?.calls.map((c) => [c.label, c.counterName])).toEqual([['001', 'Quầy 1']]);
  });

  it('the portal finds service points by name without diacritics, and refuses a one-letter search', async () => {
    const found = await app.inject({ method: 'GET', url: `/api/v1/portal/service-points?q=${encodeURIComponent(`buu dien ${w.servicePoint.code.toLowerCase()}`)}` });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((i: { code: string }) => i.code)).toContain(w.servicePoint.code);
    expect((await app.inject({ method: 'GET', url: '/api/v1/portal/service-points?q=b' })).statusCode).toBe(400);
  });
});
