// Biên bản giao nhận hồ sơ (QĐ 45/2016/QĐ-TTg art. 7; TT 17/2017/TT-BTTTT art. 5.1; DOMAIN §5.2
// steps 6–8): the courier hands a batch of sealed parcels to the agency's receiver; both count them
// against the consignment notes and sign. The signature time is each dossier's legal filing time
// (art. 7.2): each parcel becomes a dossier then, received through the dossiers' intake (channel
// postal, due time from the signature on the working calendar). The fees collected are remitted to
// the agency with the record and reconciled.
import { agencyById, servicePointPlace } from '../directory/references';
import { receivePostalDossier, recordPostalHandover } from '../dossiers/service';
import type { DossierContext } from '../dossiers/events';
import type { ApplicantInput, IntakeInput, PaperInput } from '../dossiers/model';
import { linkReceiptsToDossier } from '../payments/receipts';
import { nextRegisterNumberSql } from '../platform/registers';
import { conflict, forbidden, invalidTransition, notFound, validationFailed } from '../platform/errors';
import { vnDateOfInstant } from '../shared/civil-date';
import { mayRecord, type SignatureInput } from './model';
import { queuePostalSms } from './notify';
import { postalStaff, shipmentNotFound, type PostalStaff } from './scope';
import { checkSigner, keepSignatureImages, storeSignature, type SignaturesContext } from './signatures';
import { forwardedDossierOf, type ForwardedDossier } from './forward-by-post';
import { departToAgency, openToAgencyLeg } from './to-agency';
import { parseTrackingNumber } from './tracking-number';
import { appendLegEvent, statusOf } from './trail-store';

/** The hand-over records' register among the service point's registers (src/platform/registers.ts). */
export const HANDOVER_REGISTER = 'postal-handover';

export interface HandoverInput {
  readonly agencyId: number;
  readonly trackingNumbers: readonly string[];
  readonly receiver: { readonly name: string; readonly personalId?: string };
  readonly courierSignature: SignatureInput;
  readonly receiverSignature: SignatureInput;
  /** what the agency's receiver counted of the fees handed over; absent: all that was collected */
  readonly remittedVnd?: number;
}

export interface HandoverItemView {
  readonly shipmentId: number;
  readonly trackingNumber: string;
  readonly dossierCode: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly feeVnd: number;
}

export interface HandoverRecordView {
  readonly id: number;
  /** "0003/BBGN-2026" */
  readonly number: string;
  readonly agencyId: number;
  readonly agencyName: string;
  readonly courierName: string;
  readonly receiverName: string;
  readonly signedAt: string;
  readonly statement: string;
  readonly items: HandoverItemView[];
  readonly remittance: { collectedVnd: number; remittedVnd: number; reconciled: boolean };
}

export const formatHandoverNumber = (year: number, serial: number): string => `${String(serial).padStart(4, '0')}/BBGN-${year}`;

interface Parcel {
  shipmentId: number; servicePointId: number; pickupLegId: number | null; pickupNumber: string; feeVnd: number; phone: string | null;
  /** a pickup's parcel becomes a dossier at the signature; a forwarded dossier was received at its counter */
  intake: IntakeInput | null; forwarded: ForwardedDossier | null;
}

/**
 * A parcel of the record, named by its pickup or its toAgency number: a sealed pickup of the
 * courier's post office whose toAgency leg (if opened) has not reached an agency yet, or a dossier
 * its counter forwards by post (origin `forward`, its toAgency number).
 */
async function parcelOf(ctx: DossierContext, staff: PostalStaff, n: string): Promise<Parcel> {
  const named = await ctx.db.selectFrom('postal_legs').selectAll().where('tracking_number', '=', n).executeTakeFirst();
  const s = named ? await ctx.db.selectFrom('postal_shipments').selectAll().where('id', '=', named.shipment_id).executeTakeFirst() : undefined;
  if (!named || !s || (named.kind !== 'pickup' && named.kind !== 'toAgency') || s.service_point_id !== staff.scope.servicePointId) throw shipmentNotFound();
  const legs = await ctx.db.selectFrom('postal_legs').selectAll().where('shipment_id', '=', s.id).where('kind', 'in', ['pickup', 'toAgency']).execute();
  const pickup = legs.find((l) => l.kind === 'pickup');
  const toAgency = legs.find((l) => l.kind === 'toAgency');
  const forwarded = s.origin === 'forward' ? forwardedDossierOf(s.draft) : null;
  const open = toAgency ? statusOf(toAgency) !== 'handedOver' : pickup !== undefined && mayRecord(statusOf(pickup), 'handedOver');
  if ((!pickup && !forwarded) || !open || s.sealed_at === null) throw invalidTransition('PARCEL_NOT_COLLECTED', `Bưu gửi ${n} chưa được nhận và niêm phong, hoặc đã bàn giao.`);
  // checked before any dossier is received: only the courier carrying the parcel hands it over
  if (toAgency?.courier_id != null && toAgency.courier_id !== staff.userId) throw forbidden('NOT_YOUR_PARCEL', `Bưu gửi ${n} được giao cho bưu tá khác chuyển đến cơ quan.`);
  const common = { shipmentId: s.id, servicePointId: s.service_point_id, pickupLegId: pickup?.id ?? null, pickupNumber: (pickup ?? named).tracking_number, feeVnd: s.fee_vnd };
  if (forwarded) return { ...common, phone: null, intake: null, forwarded };
  const d = s.draft as { applicant: ApplicantInput; papers: PaperInput[]; formData?: Record<string, unknown>; caseKey?: string; situation?: string; delivery?: IntakeInput['delivery'] };
  return {
    ...common, phone: d.applicant.phone ?? null, forwarded: null,
    intake: {
      procedureCode: s.procedure_code, channel: 'postal', applicant: { ...d.applicant, unitCode: d.applicant.unitCode ?? s.commune_code },
      papers: d.papers, formData: d.formData ?? {}, ...(d.caseKey ? { caseKey: d.caseKey } : {}), ...(d.situation ? { situation: d.situation } : {}), ...(d.delivery ? { delivery: d.delivery } : {}),
    },
  };
}

