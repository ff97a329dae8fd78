// Supervision over a seeded province with a FixedClock: the escalation job (once per dossier and
// kind, the right recipients), the at-risk / overdue lists and their scope, per-officer workload,
// period audit verification, and the HTTP routes with notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { Actor } from '../platform/actor';
import { createHttpServer, type HttpApp } from '../platform/http/server';
import { registerNotificationRoutes } from '../notifications/routes';
import { listNotifications } from '../notifications/service';
import { officerWorkload, supervisedDossiers, verifyAuditPeriod } from './service';
import { runEscalation } from './escalation';
import { registerSupervisionRoutes } from './routes';
import { buildSupervisedWorld, type SupervisedWorld } from './world.test-helper';

let t: TestDatabase;
let w: SupervisedWorld;
let d1 = '';
let d2 = '';
let resolved = '';
let app: HttpApp;
const who: Record<string, Actor> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildSupervisedWorld(t.db);
  // Monday 2 March 2026 09:00: 5 working days → due Monday 9 March 09:00
  d1 = await w.receiveAt('2026-03-02T09:00:00+07:00', 1);
  d2 = await w.receiveAt('2026-03-02T09:05:00+07:00', 2);
  resolved = await w.receiveAt('2026-03-02T09:10:00+07:00', 1);
  for (const code of [d1, d2, resolved]) await w.act(w.actors.clerk, code, 'forward', '2026-03-02T10:00:00+07:00');
  await w.act(w.users.officer1, d1, 'assign', '2026-03-02T10:30:00+07:00', { officerId: w.users.officer1.userId });
  await w.act(w.users.officer1, resolved, 'assign', '2026-03-02T10:30:00+07:00', { officerId: w.users.officer1.userId });
  await w.act(w.users.approver1, resolved, 'approve', '2026-03-03T09:00:00+07:00');
  await w.act(w.users.officer1, resolved, 'markResultReady', '2026-03-03T10:00:00+07:00');
  Object.assign(who, w.users, { clerk: w.actors.clerk });
  app = await createHttpServer({ logger: false, version: 'test', resolveActor: async (r) => who[String(r.headers['x-test-actor'])] ?? null });
  registerSupervisionRoutes(app, { db: t.db, clock: w.clock });
  registerNotificationRoutes(app, { db: t.db, clock: w.clock });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const at = (iso: string) => w.clock.set(new Date(iso));
const ctx = (actor: Actor) => ({ db: t.db, clock: w.clock, actor });
const notificationsOf = async (actor: Actor) => (await listNotifications(ctx(actor))).items;

