// Notifications: once per user and key, a mail row for those with an address, newest first with
// keyset pages, and a user only ever reads and marks their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { Actor } from '../platform/actor';
import { FixedClock } from '../platform/clock';
import { listNotifications, markNotificationsRead, notifyUsers } from './service';

let t: TestDatabase;
const clock = new FixedClock(new Date('2026-03-02T02:00:00Z'));
const ids: number[] = [];
const actor = (userId: number): Actor => ({ userId, username: `u${userId}`, fullName: 'U', role: 'approver', scope: { kind: 'none' } });

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [name, email] of [['a', 'a@example.vn'], ['b', null]] as const) {
    const row = await t.db.insertInto('users').values({
      username: `notif-${name}`, full_name: name, role: 'approver', password_hash: 'x', email, phone: null, personal_id: null,
      scope_unit_id: null, scope_agency_id: null, scope_service_point_id: null, scope_code: null, scope_path: null,
    }).returning('id').executeTakeFirstOrThrow();
    ids.push(row.id);
  }
});
afterAll(async () => { await t?.close(); });

describe('notifications', () => {
  it('notifies each user once per key and queues a mail for those with an address', async () => {
    const [a = 0, b = 0] = ids;
    const n = { kind: 'dossier.atRisk', dossierCode: 'X-1', title: 'Sắp đến hạn', body: 'Còn 7 giờ', dedupeKey: 'k1', provinceCode: '82' };
    const recipients = [{ userId: a, email: 'a@example.vn' }, { userId: b, email: null }];
    expect(await notifyUsers(t.db, recipients, n, clock.now())).toBe(2);
    expect(await notifyUsers(t.db, recipients, n, clock.now())).toBe(0);
    const mails = await t.db.selectFrom('outbox').select(['kind', 'payload']).execute();
    expect(mails).toEqual([{ kind: 'mail.notification', payload: expect.objectContaining({ to: 'a@example.vn', subject: 'Sắp đến hạn', dossierCode: 'X-1' }) }]);
  });

  it('lists newest first in pages and marks only the user’s own as read', async () => {
    const [a = 0, b = 0] = ids;
    for (let i = 2; i <= 4; i++) {
      await notifyUsers(t.db, [{ userId: a, email: null }], { kind: 'k', dossierCode: null, title: `T${i}`, body: '', dedupeKey: `k${i}`, provinceCode: '00' }, clock.now());
    }
    const ctx = { db: t.db, clock, actor: actor(a) };
    const first = await listNotifications(ctx, { limit: 2 });
    expect(first.items.map((n) => n.title)).toEqual(['T4', 'T3']);
    expect(first.unread).toBe(4);
    const second = await listNotifications(ctx, { limit: 2, before: first.next ?? 0 });
    expect(second.items.map((n) => n.title)).toEqual(['T2', 'Sắp đến hạn']);
    expect(second.next).toBeNull();
    const theirs = (await listNotifications({ db: t.db, clock, actor: actor(b) })).items.map((n) => n.id);
    expect(await markNotificationsRead(ctx, theirs)).toEqual({ marked: 0 });
    expect(await markNotificationsRead(ctx, [first.items[0]?.id ?? 0])).toEqual({ marked: 1 });
    expect(await markNotificationsRead(ctx, 'all')).toEqual({ marked: 3 });
    expect((await listNotifications({ db: t.db, clock, actor: actor(b) })).unread).toBe(1);
    await expect(listNotifications({ db: t.db, clock, actor: null })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