/**
 * Signs a hand-over record. The parcels (pickup or toAgency numbers) must be sealed pickups of the
 * courier's post office, not yet handed over; the record closes their toAgency legs. Each dossier is received (idempotently per shipment: a retry receives none twice),
 * then one transaction writes the record, its items, the remittance, the legs' `handedOver` events
 * and the SMS (the dossier's own receipt SMS is sent by its intake).
 */
export async function signHandoverRecord(ctx: DossierContext & SignaturesContext, input: HandoverInput): Promise<HandoverRecordView> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  const signedAt = ctx.clock.now();
  const numbers = input.trackingNumbers.map((t) => parseTrackingNumber(t));
  if (numbers.length === 0 || numbers.some((n) => n === null)) throw validationFailed('TRACKING_NUMBER_INVALID', 'Số hiệu bưu gửi không đúng (sai chữ số kiểm tra).', [{ path: 'trackingNumbers', message: 'không hợp lệ' }]);
  if (new Set(numbers).size !== numbers.length) throw validationFailed('TRACKING_NUMBER_REPEATED', 'Một bưu gửi được ghi hai lần trong biên bản.', [{ path: 'trackingNumbers', message: 'bị lặp' }]);
  const [agency, place] = await Promise.all([agencyById(ctx.db, input.agencyId), servicePointPlace(ctx.db, staff.scope.servicePointId)]);
  if (!agency || !place || agency.provinceCode !== place.provinceCode) throw validationFailed('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan nhận hồ sơ trong tỉnh.', [{ path: 'agencyId', message: 'không tồn tại' }]);
  checkSigner(input.courierSignature, { name: staff.fullName }, 'courierSignature');
  checkSigner(input.receiverSignature, { name: input.receiver.name, personalId: input.receiver.personalId ?? null }, 'receiverSignature');

  const parcels: Parcel[] = [];
  for (const n of numbers as string[]) {
    const p = await parcelOf(ctx, staff, n);
    if (parcels.some((q) => q.shipmentId === p.shipmentId)) throw validationFailed('TRACKING_NUMBER_REPEATED', 'Một bưu gửi được ghi hai lần trong biên bản.', [{ path: 'trackingNumbers', message: 'bị lặp' }]);
    parcels.push(p);
  }
  // QĐ 45 art. 7.2: received at the signature; one intake per parcel, idempotent per shipment
  const kept = await keepSignatureImages(ctx, { courier: input.courierSignature, receiver: input.receiverSignature });
  const received: { code: string; dueAt: string | null; receivedAt: Date | null }[] = [];
  for (const p of parcels) {
    if (p.forwarded) received.push({ code: p.forwarded.dossierCode, dueAt: p.forwarded.dueAt, receivedAt: new Date(p.forwarded.receivedAt) });
    else if (p.intake) received.push({ ...(await receivePostalDossier(ctx, p.intake, signedAt, `postal-shipment-${p.shipmentId}`)), receivedAt: null });
  }

  const collected = parcels.reduce((a, p) => a + p.feeVnd, 0);
  const remitted = input.remittedVnd ?? collected;
  const statement = `Bên giao và bên nhận đã kiểm đếm ${parcels.length} bưu gửi hồ sơ theo phiếu gửi, hồ sơ đầy đủ, nguyên niêm phong.`;
  const year = Number(vnDateOfInstant(signedAt.getTime()).slice(0, 4));
  const recordId = await ctx.db.transaction().execute(async (trx) => {
    for (const p of parcels) {
      const done = await trx.selectFrom('postal_handover_items').select('record_id').where('shipment_id', '=', p.shipmentId).executeTakeFirst();
      if (done) throw conflict('PARCEL_ALREADY_HANDED_OVER', `Bưu gửi ${p.pickupNumber} đã có trong một biên bản giao nhận khác.`);
    }
    const taken = await nextRegisterNumberSql({ servicePointId: place.id, year, register: HANDOVER_REGISTER, provinceCode: place.provinceCode }).execute(trx);
    const serial = taken.rows[0]?.last_number;
    if (serial === undefined) throw new Error('hand-over register: no number taken');
    const courierSig = await storeSignature(trx, kept.courier, signedAt);
    const receiverSig = await storeSignature(trx, kept.receiver, signedAt);
    const record = await trx.insertInto('postal_handover_records').values({
      service_point_id: place.id, province_code: place.provinceCode, unit_path: place.unitPath, year, number: serial, agency_id: agency.id, agency_name: agency.name,
      courier_id: staff.userId, courier_name: staff.fullName, receiver_name: input.receiver.name.normalize('NFC').trim(),
      receiver_personal_id: input.receiver.personalId ?? null, courier_signature_id: courierSig.id, receiver_signature_id: receiverSig.id, signed_at: signedAt, statement,
    }).returning('id').executeTakeFirstOrThrow();
    for (const [i, p] of parcels.entries()) {
      const r = received[i];
      if (!r) continue;
      // the pickup ends at the post office, the toAgency leg here (opened now for a parcel sealed before it existed)
      await openToAgencyLeg(trx, { id: p.shipmentId, service_point_id: p.servicePointId, province_code: place.provinceCode }, agency.id, staff, signedAt);
      const leg = await departToAgency(trx, p.shipmentId, staff, signedAt);
      await trx.insertInto('postal_handover_items').values({
        record_id: record.id, province_code: place.provinceCode, shipment_id: p.shipmentId, leg_id: leg.id, tracking_number: leg.tracking_number, dossier_code: r.code,
        due_at: r.dueAt === null ? null : new Date(r.dueAt), fee_vnd: p.feeVnd, received_at: r.receivedAt,
      }).execute();
      await trx.updateTable('postal_shipments').set((eb) => ({ dossier_code: r.code, version: eb('version', '+', 1) })).where('id', '=', p.shipmentId).execute();
      await trx.updateTable('postal_legs').set({ agency_id: agency.id }).where('id', 'in', p.pickupLegId === null ? [leg.id] : [leg.id, p.pickupLegId]).execute();
      await linkReceiptsToDossier(trx, p.shipmentId, r.code);
      await appendLegEvent(trx, leg.id, {
        eventId: `handedOver-${leg.id}`, kind: 'handedOver', at: signedAt, source: 'courier',
        payload: { recordId: record.id, dossierCode: r.code, agencyId: agency.id, receiver: input.receiver.name, signatures: { courier: courierSig, receiver: receiverSig } },
      }, staff, signedAt);
      // a forwarded dossier's paper is now at its agency: its `forward`, at the signature (the clerk's list no longer holds it);
      // its applicant already holds the counter's receipt and its due date
      if (p.forwarded) await recordPostalHandover(trx, ctx, r.code, { agencyId: agency.id, recordNumber: formatHandoverNumber(year, serial), trackingNumber: leg.tracking_number, receiverName: input.receiver.name.normalize('NFC').trim() }, signedAt);
      if (!p.forwarded) await queuePostalSms(trx, 'handedOver', { phone: p.phone, trackingNumber: p.pickupNumber, dossierCode: r.code, date: r.dueAt });
    }
    await trx.insertInto('postal_remittances').values({ record_id: record.id, province_code: place.provinceCode, agency_id: agency.id, collected_vnd: collected, remitted_vnd: remitted, reconciled: remitted === collected, at: signedAt }).execute();
    return record.id;
  });
  return handoverRecordView(ctx, recordId);
}

