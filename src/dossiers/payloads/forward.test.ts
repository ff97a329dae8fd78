import { describe, expect, it } from 'vitest';
import { forwardPayload } from './forward';
import { argsFor } from './args.test-helper';
import { useWorld } from '../world.test-helper';
import type { DossierRow } from '../events';

const { w } = useWorld();

describe('forward payload ("Chuyển đến <agency>")', () => {
  const args = (row: Partial<DossierRow>, note?: string) => {
    const a = argsFor(note === undefined ? {} : { note }, { row });
    return { ...a, ctx: { ...a.ctx, db: w.db } };
  };

  it('names the competent agency of the dossier (not of the input) and a paper hand-over by default', async () => {
    expect(await forwardPayload(args({ competent_agency_id: w.communeAgency.id, unit_path: '/82/28756/', channel: 'counter' }, ' Chuyển bản giấy ')))
      .toEqual({ reason: undefined, note: 'Chuyển bản giấy', toAgencyId: w.communeAgency.id, toAgencyName: 'Ủy ban nhân dân xã Một', unitPath: '/82/28756/', handover: 'paper', automatic: false });
  });

  it('an agency configured for electronic hand-over, or an online dossier, is handed over electronically', async () => {
    expect(await forwardPayload(args({ competent_agency_id: w.communeAgency.id, unit_path: '/82/', channel: 'online' })))
      .toMatchObject({ handover: 'electronic', automatic: false });
    await w.db.updateTable('agencies').set({ handover: 'electronic' }).where('id', '=', w.otherAgency.id).execute();
    expect(await forwardPayload(args({ competent_agency_id: w.otherAgency.id, unit_path: '/7/', channel: 'postal' })))
      .toMatchObject({ toAgencyName: 'Ủy ban nhân dân xã Hai', handover: 'electronic' });
  });

  it('a dossier whose competent agency does not exist is a 404, not a 500', async () => {
    await expect(forwardPayload(args({ competent_agency_id: 2_000_000_000, channel: 'counter' }))).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
  });
});
