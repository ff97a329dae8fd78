// The one-statement intake with the roll-up CTEs, racing lifecycle actions that bump the same
// day and month rows, and retries with one Idempotency-Key: no deadlock, no error, serials without
// a gap, one dossier per key, and roll-ups equal to the event log's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { connectUrl, type Database } from '../platform/db/connect';
import { performAction } from '../dossiers/service';
import { verifyChain } from '../dossiers/audit';
import { receiveDossier } from '../dossiers/service';
import { buildWorld, type World } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { rollupHook } from './hook';
import { rebuildRollups } from './rebuild';
import { resolutionHook } from './transparency';

let t: TestDatabase;
let wide: { db: Database; pool: { end(): Promise<void> } };
let w: World;
const hooks = [resolutionHook, rollupHook];
beforeAll(async () => {
  t = await createTestDatabase();
  wide = connectUrl(t.url, 24);
  w = await buildWorld(wide.db, '2026-03-05T08:00:00+07:00');
});
afterAll(async () => {
  await wide?.db.destroy();
  await t?.close();
});

const pid = (i: number) => `0871${String(i).padStart(8, '0')}`;
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks });
const act = (a: Actor, code: string, action: Parameters<typeof performAction>[2], input: Parameters<typeof performAction>[3] = {}) =>
  performAction(ctx(a), code, action, input);

describe('intake statement with roll-ups under concurrency', () => {
  it('intakes, decisions on the same roll-up rows and keyed retries all succeed, and the roll-ups match the log', async () => {
    // ten dossiers ready to be decided today
    const ready: string[] = [];
    for (let i = 0; i < 10; i++) ready.push((await receiveDossier(ctx(w.actors.clerk), w.intake({ personalId: pid(i), phone: `09120${String(i).padStart(5, '0')}` }))).code);
    w.clock.set(new Date('2026-03-05T09:00:00+07:00'));
    for (const code of ready) {
      await act(w.actors.clerk, code, 'forward');
      await act(w.actors.approver, code, 'approve');
    }
    w.clock.set(new Date('2026-03-05T10:00:00+07:00'));
    const keyed = w.intake({ personalId: pid(999), name: 'Phạm Văn Lặp', phone: '0912999999' });
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 60 }, (_, i) => receiveDossier(ctx(w.actors.clerk), w.intake({ personalId: pid(100 + i), phone: `09121${String(i).padStart(5, '0')}` }))),
      ...ready.map((code) => act(w.actors.officer, code, 'markResultReady')),
      ...Array.from({ length: 10 }, () => receiveDossier(ctx(w.actors.clerk), keyed, 'same-key-0001')),
    ]);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason)).toEqual([]);
    const keyedCodes = new Set(outcomes.slice(70).map((o) => (o as PromiseFulfilledResult<{ code: string }>).value.code));
    expect(keyedCodes.size).toBe(1);
    const serials = (await wide.db.selectFrom('dossiers').select('code').execute()).map((r) => Number(r.code.split('-')[2])).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 71 }, (_, i) => i + 1));
    expect(await verifyChain(wide.db)).toMatchObject({ ok: true, dossiers: 71 });
    expect((await rebuildRollups(wide.db)).differences).toEqual([]);
  }, 60_000);
});
