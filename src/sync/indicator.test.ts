// F766 1.4 from the database: the receipts the sync recorded, those the portal accepted, in the
// reader's scope; the same figures from GET /api/v1/sync/stats and the status page's counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor';
import { receiveDossier } from '../dossiers/service';
import { rollupHook } from '../reports/hook';
import { reportIndicators } from '../reports/service';
import { useWorld, type World } from '../dossiers/world.test-helper';
import { httpNationalPortal } from './adapter';
import { syncHook } from './hook';
import { pushOutbox } from './push';
import { retrySync, syncCounts, syncFailures, syncStats } from './service';
import { startPortalSimulator, type PortalSimulator } from './simulator';

const { w } = useWorld();
let sim: PortalSimulator;
beforeAll(async () => { sim = await startPortalSimulator(); });
afterAll(async () => { await sim.close(); });

const ctx = (who: keyof World['actors']) => ({ db: w.db, clock: w.clock, actor: w.actors[who] as Actor, hooks: [syncHook, rollupHook] });
const push = () => pushOutbox({ db: w.db, clock: w.clock, portal: httpNationalPortal({ url: sim.url, key: sim.key }), publicUrl: 'https://motcua.example.vn' });
const march = { from: '2026-03-01', to: '2026-03-31' };

describe('the sync rate (indicator 1.4)', () => {
  it('is N/A before any sync record, then synced receipts over received dossiers in the reader\'s scope', async () => {
    const before = await reportIndicators(ctx('supervisor'), march);
    expect(before.indicators.find((i) => i.code === '1.4')).toMatchObject({ value: null, numerator: 0, denominator: 0 });

    w.clock.set(new Date('2026-03-10T09:00:00+07:00'));
    for (let i = 0; i < 4; i++) await receiveDossier(ctx('clerk'), w.intake({ personalId: `08709000500${i}` }));
    expect(await push()).toMatchObject({ sent: 4 });
    const last = await receiveDossier(ctx('clerk'), w.intake({ personalId: '087090005009' }));
    sim.failNext(1, 422);
    expect(await push()).toMatchObject({ gaveUp: 1 });

    const r = await reportIndicators(ctx('supervisor'), march);
    expect(r.indicators.find((i) => i.code === '1.4')).toMatchObject({ value: 80, numerator: 4, denominator: 5 });
    expect(await syncStats(ctx('supervisor'), march)).toEqual({ from: '2026-03-01', to: '2026-03-31', received: 5, synced: 4, rate: 0.8 });
    // another province's supervisor sees none of it
    expect(await syncStats(ctx('otherSupervisor'), march)).toMatchObject({ received: 0, synced: 0, rate: null });

    const counts = await syncCounts(ctx('supervisor'), march);
    expect(counts).toMatchObject({ pending: 1, failing: 0, gaveUp: 1, sentInPeriod: 4 });
    const failures = await syncFailures(ctx('supervisor'), {});
    expect(failures.items).toEqual([expect.objectContaining({ dossierCode: last.code, seq: 1, syncCode: 2, gaveUp: true, attempts: 1, nextAttemptAt: null })]);
    expect(failures.items[0]?.lastError).toContain('422');

    // a supervisor reads but may not retry; the administrator retries, and the next run sends it
    const id = failures.items[0]?.id ?? 0;
    await expect(retrySync(ctx('supervisor'), id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(retrySync(ctx('admin'), 999_999)).rejects.toMatchObject({ code: 'SYNC_ROW_NOT_FOUND' });
    expect(await retrySync(ctx('admin'), id)).toEqual({ id, dossierCode: last.code, seq: 1 });
    expect(await push()).toMatchObject({ sent: 1 });
    await expect(retrySync(ctx('admin'), id)).rejects.toMatchObject({ code: 'SYNC_ALREADY_SENT' });
    expect((await reportIndicators(ctx('supervisor'), march)).indicators.find((i) => i.code === '1.4')).toMatchObject({ value: 100, numerator: 5, denominator: 5 });
    const audit = await w.db.selectFrom('audit_log').select(['action', 'entity_key']).where('action', '=', 'sync.retry').execute();
    expect(audit).toEqual([{ action: 'sync.retry', entity_key: String(id) }]);
  });

  it('refuses a period that is not one (400 PERIOD_INVALID) and a reader without the permission (403)', async () => {
    await expect(syncStats(ctx('supervisor'), { from: '2026-03-31', to: '2026-03-01' })).rejects.toMatchObject({ code: 'PERIOD_INVALID' });
    await expect(syncCounts(ctx('clerk'), march)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
