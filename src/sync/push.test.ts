// Acceptance (issue 15 §5): the national portal simulator receives every status change of every
// dossier exactly once per change, in order, across a restart of the server (a new connection pool
// on the same database, after a consumer died between sending and recording) and an outage of the
// portal. Real PostgreSQL, the real HTTP adapter, the simulator on the loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor';
import { connectUrl, type Database } from '../platform/db/connect';
import { performAction, receiveDossier } from '../dossiers/service';
import { loadEvents } from '../dossiers/events';
import { rebuildDossierFromEvents } from '../dossiers/fold';
import { syncCode } from '../dossiers/lifecycle';
import { useWorld, type World } from '../dossiers/world.test-helper';
import { httpNationalPortal } from './adapter';
import { syncHook } from './hook';
import { claimRows, DEFAULT_PUSH, pushOutbox, recordOf, retryDelaySeconds } from './push';
import { startPortalSimulator, type PortalSimulator } from './simulator';

const { t, w } = useWorld();
let sim: PortalSimulator;
/** the "server process" of the moment: its own pool on the test database */
let db: Database;
const publicUrl = 'https://motcua.example.vn';

beforeAll(async () => {
  sim = await startPortalSimulator();
  db = t.db;
});
afterAll(async () => { await sim.close(); });

const ctx = (who: keyof World['actors']) => ({ db, clock: w.clock, actor: w.actors[who] as Actor, hooks: [syncHook] });
const act = (who: keyof World['actors'], code: string, action: Parameters<typeof performAction>[2], input: Parameters<typeof performAction>[3] = {}) =>
  performAction(ctx(who), code, action, input);
const push = () => pushOutbox({ db, clock: w.clock, portal: httpNationalPortal({ url: sim.url, key: sim.key }), publicUrl, budgetMs: 20_000 });
const pending = async (code: string) =>
  (await db.selectFrom('sync_outbox').select(['seq', 'sent_at', 'attempts', 'last_error', 'gave_up_at']).where('dossier_code', '=', code).orderBy('seq').execute());

/** What the portal must have seen of a dossier: one record per event, seq 1..n, with the status after each event. */
async function expectedOf(code: string): Promise<{ seq: number; status: number }[]> {
  const row = await db.selectFrom('dossiers').select(['id', 'code']).where('code', '=', code).executeTakeFirstOrThrow();
  const events = await loadEvents(db, row);
  return events.map((e, i) => ({ seq: e.seq, status: syncCode[rebuildDossierFromEvents(events.slice(0, i + 1)).status] }));
}

