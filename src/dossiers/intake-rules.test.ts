// Intake rules that guard what a request may claim: the province of the receiving point, and
// VNeID authentication (no integration yet, so never taken from the client).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { receiveDossier } from './service';
import { useWorld } from './world.test-helper';

const { t, w } = useWorld();

describe('intake province', () => {
  it('refuses at a counter an applicant whose commune is in another province (400, applicant.unitCode)', async () => {
    const input = w.intake();
    const e = await receiveDossier(w.ctx(w.actors.clerk), { ...input, applicant: { ...input.applicant, unitCode: w.otherCommune.code } }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'APPLICANT_OUTSIDE_PROVINCE', details: [{ path: 'applicant.unitCode' }] });
    expect((e as { message: string }).message).toMatch(/không thuộc tỉnh/);
    const n = await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).where('competent_agency_id', '=', w.otherAgency.id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('still receives an applicant of the point\'s province', async () => {
    await expect(receiveDossier(w.ctx(w.actors.clerk), w.intake())).resolves.toMatchObject({ status: 'received' });
  });
});

describe('VNeID authentication', () => {
  it('ignores the client\'s vneidAuthenticated (no VNeID integration yet)', async () => {
    w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
    const counter = await receiveDossier(w.ctx(w.actors.clerk), { ...w.intake(), vneidAuthenticated: true });
    const online = await receiveDossier(w.ctx(w.actors.citizen), { ...w.intake(), vneidAuthenticated: true });
    const rows = await t.db.selectFrom('dossiers as d').innerJoin('dossier_events as e', 'e.dossier_id', 'd.id')
      .select(['d.code', 'd.vneid_authenticated', 'e.payload']).where('d.code', 'in', [counter.code, online.code]).execute();
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.vneid_authenticated).toBe(false);
      expect((r.payload as { vneidAuthenticated: boolean }).vneidAuthenticated).toBe(false);
    }
  });
});

describe('outbox kind of an intake', () => {
  it('names an online submission dossier.submitted and a counter intake dossier.received', async () => {
    w.clock.set(new Date('2026-03-03T09:00:00+07:00'));
    const counter = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId: '087090005551' }));
    const online = await receiveDossier(w.ctx(w.actors.citizen), w.intake());
    const kinds = await t.db.selectFrom('outbox').select(['kind', sql<string>`payload->>'code'`.as('code')])
      .where(sql<string>`payload->>'code'`, 'in', [counter.code, online.code]).orderBy('id').execute();
    expect(kinds).toEqual([{ kind: 'dossier.received', code: counter.code }, { kind: 'dossier.submitted', code: online.code }]);
  });
});
