// Transfer legs (DOMAIN §5.2 step 13; QĐ 45/2016/QĐ-TTg art. 16.2): an agency officer asks the post
// to carry the papers of one or more dossiers to another agency (the liên thông paper path; a
// bundle of linked procedures, issue 17, sends several at once). The post office of the sending
// agency's unit carries it: a courier is assigned (assignCourier), collects the parcel at the
// sending agency (both sign), and hands it over at the receiving agency (the receiver signs with
// their name checked). Each step is a trail event in its own transaction; the dossiers' pages read
// the legs through `dossierTransfers`.
import { sql, type Transaction } from 'kysely';
import { can } from '../accounts/policy';
import { agenciesInForce, agencyById, postOfficeForUnitPath, servicePointPlace } from '../directory/references';
import { getDossier } from '../dossiers/service';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { forbidden, invalidTransition, unauthenticated, validationFailed } from '../platform/errors';
import { vnDateOfInstant, type IsoDate } from '../shared/civil-date';
import { vndText } from '../shared/fee-terms';
import { transferPostage, type TransferPostage } from './charges';
import { mayRecord, type Position, type SignatureInput } from './model';
import { getShipment, legsWithEvents, shipmentById } from './queries';
import { requireWeight } from './parcel-weight';
import { postalStaff, shipmentNotFound, type PostalStaff } from './scope';
import { checkSigner, keepSignatureImages, storeSignature, type SignaturesContext } from './signatures';
import { parseTrackingNumber } from './tracking-number';
import { appendLegEvent, lockLeg, nextTrackingNumber, statusOf, type LegRow } from './trail-store';
import { legView, type LegView, type ShipmentView } from './views';

export interface TransferRequestInput {
  /** the dossiers whose papers travel together (one, or a bundle's) */
  readonly dossierCodes: readonly string[];
  readonly toAgencyId: number;
  /** what the parcel holds, as written on the note ("Tờ trình, biên bản thẩm định…") */
  readonly contents: string;
  readonly note?: string;
}

/** An agency's officer with `postal.transfer`, in their agency (403 otherwise). */
function transferRequester(ctx: ServiceContext): { actor: NonNullable<ServiceContext['actor']>; agencyId: number } {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'postal.transfer')) throw forbidden('FORBIDDEN', 'Bạn không có quyền yêu cầu bưu chính chuyển hồ sơ.');
  if (actor.scope.kind !== 'agency') throw forbidden('NOT_AT_AN_AGENCY', 'Chỉ cán bộ của một cơ quan được yêu cầu chuyển hồ sơ giữa các cơ quan.');
  return { actor, agencyId: actor.scope.agencyId };
}

/**
 * The sending agency asks the post to carry papers to another agency of the province: one
 * shipment (origin `transfer`) with one `transfer` leg at the post office of the sending agency's
 * unit, `requested`. The dossiers must be ones the officer reads.
 */