/** A hand-over record of the actor's post office (404 elsewhere). */
export async function handoverRecordView(ctx: DossierContext, id: number): Promise<HandoverRecordView> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  const r = await ctx.db.selectFrom('postal_handover_records').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r || r.service_point_id !== staff.scope.servicePointId) throw handoverNotFound();
  return loadHandoverRecord(ctx, r.id);
}

const handoverNotFound = () => notFound('HANDOVER_NOT_FOUND', 'Không tìm thấy biên bản giao nhận.');

export async function loadHandoverRecord(ctx: Pick<DossierContext, 'db'>, id: number): Promise<HandoverRecordView> {
  const r = await ctx.db.selectFrom('postal_handover_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const items = await ctx.db.selectFrom('postal_handover_items').selectAll().where('record_id', '=', id).orderBy('tracking_number').execute();
  const m = await ctx.db.selectFrom('postal_remittances').selectAll().where('record_id', '=', id).executeTakeFirstOrThrow();
  return {
    id: r.id, number: formatHandoverNumber(r.year, r.number), agencyId: r.agency_id, agencyName: r.agency_name, courierName: r.courier_name,
    receiverName: r.receiver_name, signedAt: r.signed_at.toISOString(), statement: r.statement,
        // a forwarded dossier keeps its counter's receipt time; a pickup's parcel is received at the signature
    items: items.map((i) => ({ shipmentId: i.shipment_id, trackingNumber: i.tracking_number, dossierCode: i.dossier_code, receivedAt: (i.received_at ?? r.signed_at).toISOString(), dueAt: i.due_at?.toISOString() ?? null, feeVnd: i.fee_vnd })),
    remittance: { collectedVnd: m.collected_vnd, remittedVnd: m.remitted_vnd, reconciled: m.reconciled },
  };
}
