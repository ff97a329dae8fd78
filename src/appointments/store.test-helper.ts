// Test data for what a document store holds: a birth notice ("Giấy chứng sinh", paper p2 of the
// world's procedure) digitized at an earlier intake, with or without the holder's consent to reuse.
import { receiveDossier } from '../dossiers/service';
import type { World } from '../dossiers/world.test-helper';

export async function storeBirthNotice(w: World, personalId: string, o: { consent: boolean }): Promise<void> {
  const received = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId }));
  const dossier = await w.db.selectFrom('dossiers').select(['id', 'code', 'province_code']).where('code', '=', received.code).executeTakeFirstOrThrow();
  if (o.consent) {
    await w.db.insertInto('store_consents').values({ holder_kind: 'person', holder_id: personalId, purpose: 'reuse', given_at: w.clock.now(), given_via: 'counter', recorded_by: w.actors.clerk.userId }).execute();
  }
  await w.db.insertInto('store_documents').values({
    holder_kind: 'person', holder_id: personalId, paper_key: 'p2', doc_type: 'birthNotice', title: 'Giấy chứng sinh', file_id: 1, source_kind: 'digitized',
    source_dossier_id: dossier.id, province_code: dossier.province_code, source_dossier_code: dossier.code, source_procedure_code: w.procedureCode, filed_by: null, valid_from: null, valid_until: null, created_at: w.clock.now(),
  }).execute();
}
