// "Chuyển hồ sơ giấy đến cơ quan qua bưu chính" (DOMAIN §1.4 step 3, ND 61 art. 18: a paper dossier
// for another agency is forwarded the same working day, BCCI may carry it; §5.5: the post office is
// the counter). A dossier received at a post office's counter is sealed there and travels to its
// competent agency on a toAgency leg (shipment origin `forward`): a courier carries it (the day
// plan), departs with it (`depart`) and the hand-over record at the agency closes the leg. The
// dossier was already received at the counter: its legal receipt time and due time stay the
// counter's (the record keeps them), and no intake happens at the hand-over.
import { couriersOfServicePoint } from '../accounts/references';
import { agencyById, servicePointPlace } from '../directory/references';
import { getDossier, resultPickupFacts } from '../dossiers/service';
import type { ServiceContext } from '../platform/context';
import { conflict, invalidTransition, validationFailed } from '../platform/errors';
import { shipmentById } from './queries';
import { postalStaff, shipmentNotFound } from './scope';
import { openToAgencyLeg } from './to-agency';
import type { ShipmentView } from './views';

export interface ForwardByPostInput {
  /** the courier of the post office who carries it; absent: a dispatcher or a courier takes it later */
  readonly courierId?: number;
  readonly note?: string;
}

/** What a forwarded parcel's draft keeps of its dossier (the note and the hand-over record read it). */
export interface ForwardedDossier {
  readonly dossierCode: string;
  readonly receivedAt: string;
  readonly dueAt: string | null;
  readonly papers: { key: string; name: string; originals: number; copies: number }[];
}

export const forwardedDossierOf = (draft: Record<string, unknown>): ForwardedDossier | null => {
  const f = draft.forwarded as ForwardedDossier | undefined;
  return f && typeof f.dossierCode === 'string' && typeof f.receivedAt === 'string' ? f : null;
};

/**
 * The clerk (`postal.dispatch`) of the post office that received the dossier asks the post to carry
 * its paper to the competent agency: one shipment (origin `forward`, sealed now) with its toAgency
 * leg, `requested` by the clerk and `assigned` when a courier is named. 409 when the dossier is
 * not received yet or already decided, or already travels by post.
 */
export async function forwardByPost(ctx: ServiceContext, code: string, input: ForwardByPostInput = {}): Promise<ShipmentView> {
  const staff = postalStaff(ctx.actor, 'postal.dispatch');
  const now = ctx.clock.now();
  const d = await getDossier(ctx, code); // 404 outside the clerk's scope
  const facts = await resultPickupFacts(ctx.db, d.code);
  if (!facts || facts.receiving_service_point_id !== staff.scope.servicePointId) {
    throw invalidTransition('NOT_RECEIVED_HERE', 'Chỉ bưu cục đã tiếp nhận hồ sơ mới chuyển hồ sơ giấy qua bưu chính.');
  }
  if (d.receivedAt === null || d.finishedAt !== null) {
    throw invalidTransition('DOSSIER_NOT_AT_COUNTER', 'Hồ sơ chưa được tiếp nhận hoặc đã có kết quả: không còn hồ sơ giấy để chuyển.');
  }
  const [agency, place] = await Promise.all([agencyById(ctx.db, facts.competent_agency_id), servicePointPlace(ctx.db, staff.scope.servicePointId)]);
  if (!agency || !place) throw shipmentNotFound();
  let courier: { userId: number; fullName: string } | null = null;
  if (input.courierId !== undefined) {
    courier = (await couriersOfServicePoint(ctx.db, staff.scope.servicePointId)).find((c) => c.userId === input.courierId) ?? null;
    if (!courier) throw validationFailed('COURIER_NOT_FOUND', 'Bưu tá không thuộc bưu cục của bạn.', [{ path: 'courierId', message: 'không thuộc bưu cục' }]);
  }
  const forwarded: ForwardedDossier = {
    dossierCode: d.code, receivedAt: d.receivedAt, dueAt: d.dueAt,
    papers: d.papers.map((p) => ({ key: p.key, name: p.name, originals: p.originals, copies: p.copies })),
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    // one carriage by post per dossier: the lock on the dossier's shipments serialises two clerks
    const earlier = await trx.selectFrom('postal_shipments').select('id').where('dossier_code', '=', d.code).where('origin', '=', 'forward').forUpdate().executeTakeFirst();
    if (earlier) throw conflict('ALREADY_FORWARDED_BY_POST', 'Hồ sơ này đã được yêu cầu chuyển qua bưu chính.');
    const s = await trx.insertInto('postal_shipments').values({
      service_point_id: place.id, unit_path: place.unitPath, province_code: place.provinceCode, origin: 'forward',
      procedure_code: d.procedure.code, procedure_name: d.procedure.name, applicant: JSON.stringify({ name: d.applicant.name, phone: d.applicant.phone ?? '' }),
      personal_id: null, address: agency.name, commune_code: '', commune_name: '', requested_commune_code: '', note: input.note?.trim() || null,
      draft: JSON.stringify({ forwarded }), sealed_at: now, dossier_code: d.code, requested_by: staff.userId, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await openToAgencyLeg(trx, { id: s.id, service_point_id: place.id, province_code: place.provinceCode }, agency.id, courier, now, staff);
    return s.id;
  });
  const view = await shipmentById(ctx.db, id);
  if (!view) throw shipmentNotFound();
  return view;
}

/** What the clerk sees on the dossier's page: the dossier's carriage by post if asked, whether it may be asked, and the post office's couriers. */
export async function forwardByPostView(ctx: ServiceContext, code: string): Promise<{ shipment: ShipmentView | null; mayAsk: boolean; couriers: { id: number; name: string }[] }> {
  const staff = postalStaff(ctx.actor, 'postal.dispatch');
  const d = await getDossier(ctx, code);
  const [facts, earlier, couriers] = await Promise.all([
    resultPickupFacts(ctx.db, d.code),
    ctx.db.selectFrom('postal_shipments').select('id').where('dossier_code', '=', d.code).where('origin', '=', 'forward').executeTakeFirst(),
    couriersOfServicePoint(ctx.db, staff.scope.servicePointId),
  ]);
  const shipment = earlier ? (await shipmentById(ctx.db, earlier.id)) ?? null : null;
  const here = facts?.receiving_service_point_id === staff.scope.servicePointId;
  return {
    shipment, mayAsk: !shipment && here && d.receivedAt !== null && d.finishedAt === null,
    couriers: couriers.map((c) => ({ id: c.userId, name: c.fullName })),
  };
}
