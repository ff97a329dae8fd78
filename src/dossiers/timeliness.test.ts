// Apology, supplement and timeliness together (ND 61 art. 19.4 and 19.9), on the real database.
import { describe, expect, it } from 'vitest';
import { performAction } from './service';
import type { ActionInput } from './model';
import { compareWithFold } from './audit';
import { receiveDossier } from './service';
import type { Action } from './lifecycle';
import { getDossier } from './queries';
import { useWorld, type World } from './world.test-helper';

const { t, w } = useWorld();

const vn = (day: string, time = '09:00') => `2026-03-${day}T${time}:00+07:00`;
const iso = (s: string) => new Date(s).toISOString();
type Who = keyof World['actors'];
type Step = readonly [at: string, who: Who, action: Action, input?: ActionInput];

async function run(steps: readonly Step[]) {
  w.clock.set(new Date(vn('02')));
  const { code, dueAt } = await receiveDossier(w.ctx(w.actors.clerk), w.intake());
  expect(dueAt).toBe(iso(vn('09'))); // 5 working days
  for (const [at, who, action, input] of steps) {
    w.clock.set(new Date(at));
    await performAction(w.ctx(w.actors[who]), code, action, input ?? {});
  }
  return getDossier(w.ctx(w.actors.supervisor), code);
}

const forward: Step = [vn('02', '10:00'), 'clerk', 'forward'];
const apologyTo13: Step = [vn('03'), 'approver', 'apologize', { reason: 'Cần xác minh', newDueAt: vn('13') }];
const supplement: readonly Step[] = [
  [vn('04'), 'officer', 'requestSupplement', { reason: 'Thiếu chữ ký', items: ['Tờ khai có chữ ký'] }],
  [vn('10'), 'clerk', 'supplementReceived', { receivedPapers: ['Tờ khai có chữ ký'] }],
];
const readyOn = (day: string): readonly Step[] => [[vn(day, '08:00'), 'approver', 'approve'], [vn(day), 'officer', 'markResultReady']];

describe('apology, then supplement: the restarted clock is the new original', () => {
  it.each([
    // received 02/03 (due 09/03), apology 03/03 → 13/03, supplement 04/03 → 10/03 restarts: due 17/03
    { name: 'apology then supplement, ready 12/03', steps: [forward, apologyTo13, ...supplement, ...readyOn('12')], due: vn('17'), original: null, badge: 'early' },
    { name: 'apology then supplement, ready 17/03', steps: [forward, apologyTo13, ...supplement, ...readyOn('17')], due: vn('17'), original: null, badge: 'onTime' },
    { name: 'apology then supplement, ready 18/03', steps: [forward, apologyTo13, ...supplement, ...readyOn('18')], due: vn('17'), original: null, badge: 'late' },
    { name: 'supplement only, ready 12/03', steps: [forward, ...supplement, ...readyOn('12')], due: vn('17'), original: null, badge: 'early' },
    // the new period has its own single apology; timeliness is judged on the restarted due time
    {
      name: 'supplement, then apology in the new period, ready 19/03',
      steps: [forward, apologyTo13, ...supplement, [vn('12'), 'approver', 'apologize', { reason: 'Chờ xác minh', newDueAt: vn('20') }], ...readyOn('19')],
      due: vn('20'), original: vn('17'), badge: 'late',
    },
    { name: 'apology without supplement, ready 12/03', steps: [forward, apologyTo13, ...readyOn('12')], due: vn('13'), original: vn('09'), badge: 'late' },
  ] as const)('$name', async ({ steps, due, original, badge }) => {
    const d = await run(steps as readonly Step[]);
    expect(d.status).toBe('resultReady');
    expect(d.dueAt).toBe(iso(due));
    expect(d.originalDueAt).toBe(original === null ? null : iso(original));
    expect(d.timeliness).toBe(badge);
  });

  it('resets the apology with the restarted clock and keeps the stored row equal to the fold', async () => {
    const d = await run([forward, apologyTo13, ...supplement]);
    expect(d.apologyUsed).toBe(false);
    expect((await getDossier(w.ctx(w.actors.approver), d.code)).allowedActions).toContain('apologize');
    const row = await t.db.selectFrom('dossiers').select(['apologized_at', 'original_due_at', 'clock_started_at']).where('code', '=', d.code).executeTakeFirstOrThrow();
    expect(row).toEqual({ apologized_at: null, original_due_at: null, clock_started_at: new Date(vn('10')) });
    expect((await compareWithFold(t.db)).differences).toEqual([]);
  });

  it('refuses an apology while a supplement is awaited (no clock is running)', async () => {
    const d = await run([forward, supplement[0] as Step]);
    expect(d.status).toBe('awaitingSupplement');
    expect((await getDossier(w.ctx(w.actors.approver), d.code)).allowedActions).not.toContain('apologize');
    w.clock.set(new Date(vn('05')));
    await expect(performAction(w.ctx(w.actors.approver), d.code, 'apologize', { reason: 'x', newDueAt: vn('13') }))
      .rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});
