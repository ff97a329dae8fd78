// A scaled-down pilot (3,000 dossiers) through the bulk path: the figures computed from stored
// data keep the pilot's shares, the roll-ups match the event log, and the events are chained.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { runSimulate } from '../cli/simulate';
import { loadEvents } from '../dossiers/events';
import { rebuildDossierFromEvents, differences, toDerived } from '../dossiers/fold';
import { summary } from '../reports/queries';
import { rebuildRollups } from '../reports/rebuild';
import { eventHash, GENESIS_HASH } from '../dossiers/events';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); }, 120_000);
afterAll(async () => { await t?.close(); });

describe('simulate --scenario dong-thap-pilot --dossiers 3000', () => {
  it('reproduces the pilot shares from stored data', async () => {
    const report = await runSimulate(t.db, { scenario: 'dong-thap-pilot', seed: 1, dossiers: 3000 }, undefined, t.pool);
    expect(report.dossiers).toBe(3000);
    const s = await summary(t.db, { unitPath: '/87/' }, { from: '2018-08-01', to: '2022-08-11' });
    expect(s.received).toBe(3000);
    expect(Math.abs((s.onlineShareOfNew ?? 0) - 12.46)).toBeLessThanOrEqual(0.05);
    expect(Math.abs((s.postalShare ?? 0) - 14.54)).toBeLessThanOrEqual(0.05);
    expect(Math.abs((s.provincialCentreReceived / s.received) * 100 - (55_300 / 351_700) * 100)).toBeLessThanOrEqual(0.05);
    expect(s.inProgress).toBe(Math.round((2550 * 3000) / 351_700));
    expect(s.resolved + s.inProgress + s.withdrawn + s.stopped).toBe(3000);
    expect(s.lateShare ?? 1).toBeLessThan(1);
  }, 120_000);

  it('routes each dossier to the catalogue\'s competent body of its time, never a default', async () => {
    const rows = await t.db.selectFrom('dossiers as d').innerJoin('agencies as a', 'a.id', 'd.competent_agency_id')
      .select(['d.procedure_code as code', 'a.kind', 'a.level', 'a.function_code as fn', 'a.name'])
      .select((eb) => eb.fn.countAll<string>().as('n')).groupBy(['d.procedure_code', 'a.kind', 'a.level', 'a.function_code', 'a.name']).execute();
    const of = (code: string) => rows.filter((r) => r.code === code);
    const kinds = (code: string) => [...new Set(of(code).map((r) => `${r.kind}/${r.level}${r.fn ? `/${r.fn}` : ''}`))];
    // police procedures → the district police (the pilot's commune police did not exist in the old directory)
    for (const code of ['3.000347', '1.004222', '1.004194']) expect(kinds(code)).toEqual(['police/district']);
    expect(of('1.004194').every((r) => r.name.startsWith('Công an '))).toBe(true);
    // land at province level → the department holding the land function
    expect(kinds('1.115778')).toEqual(['department/province/nong-nghiep-moi-truong']);
    expect(of('1.115778').map((r) => r.name)).toEqual(['Sở Tài nguyên và Môi trường tỉnh Đồng Tháp']);
    // commune People's Committee procedures → the district People's Committee
    expect(kinds('1.001193')).toEqual(['people_committee/district']);
    // a procedure whose body the catalogue cannot name is not simulated (intake refuses it)
    expect(of('3.000333')).toEqual([]);
    expect(rows.reduce((s, r) => s + Number(r.n), 0)).toBe(3000);
  });

  it('writes roll-ups that a rebuild from the events confirms', async () => {
    const r = await rebuildRollups(t.db);
    expect(r.dossiers).toBe(3000);
    expect(r.differences).toEqual([]);
  }, 120_000);

  it('writes hash-chained events whose fold is the stored row', async () => {
    const rows = await t.db.selectFrom('dossiers').selectAll().orderBy('id').limit(40).execute();
    for (const row of rows) {
      const events = await loadEvents(t.db, row);
      let prev = GENESIS_HASH;
      for (const e of events) {
        expect(e.prevHash).toBe(prev);
        expect(e.hashVersion).toBe(2); // the one definition (event-hash.ts), covering the actor's role
        expect(eventHash(prev, e)).toBe(e.hash);
        prev = e.hash;
      }
      expect(differences(toDerived(row), rebuildDossierFromEvents(events))).toEqual([]);
    }
  });
});
