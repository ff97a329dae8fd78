// "Hồ sơ của tôi": a citizen's dossier as its steps in their words, and never another's dossier.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorOfUser } from '../accounts/service';
import { performAction, receiveDossier } from '../dossiers/service';
import { useWorld } from '../dossiers/world.test-helper';
import { isDomainError } from '../platform/errors';
import { makeUser } from '../../test/factories';
import { myDossierTimeline } from './my-dossier';

const { w } = useWorld();
const citizenActor = async (personalId: string, unverified = false) =>
  actorOfUser(await w.db.selectFrom('users').selectAll().where('id', '=', (await makeUser(w.db, 'citizen', undefined, { personalId, unverified })).id).executeTakeFirstOrThrow());

describe('the citizen\'s timeline', () => {
  it('tells received, forwarded and the supplement asked with what is missing — no notes, no staff', async () => {
    const me = await citizenActor('087090004401');
    const { code } = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: '087090004401', name: 'Đỗ Văn Tâm' }));
    await performAction(w.ctx(w.actors.clerk), code, 'forward', { note: 'ghi chú nội bộ' });
    await performAction(w.ctx(w.actors.officer), code, 'requestSupplement', { reason: 'Thiếu chữ ký', items: ['Tờ khai có chữ ký'] });
    const timeline = await myDossierTimeline({ db: w.db, clock: w.clock, actor: me }, code);
    expect(timeline.status).toBe('awaitingSupplement');
    expect(timeline.steps.map((s) => s.kind)).toEqual(['received', 'forwarded', 'supplementRequested']);
    expect(timeline.steps[2]).toMatchObject({ items: ['Tờ khai có chữ ký'], reason: 'Thiếu chữ ký' });
    expect(JSON.stringify(timeline)).not.toContain('ghi chú nội bộ');
    expect(JSON.stringify(timeline)).not.toContain('Nguyễn Minh Khoa');
  });

  it('never shows a random citizen another person\'s dossier (404 as for an unknown code)', async () => {
    const ids = ['087090004501', '087090004502', '087090004503', '087090004504'];
    const codes = new Map<string, string>();
    for (const id of ids) codes.set(id, (await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: id, name: 'Ngô Thị Lan' }))).code);
    const owners = new Map<string, Awaited<ReturnType<typeof citizenActor>>>();
    const accountOf = async (id: string, unverified: boolean) => {
      const key = `${id}:${unverified}`;
      if (!owners.has(key)) owners.set(key, await citizenActor(unverified ? id : id, unverified));
      return owners.get(key) as Awaited<ReturnType<typeof citizenActor>>;
    };
    await fc.assert(fc.asyncProperty(fc.constantFrom(...ids), fc.constantFrom(...ids), fc.boolean(), async (mine, theirs, unverified) => {
      // one verified account per personal ID: an unverified one claims it only
      const actor = unverified ? await accountOf(mine, true) : await accountOf(mine, false).catch(() => accountOf(mine, true));
      const sees = await myDossierTimeline({ db: w.db, clock: w.clock, actor }, codes.get(theirs) ?? '').then(() => true, (e: unknown) => {
        if (isDomainError(e) && e.code.endsWith('NOT_FOUND')) return false;
        throw e;
      });
      expect(sees).toBe(mine === theirs && actor.scope.kind === 'self' && actor.scope.personalId === mine);
    }), { numRuns: 30 });
  }, 120_000);

  it('refuses staff (403): their dossier page is another', async () => {
    const { code } = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: '087090004601', name: 'Mai Văn Hùng' }));
    await expect(myDossierTimeline({ db: w.db, clock: w.clock, actor: w.actors.clerk }, code)).rejects.toMatchObject({ kind: 'Forbidden' });
  });
});