export async function requestTransfer(ctx: ServiceContext, input: TransferRequestInput): Promise<ShipmentView> {
  const { actor, agencyId } = transferRequester(ctx);
  const now = ctx.clock.now();
  const codes = [...new Set(input.dossierCodes.map((c) => c.trim()))];
  if (codes.length === 0) throw validationFailed('TRANSFER_INVALID', 'Cần ít nhất một hồ sơ để chuyển.', [{ path: 'dossierCodes', message: 'bắt buộc' }]);
  const contents = input.contents.trim();
  if (contents.length < 3) throw validationFailed('TRANSFER_INVALID', 'Cần ghi các giấy tờ được chuyển.', [{ path: 'contents', message: 'bắt buộc' }]);
  const dossiers = [];
  for (const code of codes) dossiers.push(await getDossier(ctx, code));
  const [from, to] = await Promise.all([agencyById(ctx.db, agencyId), agencyById(ctx.db, input.toAgencyId)]);
  if (!from || !to || to.provinceCode !== from.provinceCode || to.id === from.id) {
    throw validationFailed('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan nhận hồ sơ trong tỉnh (khác cơ quan gửi).', [{ path: 'toAgencyId', message: 'không hợp lệ' }]);
  }
  const pointId = await postOfficeForUnitPath(ctx.db, from.unitPath);
  const place = pointId === null ? null : await servicePointPlace(ctx.db, pointId);
  if (!place) throw validationFailed('NO_POST_OFFICE', 'Chưa có bưu cục phục vụ địa bàn của cơ quan.', [{ path: 'toAgencyId', message: 'không có bưu cục' }]);
  const first = dossiers[0];
  const id = await ctx.db.transaction().execute(async (trx) => {
    const s = await trx.insertInto('postal_shipments').values({
      service_point_id: place.id, unit_path: place.unitPath, province_code: place.provinceCode, origin: 'transfer',
      procedure_code: first?.procedure.code ?? '', procedure_name: first?.procedure.name ?? '',
      applicant: JSON.stringify({ name: from.name, phone: '' }), personal_id: null, address: to.name, commune_code: '', commune_name: '',
      requested_commune_code: '', note: input.note?.trim() || null, dossier_code: first?.code ?? null, requested_by: actor.userId, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const trackingNumber = await nextTrackingNumber(trx);
    const leg = await trx.insertInto('postal_legs').values({
      shipment_id: s.id, province_code: place.provinceCode, kind: 'transfer', tracking_number: trackingNumber, status: 'requested', service_point_id: place.id, agency_id: to.id, from_agency_id: from.id,
      dossier_codes: codes, contents, recipient: JSON.stringify({ name: to.name, personalId: null }), created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await appendLegEvent(trx, leg.id, { eventId: `requested-${leg.id}`, kind: 'requested', at: now, source: 'staff', payload: { fromAgencyId: from.id, toAgencyId: to.id, dossierCodes: codes } }, actor, now);
    return s.id;
  });
  // the requesting officer reads it here and on the dossier's page; the post office's staff through getShipment
  const view = await shipmentById(ctx.db, id);
  if (!view) throw shipmentNotFound();
  return view;
}

/** The agencies of the officer's province their agency may send papers to (not itself). */
export async function transferAgencies(ctx: ServiceContext): Promise<{ items: { id: number; name: string }[] }> {
  const { agencyId } = transferRequester(ctx);
  const own = await agencyById(ctx.db, agencyId);
  if (!own) return { items: [] };
  const all = await agenciesInForce(ctx.db, own.provinceCode);
  return { items: all.filter((a) => a.id !== own.id).map((a) => ({ id: a.id, name: a.name })) };
}

/** The transfer legs that carry a dossier's papers, for its page (whoever reads the dossier). */
export async function dossierTransfers(ctx: ServiceContext, code: string): Promise<{ items: (LegView & { fromAgencyId: number | null; contents: string | null; dossierCodes: string[] })[] }> {
  await getDossier(ctx, code);
  const legs = await ctx.db.selectFrom('postal_legs').select(['id', 'shipment_id', 'from_agency_id', 'contents', 'dossier_codes'])
    .where('kind', '=', 'transfer').where(sql<boolean>`dossier_codes @> ARRAY[${code}]::text[]`).orderBy('id').execute();
  const withEvents = await legsWithEvents(ctx.db, [...new Set(legs.map((l) => l.shipment_id))]);
  return {
    items: legs.flatMap((l) => {
      const row = withEvents.get(l.shipment_id)?.find((x) => x.id === l.id);
      return row ? [{ ...legView(row), fromAgencyId: l.from_agency_id, contents: l.contents, dossierCodes: l.dossier_codes }] : [];
    }),
  };
}

async function ownTransferLeg(trx: Transaction<DB>, staff: PostalStaff, trackingNumber: string): Promise<LegRow> {
  const leg = await lockLeg(trx, { trackingNumber: parseTrackingNumber(trackingNumber) ?? '' });
  if (!leg || leg.service_point_id !== staff.scope.servicePointId || leg.kind !== 'transfer') throw shipmentNotFound();
  if (leg.courier_id !== staff.userId) throw forbidden('NOT_YOUR_TRANSFER', 'Việc chuyển này được giao cho bưu tá khác.');
  return leg;
}

/** 404 unless the tracking number is a transfer leg of the courier's post office (checked before the request's content); its two agencies. */
async function assertTransferLegHere(ctx: ServiceContext, staff: PostalStaff, trackingNumber: string): Promise<{ fromAgencyId: number | null; toAgencyId: number | null }> {
  const leg = await ctx.db.selectFrom('postal_legs').select(['service_point_id', 'kind', 'from_agency_id', 'agency_id'])
    .where('tracking_number', '=', parseTrackingNumber(trackingNumber) ?? '').executeTakeFirst();
  if (!leg || leg.service_point_id !== staff.scope.servicePointId || leg.kind !== 'transfer') throw shipmentNotFound();
  return { fromAgencyId: leg.from_agency_id, toAgencyId: leg.agency_id };
}

const grams = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} g`;

/** One signed step of a transfer (collected at the sender, handed over at the receiver), in one transaction. */
async function signedTransferStep(ctx: SignaturesContext, now: Date, trackingNumber: string, kind: 'collected' | 'handedOver', signatures: Record<string, SignatureInput>, extra: { position?: Position; receiver?: { name: string; personalId?: string }; postage?: TransferPostage }): Promise<ShipmentView> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  // the PNGs into the one file store before the transaction (signatures.ts)
  const kept = await keepSignatureImages(ctx, signatures);
  const shipmentId = await ctx.db.transaction().execute(async (trx) => {
    const leg = await ownTransferLeg(trx, staff, trackingNumber);
    if (!mayRecord(statusOf(leg), kind)) {
      throw invalidTransition(kind === 'collected' ? 'LEG_NOT_ASSIGNED' : 'LEG_NOT_COLLECTED', kind === 'collected' ? 'Việc chuyển chưa được giao cho bưu tá hoặc đã nhận.' : 'Bưu tá chưa nhận hồ sơ tại cơ quan gửi, hoặc đã bàn giao.');
    }
    const stored: Record<string, unknown> = {};
    for (const [role, sig] of Object.entries(kept)) stored[role] = await storeSignature(trx, sig, now);
    const postage = extra.postage;
    await appendLegEvent(trx, leg.id, {
      eventId: `${kind}-${leg.id}`, kind, at: now, source: 'courier', position: extra.position ?? null,
      ...(extra.receiver ? { note: `Người nhận: ${extra.receiver.name.trim()}` } : {}),
      ...(postage ? { note: `Khối lượng ${grams(postage.weightGrams)}, cước ${vndText(postage.amountVnd)} (cơ quan gửi trả)` } : {}),
      payload: {
        signatures: stored, ...(extra.receiver ? { receiver: { name: extra.receiver.name.trim(), personalId: extra.receiver.personalId ?? null } } : {}),
        ...(postage ? { postage } : {}),
      },
    }, staff, now);
    // the leg keeps its postage: the statement reads it, a later tariff does not change it
    if (postage) {
      await trx.updateTable('postal_legs').set({
        weight_grams: postage.weightGrams, postage_vnd: postage.amountVnd, postage_zone: postage.zone, postage_tariff_id: postage.tariffId, postage_at: now,
      }).where('id', '=', leg.id).execute();
    }
    return leg.shipment_id;
  });
  return getShipment(ctx, shipmentId);
}

/** The postage a transfer's parcel of `weightGrams` would be billed today (the courier's screen, before the collection). */
export async function transferQuote(ctx: ServiceContext, trackingNumber: string, weightGrams: number | undefined): Promise<TransferPostage> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  const agencies = await assertTransferLegHere(ctx, staff, trackingNumber);
  return transferPostage(ctx, agencies, requireWeight(weightGrams), vnDateOfInstant(ctx.clock.now().getTime()) as IsoDate);
}

/**
 * The courier collects the papers at the sending agency: weighs the parcel (400 `WEIGHT_MISSING`
 * without a weight, `WEIGHT_OUT_OF_RANGE` outside whole grams 1–30 000), the agency's officer and
 * the courier sign. The leg keeps the postage of that weight, billed to the sending agency (DOMAIN §5.4).
 */
export async function collectTransfer(ctx: SignaturesContext, trackingNumber: string, input: { weightGrams?: number; senderSignature: SignatureInput; courierSignature: SignatureInput; position?: Position }): Promise<ShipmentView> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  const now = ctx.clock.now();
  const agencies = await assertTransferLegHere(ctx, staff, trackingNumber);
  const weightGrams = requireWeight(input.weightGrams);
  checkSigner(input.courierSignature, { name: staff.fullName }, 'courierSignature');
  checkSigner(input.senderSignature, { name: input.senderSignature.name }, 'senderSignature');
  const postage = await transferPostage(ctx, agencies, weightGrams, vnDateOfInstant(now.getTime()) as IsoDate);
  return signedTransferStep(ctx, now, trackingNumber, 'collected', { sender: input.senderSignature, courier: input.courierSignature }, { postage, ...(input.position ? { position: input.position } : {}) });
}

/** The courier hands the papers to the receiving agency: the receiver signs (name and ID checked against what they state). */
export async function handOverTransfer(ctx: SignaturesContext, trackingNumber: string, input: { receiver: { name: string; personalId?: string }; receiverSignature: SignatureInput; courierSignature: SignatureInput; position?: Position }): Promise<ShipmentView> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  await assertTransferLegHere(ctx, staff, trackingNumber);
  checkSigner(input.courierSignature, { name: staff.fullName }, 'courierSignature');
  checkSigner(input.receiverSignature, { name: input.receiver.name, personalId: input.receiver.personalId ?? null }, 'receiverSignature');
  return signedTransferStep(ctx, ctx.clock.now(), trackingNumber, 'handedOver', { receiver: input.receiverSignature, courier: input.courierSignature }, { receiver: input.receiver, ...(input.position ? { position: input.position } : {}) });
}