describe('pushing to the national portal', () => {
  it('writes one outbox row per event in the event\'s transaction, and none for a refused action', async () => {
    w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
    const { code } = await receiveDossier(ctx('clerk'), w.intake());
    await act('clerk', code, 'forward');
    await expect(act('clerk', code, 'return', { channel: 'counter' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const rows = await db.selectFrom('sync_outbox').select(['seq', 'action', 'sync_code', 'channel']).where('dossier_code', '=', code).orderBy('seq').execute();
    expect(rows).toEqual([{ seq: 1, action: 'received', sync_code: 2, channel: 'counter' }, { seq: 2, action: 'forward', sync_code: 4, channel: 'counter' }]);
    await push();
    expect(sim.recordsOf(code).map((r) => [r.record.SoThuTuDongBo, r.record.TrangThaiHoSo])).toEqual([[1, 2], [2, 4]]);
  });

  it('delivers every change of every dossier exactly once, in order, across an outage and a restart', async () => {
    w.clock.set(new Date('2026-03-03T08:00:00+07:00'));
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push((await receiveDossier(ctx('clerk'), w.intake({ personalId: `08709000200${i}` }))).code);
    for (const c of codes) await act('clerk', c, 'forward');
    expect(await push()).toMatchObject({ sent: 8, retried: 0 });

    // the portal is down: nothing is lost, every due row is tried and put back with a back-off
    sim.setOutage(true);
    for (const c of codes) await act('approver', c, 'assign', { officerId: w.actors.officer.userId });
    await act('officer', codes[0] as string, 'requestSupplement', { reason: 'Thiếu chữ ký', items: ['Tờ khai có chữ ký'] });
    const during = await push();
    expect(during).toMatchObject({ sent: 0, retried: 4 });
    expect(sim.refusedDuringOutage).toBeGreaterThanOrEqual(4);
    expect((await pending(codes[0] as string)).filter((r) => r.sent_at === null).map((r) => [r.seq, r.attempts])).toEqual([[3, 1], [4, 0]]);
    // inside the back-off nothing is claimed; the portal is back
    sim.setOutage(false);
    w.clock.set(new Date(w.clock.now().getTime() + 10_000));
    expect(await push()).toMatchObject({ claimed: 0 });
    w.clock.set(new Date(w.clock.now().getTime() + retryDelaySeconds(1) * 1000));
    expect(await push()).toMatchObject({ sent: 5, retried: 0 });

    // a consumer claims, sends one record and dies before recording it (the server is killed)
    for (const c of codes.slice(1)) await act('approver', c, 'approve');
    const claimed = await claimRows(db, w.clock.now(), DEFAULT_PUSH);
    expect(claimed).toHaveLength(3);
    const first = claimed[0];
    if (!first) throw new Error('nothing claimed');
    await httpNationalPortal({ url: sim.url, key: sim.key }).push(await recordOf(db, first, publicUrl));
    const before = sim.received.length;

    // restart: a new process with its own pool on the same database
    await db.destroy();
    db = connectUrl(t.url, 4).db;
    for (const c of codes.slice(1)) await act('officer', c, 'markResultReady');
    await act('clerk', codes[0] as string, 'supplementReceived', { receivedPapers: ['Tờ khai có chữ ký'] });
    // the dead consumer's lease still holds its rows, and their dossiers' later rows wait behind them
    const early = await push();
    expect(early.sent).toBe(1); // only codes[0]'s supplement arrived: its dossier had nothing claimed
    w.clock.set(new Date(w.clock.now().getTime() + (DEFAULT_PUSH.leaseSeconds + 1) * 1000));
    const after = await push();
    // the record the dead consumer sent is sent again: the portal answers "already have it" and keeps one
    expect(after).toMatchObject({ duplicates: 1, retried: 0, gaveUp: 0 });
    expect(sim.duplicates).toBe(1);
    expect(sim.received.length - before).toBe(1 + after.sent);

    for (const c of codes.slice(1)) await act('clerk', c, 'return', { channel: 'counter', signature: { name: 'Nguyễn Văn An', signedAt: w.clock.now().toISOString() } });
    await push();

    for (const c of codes) {
      const seen = sim.recordsOf(c).map((r) => ({ seq: r.record.SoThuTuDongBo, status: r.record.TrangThaiHoSo }));
      expect(seen, c).toEqual(await expectedOf(c));
      expect((await pending(c)).every((r) => r.sent_at !== null), c).toBe(true);
    }
    // the status changes the portal saw for a dossier that went to the end
    expect(sim.recordsOf(codes[1] as string).map((r) => r.record.TrangThaiHoSo)).toEqual([2, 4, 4, 4, 9, 10]);
  });

  it('holds a dossier\'s later rows behind one the portal refused, until an administrator retries it', async () => {
    w.clock.set(new Date('2026-03-05T08:00:00+07:00'));
    const { code } = await receiveDossier(ctx('clerk'), w.intake({ personalId: '087090003001' }));
    sim.failNext(1, 422);
    expect(await push()).toMatchObject({ gaveUp: 1 });
    await act('clerk', code, 'forward');
    w.clock.set(new Date(w.clock.now().getTime() + 3_600_000));
    expect(await push()).toMatchObject({ claimed: 0 });
    const rows = await pending(code);
    expect(rows.map((r) => [r.seq, r.sent_at === null, r.gave_up_at !== null])).toEqual([[1, true, true], [2, true, false]]);
    expect(rows[0]?.last_error).toContain('422');
    expect(sim.recordsOf(code)).toEqual([]);
  });
});

describe('back-off', () => {
  it('doubles from 30 s and stops at one hour, or waits what the portal asked', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => retryDelaySeconds(n))).toEqual([30, 60, 120, 240, 1920, 3600, 3600]);
    expect(retryDelaySeconds(1, 300)).toBe(300);
    expect(retryDelaySeconds(8, 300)).toBe(3600);
  });
});
