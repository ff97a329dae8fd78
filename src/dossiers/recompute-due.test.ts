// Calendar edits never move the due time of a received dossier by themselves; an administrator
// re-computes it on purpose, and that is an event in the dossier's hash chain.
import { describe, expect, it } from 'vitest';
import { saveSchedule } from '../calendar/service';
import { performAction } from './service';
import { compareWithFold, verifyChain } from './audit';
import { receiveDossier } from './service';
import { getDossier } from './queries';
import { useWorld } from './world.test-helper';

const { t, w } = useWorld();

const iso = (s: string) => new Date(s).toISOString();

describe('re-computing a due time after a calendar change', () => {
  it('keeps the due time when the calendar changes, and moves it only when an administrator re-computes it', async () => {
    // Mon 2 Mar 2026 09:00 + 5 working days = Mon 9 Mar 09:00 (2026: no official schedule yet)
    w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
    const { code, dueAt } = await receiveDossier(w.ctx(w.actors.clerk), w.intake());
    expect(dueAt).toBe(iso('2026-03-09T09:00:00+07:00'));
    await performAction(w.ctx(w.actors.clerk), code, 'forward', {});

    // The official 2026 schedule arrives with Thu 5 Mar off (a made-up day for the test).
    await saveSchedule(w.ctx(w.actors.admin), 2026, { source: 'Thông báo thử nghiệm', daysOff: [{ date: '2026-03-05', reason: 'Nghỉ thử nghiệm' }], makeUpDays: [] });
    const untouched = await getDossier(w.ctx(w.actors.supervisor), code);
    expect(untouched.dueAt).toBe(iso('2026-03-09T09:00:00+07:00'));

    await expect(performAction(w.ctx(w.actors.officer), code, 'recomputeDue', { reason: 'Lịch mới' })).rejects.toMatchObject({ code: 'ACTION_NOT_ALLOWED_FOR_ROLE' });
    await expect(performAction(w.ctx(w.actors.admin), code, 'recomputeDue', {})).rejects.toMatchObject({ code: 'ACTION_INPUT_INVALID' });

    w.clock.set(new Date('2026-03-03T10:00:00+07:00'));
    await performAction(w.ctx(w.actors.admin), code, 'recomputeDue', { reason: 'Áp dụng lịch nghỉ năm 2026 đã ban hành' });
    const moved = await getDossier(w.ctx(w.actors.supervisor), code);
    expect(moved.dueAt).toBe(iso('2026-03-10T09:00:00+07:00')); // one working day later
    const event = moved.timeline.at(-1);
    expect(event?.action).toBe('recomputeDue');
    expect(event?.payload).toMatchObject({ previousDueAt: iso('2026-03-09T09:00:00+07:00'), newDueAt: iso('2026-03-10T09:00:00+07:00') });
    expect(await verifyChain(t.db, code)).toEqual({ ok: true, dossiers: 1, events: 3 });
    expect((await compareWithFold(t.db)).differences).toEqual([]);
  });
});
