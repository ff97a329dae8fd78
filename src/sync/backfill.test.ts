// The sync's backfill and retention (issue 15 §5) on the real database with the portal simulator:
// dossiers changed before the sync hook existed (no rows) and a dossier whose rows the push gave up
// on are pushed — their newest change, once, in order — and a second backfill queues nothing; the
// retention deletes old acknowledged rows but the receipt rows and each dossier's newest one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor';
import { performAction, receiveDossier } from '../dossiers/service';
import { useWorld, type World } from '../dossiers/world.test-helper';
import { httpNationalPortal } from './adapter';
import { backfillSync, pruneSyncOutbox, runBackfill } from './backfill';
import { syncHook } from './hook';
import { pushOutbox } from './push';
import { startPortalSimulator, type PortalSimulator } from './simulator';

const { t, w } = useWorld();
let sim: PortalSimulator;
beforeAll(async () => { sim = await startPortalSimulator(); });
afterAll(async () => { await sim.close(); });

/** with the hook (the sync as it runs now), or without (dossiers from before the sync existed) */
const ctx = (who: keyof World['actors'], synced = true) => ({ db: t.db, clock: w.clock, actor: w.actors[who] as Actor, ...(synced ? { hooks: [syncHook] } : {}) });
const push = () => pushOutbox({ db: t.db, clock: w.clock, portal: httpNationalPortal({ url: sim.url, key: sim.key }), publicUrl: 'https://motcua.example.vn', budgetMs: 20_000 });
const rowsOf = (code: string) => t.db.selectFrom('sync_outbox').select(['seq', 'action', 'sync_code', 'sent_at', 'gave_up_at']).where('dossier_code', '=', code).orderBy('seq').execute();

describe('backfill of a period', () => {
  it('pushes the newest change of every dossier the portal has not acknowledged, once, in order; a second run queues nothing', async () => {
    w.clock.set(new Date('2026-04-06T09:00:00+07:00'));
    // two dossiers from before the sync: no rows at all
    const old1 = (await receiveDossier(ctx('clerk', false), w.intake({ personalId: '087090007001' }))).code;
    await performAction(ctx('clerk', false), old1, 'forward');
    const old2 = (await receiveDossier(ctx('clerk', false), w.intake({ personalId: '087090007002' }))).code;
    // one synced and acknowledged; one whose newest row the push gave up on (the portal refused it)
    const done = (await receiveDossier(ctx('clerk'), w.intake({ personalId: '087090007003' }))).code;
    const stuck = (await receiveDossier(ctx('clerk'), w.intake({ personalId: '087090007004' }))).code;
    await push();
    w.clock.set(new Date('2026-04-07T10:00:00+07:00'));
    await performAction(ctx('clerk'), stuck, 'forward');
    sim.failNext(1, 422);
    expect(await push()).toMatchObject({ gaveUp: 1 });
    // a dossier changed on another day stays out of the period
    w.clock.set(new Date('2026-04-09T09:00:00+07:00'));
    const later = (await receiveDossier(ctx('clerk', false), w.intake({ personalId: '087090007005' }))).code;

    const report = await backfillSync({ db: t.db, clock: w.clock, actor: w.actors.admin }, { from: '2026-04-06', to: '2026-04-07' });
    expect(report).toMatchObject({ from: '2026-04-06', to: '2026-04-07', queued: 2, retried: 1, acknowledged: 1, pending: 0 });
    expect(report.dossiers).toBeGreaterThanOrEqual(4);
    expect(await rowsOf(old1)).toEqual([{ seq: 2, action: 'forward', sync_code: 4, sent_at: null, gave_up_at: null }]);
    expect(await rowsOf(later)).toEqual([]);
    await push();
    // the portal gets the newest state of each (its trail holds the earlier steps), and the stuck row
    expect(sim.recordsOf(old1).map((r) => [r.record.SoThuTuDongBo, r.record.TrangThaiHoSo, r.record.QuaTrinhXuLyHoSo.length])).toEqual([[2, 4, 2]]);
    expect(sim.recordsOf(old2).map((r) => r.record.SoThuTuDongBo)).toEqual([1]);
    expect(sim.recordsOf(stuck).map((r) => r.record.SoThuTuDongBo)).toEqual([1, 2]);
    expect(sim.recordsOf(done).map((r) => r.record.SoThuTuDongBo)).toEqual([1]);

    // idempotent: nothing more to queue, nothing sent again
    const again = await runBackfill({ db: t.db, clock: w.clock }, null, { from: '2026-04-06', to: '2026-04-07' });
    expect(again).toMatchObject({ queued: 0, retried: 0, pending: 0 });
    expect(again.acknowledged).toBe(again.dossiers);
    expect(await push()).toMatchObject({ claimed: 0 });
    const audits = await t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'sync.backfill').orderBy('id').execute();
    expect(audits).toEqual([{ action: 'sync.backfill', actor_id: w.actors.admin.userId }, { action: 'sync.backfill', actor_id: null }]);
  }, 90_000);

  it('is for administrators, over a valid period', async () => {
    await expect(backfillSync({ db: t.db, clock: w.clock, actor: w.actors.supervisor }, { from: '2026-04-06', to: '2026-04-07' })).rejects.toMatchObject({ kind: 'Forbidden' });
    await expect(backfillSync({ db: t.db, clock: w.clock, actor: w.actors.admin }, { from: '2026-04-08', to: '2026-04-07' })).rejects.toMatchObject({ code: 'PERIOD_INVALID' });
  });
});

describe('retention of acknowledged rows', () => {
  it('deletes what the portal acknowledged before the limit, but the receipt rows, each dossier\'s newest and anything unsent', async () => {
    w.clock.set(new Date('2026-05-04T09:00:00+07:00'));
    const code = (await receiveDossier(ctx('clerk'), w.intake({ personalId: '087090007101' }))).code;
    await performAction(ctx('clerk'), code, 'forward');
    await performAction(ctx('approver'), code, 'assign', { officerId: w.actors.officer.userId });
    await push();
    await performAction(ctx('officer'), code, 'requestSupplement', { reason: 'Thiếu chữ ký', items: ['Tờ khai có chữ ký'] });
    expect((await rowsOf(code)).map((r) => [r.seq, r.sent_at !== null])).toEqual([[1, true], [2, true], [3, true], [4, false]]);
    // sent on 04/05; a limit of 05/05 deletes seq 2 (superseded by 3), keeps 1 (the receipt) and 3 (the newest sent), and 4 (unsent)
    expect(await pruneSyncOutbox(t.db, new Date('2026-05-05T00:00:00+07:00'), 1)).toBe(1);
    expect((await rowsOf(code)).map((r) => r.seq)).toEqual([1, 3, 4]);
    // before the sending, nothing goes
    expect(await pruneSyncOutbox(t.db, new Date('2026-05-03T00:00:00+07:00'))).toBe(0);
  }, 60_000);
});