describe('escalation job', () => {
  it('does nothing while every open dossier has more than 8 working hours left', async () => {
    at('2026-03-05T09:00:00+07:00'); // Thursday: 2 working days left
    expect(await runEscalation({ db: t.db, clock: w.clock })).toEqual({ atRisk: 0, overdue: 0, notifications: 0 });
  });

  it('tells the competent agency’s approvers once when less than 8 working hours are left', async () => {
    at('2026-03-06T10:00:00+07:00'); // Friday 10:00: 5 h on Friday + 2 h on Monday = 7 working hours
    expect(await runEscalation({ db: t.db, clock: w.clock })).toEqual({ atRisk: 2, overdue: 0, notifications: 2 });
    const n1 = await notificationsOf(w.users.approver1);
    expect(n1.map((n) => [n.kind, n.dossierCode])).toEqual([['dossier.atRisk', d1]]);
    expect(n1[0]?.title).toBe(`Hồ sơ ${d1} sắp đến hạn`);
    expect((await notificationsOf(w.users.approver2)).map((n) => n.dossierCode)).toEqual([d2]);
    expect(await notificationsOf(w.users.provinceSupervisor)).toEqual([]);
    // a mail for the approver with an address, through the outbox
    const mails = await t.db.selectFrom('outbox').select('payload').where('kind', '=', 'mail.notification').execute();
    expect(mails.map((m) => m.payload.to)).toEqual(['bao@example.vn']);
    // a second run, later the same day, notifies nobody again
    at('2026-03-06T15:00:00+07:00');
    expect(await runEscalation({ db: t.db, clock: w.clock })).toEqual({ atRisk: 0, overdue: 0, notifications: 0 });
  });

  it('honours a configured threshold (once per threshold)', async () => {
    at('2026-03-06T10:00:00+07:00');
    const r = await runEscalation({ db: t.db, clock: w.clock }, { everyMinutes: 15, atRiskWorkingMinutes: 16 * 60, overdueLookbackDays: 30, batchSize: 1 });
    expect(r).toEqual({ atRisk: 2, overdue: 0, notifications: 2 });
    expect(await runEscalation({ db: t.db, clock: w.clock }, { everyMinutes: 15, atRiskWorkingMinutes: 16 * 60, overdueLookbackDays: 30, batchSize: 1 }))
      .toEqual({ atRisk: 0, overdue: 0, notifications: 0 });
  });

  it('tells the supervisors whose unit covers a dossier once it is late, and nobody else', async () => {
    at('2026-03-09T09:15:00+07:00');
    expect(await runEscalation({ db: t.db, clock: w.clock })).toEqual({ atRisk: 0, overdue: 2, notifications: 4 });
    expect((await notificationsOf(w.users.provinceSupervisor)).map((n) => n.dossierCode).sort()).toEqual([d1, d2].sort());
    expect((await notificationsOf(w.users.commune1Supervisor)).map((n) => [n.kind, n.dossierCode])).toEqual([['dossier.overdue', d1]]);
    expect((await notificationsOf(w.users.commune2Supervisor)).map((n) => n.dossierCode)).toEqual([d2]);
    expect(await notificationsOf(w.users.otherSupervisor)).toEqual([]);
    // the resolved dossier is never escalated
    const escalated = await t.db.selectFrom('dossier_escalations as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id').select('d.code').execute();
    expect(escalated.map((e) => e.code)).not.toContain(resolved);
    expect(await runEscalation({ db: t.db, clock: w.clock })).toEqual({ atRisk: 0, overdue: 0, notifications: 0 });
  });

  it('runs concurrently without notifying twice', async () => {
    const code = await w.receiveAt('2026-03-02T09:20:00+07:00', 1);
    await w.act(w.actors.clerk, code, 'forward', '2026-03-02T10:00:00+07:00');
    at('2026-03-10T09:00:00+07:00');
    const runs = await Promise.all([1, 2, 3].map(() => runEscalation({ db: t.db, clock: w.clock })));
    expect(runs.reduce((s, r) => s + r.notifications, 0)).toBe(2); // province + commune 1 supervisors
    const rows = await t.db.selectFrom('notifications').select('user_id').where('dossier_code', '=', code).execute();
    expect(rows).toHaveLength(2);
  });
});

