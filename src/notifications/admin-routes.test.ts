// The outbox's administration over HTTP: system administrators only (checked by the service),
// rows by state, and a dead row sent again; bad input is a 4xx with a code, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import type { HttpApp } from '../platform/http/server';
import { createTestApp } from '../../test/http';
import { listOutbox } from './admin';
import { registerOutboxAdminRoutes } from './admin-routes';
import { deliverOutbox } from './delivery';
import { createMailSimulator, type MailSimulator } from './mail-simulator';
import { createSmsSimulator } from './sms-simulator';

let t: TestDatabase;
let app: HttpApp;
let mail: MailSimulator;
const clock = new FixedClock(new Date('2026-03-02T02:00:00Z'));
const actors: Record<string, Actor> = {
  system: { userId: 1, username: 'quantri', fullName: 'Quản trị', role: 'admin', scope: { kind: 'unit', unitId: 0, unitPath: '/' } },
  province: { userId: 2, username: 'quantri-dt', fullName: 'Quản trị tỉnh', role: 'admin', scope: { kind: 'unit', unitId: 87, unitPath: '/87/' } },
  clerk: { userId: 3, username: 'tiepnhan', fullName: 'Tiếp nhận', role: 'clerk', scope: { kind: 'servicePoint', servicePointId: 1, unitPath: '/87/' } },
};
const ids: Record<'delivered' | 'dead' | 'pending', number> = { delivered: 0, dead: 0, pending: 0 };

const run = () => deliverOutbox({
  db: t.db, clock, publicUrl: 'https://motcua.example.vn', mail, sms: createSmsSimulator({ db: t.db, clock }), settings: { maxAttempts: 1 },
});

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp((who) => actors[who], (a) => registerOutboxAdminRoutes(a, { db: t.db, clock }));
  mail = createMailSimulator({ db: t.db, clock });
  const row = (to: string) => ({ kind: 'mail.notification', province_code: '00', payload: JSON.stringify({ to, subject: 'Sắp đến hạn', body: 'Còn 7 giờ', dossierCode: 'X-1' }) });
  [ids.delivered, ids.dead] = (await t.db.insertInto('outbox').values([row('a@example.vn'), row('b@example.vn')]).returning('id').execute()).map((r) => r.id) as [number, number];
  // the first is delivered, the second fails and, with one attempt allowed, is dead
  const send = mail.send.bind(mail);
  mail = { ...mail, send: async (m) => (m.to === 'b@example.vn' ? Promise.reject(new Error('Mất kết nối máy chủ thư')) : send(m)) };
  expect(await run()).toMatchObject({ delivered: 1, dead: 1 });
  ids.pending = (await t.db.insertInto('outbox').values(row('c@example.vn')).returning('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const get = (url: string, who: string | null = 'system') => app.inject({ method: 'GET', url, headers: who ? { 'x-test-actor': who } : {} });
const retry = (id: number | string, who: string | null = 'system') => app.inject({ method: 'POST', url: `/api/v1/admin/outbox/${id}/retry`, headers: who ? { 'x-test-actor': who } : {} });

describe('outbox administration', () => {
  it('answers 401 without a user and 403 to anyone but a system administrator, on both routes', async () => {
    expect((await get('/api/v1/admin/outbox', null)).statusCode).toBe(401);
    for (const who of ['province', 'clerk']) {
      const list = await get('/api/v1/admin/outbox?state=dead', who);
      expect(list.statusCode).toBe(403);
      expect(list.json().error).toEqual({ code: 'SYSTEM_ADMIN_ONLY', message: 'Chỉ quản trị viên toàn hệ thống được xem và gửi lại hàng đợi thông báo.' });
      expect((await retry(ids.dead, who)).statusCode).toBe(403);
    }
    // the service checks too, whatever calls it
    await expect(listOutbox({ db: t.db, clock, actor: actors.province ?? null }, { state: 'dead' })).rejects.toMatchObject({ code: 'SYSTEM_ADMIN_ONLY' });
  });

  it('lists the rows of each state, newest first, without their personal data', async () => {
    const dead = (await get('/api/v1/admin/outbox?state=dead')).json();
    expect(dead).toEqual({
      items: [expect.objectContaining({ id: ids.dead, kind: 'mail.notification', state: 'dead', dossierCode: 'X-1', channel: 'mail', attempts: 1, lastError: 'Lỗi khi gửi: Mất kết nối máy chủ thư', deadAt: clock.now().toISOString() })],
      next: null,
    });
    expect(JSON.stringify(dead)).not.toContain('b@example.vn');
    expect((await get('/api/v1/admin/outbox?state=delivered')).json().items.map((i: { id: number }) => i.id)).toEqual([ids.delivered]);
    expect((await get('/api/v1/admin/outbox')).json().items.map((i: { id: number; state: string }) => [i.id, i.state])).toEqual([[ids.pending, 'pending']]);
    const page = (await get('/api/v1/admin/outbox?state=delivered&limit=1&before=999999')).json();
    expect(page.items).toHaveLength(1);
  });

  it('answers 400 with the error shape for a bad state, id or page, never 500', async () => {
    for (const url of ['/api/v1/admin/outbox?state=lost', '/api/v1/admin/outbox?limit=0', '/api/v1/admin/outbox?before=abc', '/api/v1/admin/outbox?bogus=1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999']) expect((await retry(id)).statusCode, id).toBe(400);
  });

  it('answers 404 for an unknown row and 409 for a row that is not dead', async () => {
    const unknown = await retry(987654);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toEqual({ code: 'OUTBOX_NOT_FOUND', message: 'Không tìm thấy tin số 987654 trong hàng đợi thông báo.' });
    const delivered = await retry(ids.delivered);
    expect(delivered.statusCode).toBe(409);
    expect(delivered.json().error.code).toBe('OUTBOX_NOT_DEAD');
  });

  it('puts a dead row back in the queue, records who did it, and the next run delivers it', async () => {
    const res = await retry(ids.dead);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ids.dead, state: 'pending', attempts: 0, deadAt: null, nextAttemptAt: null, lastError: 'Lỗi khi gửi: Mất kết nối máy chủ thư' });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'outbox.retry').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_name: 'quantri', entity: 'outbox', entity_key: String(ids.dead) });
    expect((await retry(ids.dead)).statusCode).toBe(409); // once

    mail = createMailSimulator({ db: t.db, clock }); // the mail server is back
    expect(await run()).toMatchObject({ delivered: 2 }); // the retried row and the pending one
    const row = (await get('/api/v1/admin/outbox?state=delivered')).json().items.find((i: { id: number }) => i.id === ids.dead);
    expect(row).toMatchObject({ state: 'delivered', attempts: 1, lastError: null });
  });
});
