// Which result leg a dossier's result takes (issue 17 §4): alone, as chosen at its intake (the
// default), or as a capability above postal says — src/bundles, wired in src/app.ts, for a bundle's
// members: none (returned at the counter), held (all together, not all ready yet), its own leg to
// the bundle's address, or ONE leg for every member ready (one S10 number, one consignment note
// listing each dossier), made in the transaction of the event that made them all ready.
import type { Transaction } from 'kysely';
import type { DossierEvent, DossierHook, DossierRow } from '../dossiers/events';
import type { DB } from '../platform/db/schema';
import { sql } from 'kysely';
import { postOfficeForUnitPath, servicePointPlace } from '../directory/references';
import { queuePostalSms } from './notify';
import { resultAddressee } from './result-addressee';
import { createResultLeg } from './results';
import { appendLegEvent, nextTrackingNumber } from './trail-store';

export type ResultPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'hold' }
  | { readonly kind: 'single'; readonly address: string }
  | {
    readonly kind: 'together';
    /** the dossiers delivered together, the first named on the shipment */
    readonly codes: readonly string[];
    readonly address: string;
    /** what the parcel holds, as the courier and the note read it ("Kết quả hồ sơ liên thông …") */
    readonly contents: string;
    /** where the results come back to before the delivery (the receiving one-stop's agency) */
    readonly agencyId: number;
  };

/** The plan for a dossier, in the event's transaction; null: not another capability's concern (its own delivery choice). */
export type ResultPlanSource = (trx: Transaction<DB>, dossier: DossierRow) => Promise<ResultPlan | null>;

/** The events after which a group may have become complete: a result, or a member ending without one. */
const MAY_COMPLETE: readonly string[] = ['markResultReady', 'refuse', 'reject', 'stop', 'withdraw'];

/** The result hook with a planner (src/app.ts gives the bundles' one). */
export function postalResultHookWith(deps: { readonly plan?: ResultPlanSource }): DossierHook {
  return {
    intakeWrites: () => [],
    afterEvent: async (trx: Transaction<DB>, event: DossierEvent, dossier: DossierRow) => {
      if (!MAY_COMPLETE.includes(event.action)) return;
      const plan = deps.plan ? await deps.plan(trx, dossier) : null;
      if (plan === null) {
        if (event.action === 'markResultReady' && dossier.delivery_method === 'post') await createResultLeg(trx, dossier, event.at);
        return;
      }
      if (plan.kind === 'single' && event.action === 'markResultReady') await createResultLeg(trx, { ...dossier, delivery_address: plan.address }, event.at);
      if (plan.kind === 'together') await createGroupedResultLeg(trx, dossier, plan, event.at);
    },
  };
}

/** The one result leg of several dossiers (none when one of them already has a result leg). */
export async function createGroupedResultLeg(trx: Transaction<DB>, d: Pick<DossierRow, 'code' | 'receiving_service_point_id' | 'unit_path' | 'applicant_name' | 'applicant_phone' | 'procedure_code' | 'personal_id' | 'applicant_unit_id'>, plan: Extract<ResultPlan, { kind: 'together' }>, now: Date): Promise<number | null> {
  const codes = [...plan.codes];
  const first = codes[0];
  if (first === undefined) return null;
  const existing = await trx.selectFrom('postal_legs as l').innerJoin('postal_shipments as s', 's.id', 'l.shipment_id').select('l.id').where('l.kind', '=', 'result')
    .where((eb) => eb.or([eb('s.dossier_code', 'in', codes), sql<boolean>`l.dossier_codes && ${sql.val(codes)}::text[]`])).executeTakeFirst();
  if (existing) return null;
  const pointId = d.receiving_service_point_id ?? await postOfficeForUnitPath(trx, d.unit_path);
  const place = pointId === null ? null : await servicePointPlace(trx, pointId);
  if (!place) return null;
  // the members share one applicant: the first's ID and commune (a member collected at home: its pickup's)
  const to = await resultAddressee(trx, [d, ...codes.filter((c) => c !== d.code).map((code) => ({ code, personal_id: null, applicant_unit_id: null }))]);
  const s = await trx.insertInto('postal_shipments').values({
    service_point_id: place.id, unit_path: place.unitPath, province_code: place.provinceCode, origin: 'dossier', procedure_code: d.procedure_code,
    procedure_name: plan.contents, applicant: JSON.stringify({ name: d.applicant_name, phone: d.applicant_phone ?? '' }),
    personal_id: to.personalId, address: plan.address, commune_code: to.communeCode, commune_name: to.communeName,
    requested_commune_code: to.communeCode, dossier_code: first, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const trackingNumber = await nextTrackingNumber(trx);
  const leg = await trx.insertInto('postal_legs').values({
    shipment_id: s.id, province_code: place.provinceCode, kind: 'result', tracking_number: trackingNumber, status: 'requested', service_point_id: place.id, agency_id: plan.agencyId,
    dossier_codes: codes, contents: plan.contents,
    recipient: JSON.stringify({ name: d.applicant_name, personalId: to.personalId }), created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await appendLegEvent(trx, leg.id, { eventId: `requested-${leg.id}`, kind: 'requested', at: now, source: 'system', payload: { dossierCodes: codes } }, null, now);
  await queuePostalSms(trx, 'resultOnItsWay', { phone: d.applicant_phone, trackingNumber, dossierCode: codes.join(', ') });
  return s.id;
}