describe('at-risk and overdue lists', () => {
  it('lists the at-risk dossiers within the scope, least working time left first', async () => {
    at('2026-03-06T10:00:00+07:00');
    const all = await supervisedDossiers(ctx(w.users.provinceSupervisor), 'atRisk', {});
    expect(all.items.map((d) => d.code)).toEqual([d1, d2].concat(all.items.slice(2).map((d) => d.code)));
    expect(all.items[0]?.remainingWorkingMinutes).toBe(7 * 60);
    expect(all.items[1]?.remainingWorkingMinutes).toBe(7 * 60 + 5); // received 5 minutes later, due 5 minutes later
    expect(all.items.every((d) => d.code !== resolved)).toBe(true);
    // a commune supervisor never sees another commune's dossiers; an approver sees their agency's
    expect((await supervisedDossiers(ctx(w.users.commune2Supervisor), 'atRisk', {})).items.map((d) => d.code)).toEqual([d2]);
    const commune1 = (await supervisedDossiers(ctx(w.users.commune1Supervisor), 'atRisk', {})).items.map((d) => d.code);
    expect(commune1).toContain(d1);
    expect(commune1).not.toContain(d2);
    expect((await supervisedDossiers(ctx(w.users.approver2), 'atRisk', {})).items.map((d) => d.code)).toEqual([d2]);
    expect((await supervisedDossiers(ctx(w.users.otherSupervisor), 'atRisk', {})).total).toBe(0);
    await expect(supervisedDossiers(ctx(w.actors.clerk), 'atRisk', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lists the overdue ones with negative working time, page by page', async () => {
    at('2026-03-10T09:00:00+07:00');
    const first = await supervisedDossiers(ctx(w.users.provinceSupervisor), 'overdue', { limit: 1 });
    expect(first.total).toBe(3);
    expect(first.items.map((d) => d.code)).toEqual([d1]);
    expect(first.items[0]?.remainingWorkingMinutes).toBe(-8 * 60);
    const codes = [...first.items.map((d) => d.code)];
    let after = first.next;
    while (after) {
      const page = await supervisedDossiers(ctx(w.users.provinceSupervisor), 'overdue', { limit: 1, after });
      codes.push(...page.items.map((d) => d.code));
      after = page.next;
    }
    expect(codes.slice(0, 2)).toEqual([d1, d2]);
    expect(new Set(codes).size).toBe(3);
    expect((await supervisedDossiers(ctx(w.users.commune2Supervisor), 'overdue', {})).items.map((d) => d.code)).toEqual([d2]);
  });
});

describe('per-officer workload', () => {
  it('counts assignments, resolutions on time or late and open dossiers from the events', async () => {
    at('2026-03-10T09:00:00+07:00');
    const r = await officerWorkload(ctx(w.users.provinceSupervisor), { from: '2026-03-01', to: '2026-03-31' });
    expect(r.rows).toEqual([expect.objectContaining({
      userId: w.users.officer1.userId, name: 'Nguyễn Minh Khoa', role: 'officer', assigned: 2, resolved: 1, onTime: 1, late: 0, openNow: 1, openOverdue: 1,
    })]);
    expect((await officerWorkload(ctx(w.users.commune2Supervisor), { from: '2026-03-01', to: '2026-03-31' })).rows).toEqual([]);
    expect((await officerWorkload(ctx(w.users.provinceSupervisor), { from: '2026-04-01', to: '2026-04-30' })).rows)
      .toEqual([expect.objectContaining({ assigned: 0, resolved: 0, openNow: 1 })]);
  });
});

describe('audit verification of a period', () => {
  it('verifies the chains of the period within the scope and finds the first broken link', async () => {
    const ok = await verifyAuditPeriod(ctx(w.users.provinceSupervisor), { from: '2026-03-01', to: '2026-03-31' });
    expect(ok).toMatchObject({ ok: true, dossiers: 4, brokenDossiers: 0, firstBroken: null });
    expect(ok.events).toBeGreaterThan(8);
    await t.db.updateTable('dossiers').set({ last_hash: 'f'.repeat(64) }).where('code', '=', d2).execute();
    const province = await verifyAuditPeriod(ctx(w.users.provinceSupervisor), { from: '2026-03-01', to: '2026-03-31' });
    expect(province).toMatchObject({ ok: false, brokenDossiers: 1, firstBroken: { dossierCode: d2, reason: 'head' } });
    // the commune 1 supervisor's scope does not include the broken dossier
    expect(await verifyAuditPeriod(ctx(w.users.commune1Supervisor), { from: '2026-03-01', to: '2026-03-31' })).toMatchObject({ ok: true, dossiers: 3 });
    expect(await verifyAuditPeriod(ctx(w.users.provinceSupervisor), { from: '2026-04-01', to: '2026-04-30' })).toMatchObject({ ok: true, dossiers: 0 });
    await expect(verifyAuditPeriod(ctx(w.users.approver1), { from: '2026-03-01', to: '2026-03-31' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('HTTP', () => {
  const get = (url: string, actor: string | null) => app.inject({ method: 'GET', url, headers: actor ? { 'x-test-actor': actor } : {} });
  const post = (url: string, actor: string | null, body: unknown) => app.inject({ method: 'POST', url, payload: body as object, headers: actor ? { 'x-test-actor': actor } : {} });

  it('serves the lists, the workload and the audit check to supervisors only', async () => {
    at('2026-03-10T09:00:00+07:00');
    expect((await get('/api/v1/supervision/overdue', null)).statusCode).toBe(401);
    expect((await get('/api/v1/supervision/overdue', 'clerk')).statusCode).toBe(403);
    const overdue = (await get('/api/v1/supervision/overdue?limit=2', 'commune1Supervisor')).json();
    expect(overdue.items.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining([d1]));
    expect(overdue.items.map((d: { code: string }) => d.code)).not.toContain(d2);
    expect((await get('/api/v1/supervision/at-risk', 'provinceSupervisor')).statusCode).toBe(200);
    expect((await get('/api/v1/supervision/officers?from=2026-03-01&to=2026-03-31', 'provinceSupervisor')).json().rows).toHaveLength(1);
    expect((await get('/api/v1/supervision/officers?from=2026-03-31&to=2026-03-01', 'provinceSupervisor')).statusCode).toBe(400);
    const audit = await post('/api/v1/supervision/audit-verify', 'commune2Supervisor', { from: '2026-03-01', to: '2026-03-31' });
    expect(audit.statusCode).toBe(200);
    expect(audit.json()).toMatchObject({ ok: false, dossiers: 1, firstBroken: { dossierCode: d2 } });
    expect((await post('/api/v1/supervision/audit-verify', 'approver1', { from: '2026-03-01', to: '2026-03-31' })).statusCode).toBe(403);
  });

  it('lists a user’s own notifications and marks them read', async () => {
    expect((await get('/api/v1/notifications', null)).statusCode).toBe(401);
    const list = (await get('/api/v1/notifications', 'commune1Supervisor')).json();
    expect(list.unread).toBe(list.items.length);
    expect(list.items.length).toBeGreaterThan(0);
    const first = list.items[0].id as number;
    // someone else's id is ignored
    expect((await post('/api/v1/notifications/read', 'commune2Supervisor', { ids: [first] })).json()).toEqual({ marked: 0 });
    expect((await post('/api/v1/notifications/read', 'commune1Supervisor', { ids: [first] })).json()).toEqual({ marked: 1 });
    expect((await get('/api/v1/notifications?unread=true', 'commune1Supervisor')).json().items.map((n: { id: number }) => n.id)).not.toContain(first);
    await post('/api/v1/notifications/read', 'commune1Supervisor', {});
    expect((await get('/api/v1/notifications', 'commune1Supervisor')).json().unread).toBe(0);
  });
});

describe('per-officer workload from the assignment and action history', () => {
  it('credits the officer who worked a dossier, not the approver who signed or refused it, when nobody assigned it', async () => {
    const code = await w.receiveAt('2026-05-04T09:00:00+07:00', 1);
    await w.act(w.actors.clerk, code, 'forward', '2026-05-04T10:00:00+07:00');
    await w.act(w.users.officer1, code, 'consult', '2026-05-04T11:00:00+07:00', { consultedAgency: 'Công an xã', replyDueAt: '2026-05-06T11:00:00+07:00' });
    await w.act(w.users.approver1, code, 'reject', '2026-05-05T09:00:00+07:00', { reason: 'Không đủ điều kiện' });
    at('2026-05-20T09:00:00+07:00');
    const { rows } = await officerWorkload(ctx(w.users.provinceSupervisor), { from: '2026-05-01', to: '2026-05-31' });
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    expect(byUser.get(w.users.officer1.userId)).toMatchObject({ resolved: 1, onTime: 1 });
    expect(byUser.get(w.users.approver1.userId)?.resolved ?? 0).toBe(0);
  });
});
