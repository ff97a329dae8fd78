// Hand-over from the receiving one-stop to the competent agency (ND 61 art. 18, issue 9 "The agency
// desk"): by the clerk's "Chuyển đến <agency>" (paper, the default), or by the system at receipt
// where the agency takes dossiers electronically, and always for online dossiers.
import { describe, expect, it } from 'vitest';
import { getDossier, performAction, receiveDossier } from './service';
import { workQueue } from './work-queue';
import { useWorld } from './world.test-helper';

const { w } = useWorld();
const at = (iso: string) => w.clock.set(new Date(iso));
const setHandover = (agencyId: number, handover: 'paper' | 'electronic') =>
  w.db.updateTable('agencies').set({ handover }).where('id', '=', agencyId).execute();

describe('hand-over to the competent agency', () => {
  it('paper (default): the dossier waits at the one-stop until the clerk hands it over to the named agency', async () => {
    at('2026-03-02T09:00:00+07:00');
    const r = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ name: 'Trần Văn Giấy' }));
    expect(r).toMatchObject({ status: 'received', syncCode: 2 });
    expect((await workQueue(w.ctx(w.actors.officer))).items.map((i) => i.code)).not.toContain(r.code);
    const waiting = (await workQueue(w.ctx(w.actors.clerk), { filter: 'awaitingHandover' })).items.find((i) => i.code === r.code);
    // received Monday 09:00: owed the same working day, by 17:00 (10:00 UTC)
    expect(waiting).toMatchObject({ status: 'received', handoverDueAt: '2026-03-02T10:00:00.000Z', competentAgencyName: 'Ủy ban nhân dân xã Một' });
    await expect(performAction(w.ctx(w.actors.officer), r.code, 'forward')).rejects.toMatchObject({ code: 'ACTION_NOT_ALLOWED_FOR_ROLE' });
    at('2026-03-02T10:30:00+07:00');
    expect(await performAction(w.ctx(w.actors.clerk), r.code, 'forward', { note: 'Giao bản giấy' })).toMatchObject({ status: 'processing', syncCode: 4 });
    const d = await getDossier(w.ctx(w.actors.clerk), r.code);
    expect(d.timeline.at(-1)).toMatchObject({
      action: 'forward', actorRole: 'clerk', status: 'processing',
      payload: { toAgencyId: w.communeAgency.id, toAgencyName: 'Ủy ban nhân dân xã Một', handover: 'paper', automatic: false, note: 'Giao bản giấy' },
    });
    expect((await workQueue(w.ctx(w.actors.officer))).items.map((i) => i.code)).toContain(r.code);
    expect((await workQueue(w.ctx(w.actors.clerk), { filter: 'awaitingHandover' })).items.map((i) => i.code)).not.toContain(r.code);
    const outbox = await w.db.selectFrom('outbox').select('kind').where('kind', '=', 'dossier.forward').where(({ ref }) => ref('payload'), '@>' as never, JSON.stringify({ code: r.code }) as never).execute();
    expect(outbox).toHaveLength(1);
  });

  it('electronic: a counter dossier reaches the agency\'s queue at receipt, handed over by the system', async () => {
    await setHandover(w.communeAgency.id, 'electronic');
    try {
      at('2026-03-02T15:30:00+07:00');
      const r = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ name: 'Lê Thị Điện Tử' }));
      expect(r).toMatchObject({ status: 'processing', syncCode: 4, dueAt: new Date('2026-03-09T15:30:00+07:00').toISOString() });
      const d = await getDossier(w.ctx(w.actors.officer), r.code);
      expect(d.timeline.map((e) => [e.action, e.actorRole, e.status])).toEqual([['received', 'clerk', 'received'], ['forward', null, 'processing']]);
      expect(d.timeline[1]?.payload).toMatchObject({ handover: 'electronic', automatic: true, toAgencyName: 'Ủy ban nhân dân xã Một' });
      expect(d.allowedActions).not.toContain('forward');
      expect((await workQueue(w.ctx(w.actors.officer))).items.map((i) => i.code)).toContain(r.code);
    } finally {
      await setHandover(w.communeAgency.id, 'paper');
    }
  });

  it('online: accepted by the one-stop, the dossier is handed over electronically at once (art. 18.1)', async () => {
    at('2026-03-02T09:00:00+07:00');
    const { code } = await receiveDossier(w.ctx(w.actors.citizen), w.intake());
    const accepted = await performAction(w.ctx(w.actors.communeClerk), code, 'receive');
    expect(accepted).toMatchObject({ status: 'processing', syncCode: 4, version: 3 });
    const d = await getDossier(w.ctx(w.actors.officer), code);
    expect(d.timeline.map((e) => e.action)).toEqual(['submitted', 'receive', 'forward']);
    expect(d.timeline[2]?.payload).toMatchObject({ handover: 'electronic', automatic: true });
  });
});
