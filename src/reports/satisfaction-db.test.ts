// F766 5.4 from the database: a "dislike" counts for the periods whose base (open at the start or
// received in the period, as 2.1) holds the dossier, whenever the applicant rated it — not in the
// month the rating happened to be given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { Actor } from '../platform/actor';
import { performAction } from '../dossiers/service';
import { receiveDossier } from '../dossiers/service';
import { buildWorld, type World } from '../dossiers/world.test-helper';
import { rollupHook } from './hook';
import { reportIndicators } from './service';

let t: TestDatabase;
let w: World;
let supervisor: Actor;

const at = (iso: string) => w.clock.set(new Date(iso));
const act = (a: Actor, code: string, action: Parameters<typeof performAction>[2], input: Parameters<typeof performAction>[3] = {}) =>
  performAction({ ...w.ctx(a), hooks: [rollupHook] }, code, action, input);
const fiveFour = async (from: string, to: string) =>
  (await reportIndicators({ db: t.db, clock: w.clock, actor: supervisor }, { from, to })).indicators.find((i) => i.code === '5.4');

beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db, '2026-01-05T09:00:00+07:00');
  supervisor = w.actors.supervisor;
  // January: two dossiers received and resolved on time; one is rated 1 star in March
  const codes: string[] = [];
  for (const [pid, phone] of [['087090001234', '0912345678'], ['087090007777', '0912000777']] as const) {
    at('2026-01-05T09:00:00+07:00');
    codes.push((await receiveDossier({ ...w.ctx(w.actors.clerk), hooks: [rollupHook] }, w.intake({ personalId: pid, phone }))).code);
  }
  for (const code of codes) {
    at('2026-01-05T10:00:00+07:00');
    await act(w.actors.clerk, code, 'forward');
    await act(w.actors.approver, code, 'approve');
    at('2026-01-06T10:00:00+07:00');
    await act(w.actors.officer, code, 'markResultReady');
  }
  at('2026-03-10T09:00:00+07:00');
  await act(w.actors.citizen, codes[0] ?? '', 'rate', { stars: 1, dislike: ['time'] });
});
afterAll(async () => { await t?.close(); });

describe('5.4 from the stored dossiers', () => {
  it('January (both in the base, one disliked): 100 − 0% late − 50% disliked = 50%; March (neither in the base): nothing to count', async () => {
    expect(await fiveFour('2026-01-01', '2026-01-31')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(await fiveFour('2026-03-01', '2026-03-31')).toMatchObject({ value: null, denominator: 0 });
  });
});
