// Result delivery by post (QĐ 45/2016/QĐ-TTg arts. 9–10; TT 17/2017/TT-BTTTT art. 5.2; DOMAIN §5.2
// steps 9–11): a result leg for a dossier whose applicant chose delivery by post (at intake, also
// online: "online + postal combined" — the leg is made when the result is ready), the courier
// collects the result from the agency with a signed note, delivers it after checking the
// recipient's ID card (or an authorisation), records failed attempts with a reason, and after two
// failed attempts at least two working days apart takes it back to the agency. The delivery does the
// dossier's `return` action (channel post) through the dossiers' returnTogether (a bundle's members delivered together: all of them).
import { sql, type Transaction } from 'kysely';
import { procedureNameById } from '../catalog/references';
import { postOfficeForUnitPath, servicePointPlace } from '../directory/references';
import type { DossierContext, DossierEvent, DossierHook, DossierRow } from '../dossiers/events';
import { getDossier, returnTogether } from '../dossiers/service';
import { loadWorkCalendar } from '../calendar/store';
import { vnDateOfInstant } from '../shared/civil-date';
import type { DB } from '../platform/db/schema';
import { forbidden, invalidTransition, validationFailed } from '../platform/errors';
import { returnToAgencyProblem } from './delivery-rules';
import { foldTrail, mayRecord, sameName, type Position, type SignatureInput } from './model';
import { queuePostalSms } from './notify';
import { resultAddressee } from './result-addressee';
import { getShipment } from './queries';
import { postalStaff, shipmentNotFound, type PostalStaff } from './scope';
import { checkSigner, keepSignatureImages, storeSignature, type SignaturesContext } from './signatures';
import { parseTrackingNumber } from './tracking-number';
import { appendLegEvent, legTrailEvents, lockLeg, nextTrackingNumber, statusOf, type LegRow } from './trail-store';
import type { ShipmentView } from './views';

/**
 * The result leg of a dossier to be delivered by post, made in the caller's transaction (the
 * dossier action's, through the hook below); nothing when the dossier already has one. The post
 * office is the one that received the dossier, else one in the applicant's unit.
 */
export async function createResultLeg(trx: Transaction<DB>, d: Pick<DossierRow, 'code' | 'receiving_service_point_id' | 'unit_path' | 'province_code' | 'applicant_name' | 'applicant_phone' | 'delivery_address' | 'procedure_code' | 'competent_agency_id' | 'personal_id' | 'applicant_unit_id' | 'procedure_id'>, now: Date): Promise<number | null> {
  const existing = await trx.selectFrom('postal_legs as l').innerJoin('postal_shipments as s', 's.id', 'l.shipment_id')
    .select('l.id').where('l.kind', '=', 'result')
    .where((eb) => eb.or([eb('s.dossier_code', '=', d.code), sql<boolean>`l.dossier_codes @> ARRAY[${d.code}]::text[]`])).executeTakeFirst();
  if (existing) return null;
  const pointId = d.receiving_service_point_id ?? await postOfficeForUnitPath(trx, d.unit_path);
  const place = pointId === null ? null : await servicePointPlace(trx, pointId);
  if (!place) return null;
  const to = await resultAddressee(trx, [d]);
  const s = await trx.insertInto('postal_shipments').values({
    service_point_id: place.id, unit_path: place.unitPath, province_code: place.provinceCode, origin: 'dossier', procedure_code: d.procedure_code,
    procedure_name: await procedureNameById(trx, d.procedure_id) ?? d.procedure_code, applicant: JSON.stringify({ name: d.applicant_name, phone: d.applicant_phone ?? '' }),
    personal_id: to.personalId, address: d.delivery_address ?? '', commune_code: to.communeCode, commune_name: to.communeName,
    requested_commune_code: to.communeCode, dossier_code: d.code, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const trackingNumber = await nextTrackingNumber(trx);
  const leg = await trx.insertInto('postal_legs').values({
    shipment_id: s.id, province_code: place.provinceCode, kind: 'result', tracking_number: trackingNumber, status: 'requested', service_point_id: place.id, agency_id: d.competent_agency_id,
    recipient: JSON.stringify({ name: d.applicant_name, personalId: to.personalId }), created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  await appendLegEvent(trx, leg.id, { eventId: `requested-${leg.id}`, kind: 'requested', at: now, source: 'system', payload: { dossierCode: d.code } }, null, now);
  await queuePostalSms(trx, 'resultOnItsWay', { phone: d.applicant_phone, trackingNumber, dossierCode: d.code });
  return s.id;
}

/** The hook of the dossiers' write path: a result ready for delivery by post gets its leg at once. */
export const postalResultHook: DossierHook = {
  afterEvent: async (trx: Transaction<DB>, event: DossierEvent, dossier: DossierRow) => {
    if (event.action === 'markResultReady' && dossier.delivery_method === 'post') await createResultLeg(trx, dossier, event.at);
  },
  intakeWrites: () => [],
};

/** 404 unless the tracking number is a result leg of the courier's post office (checked before the request's content). */
async function assertResultLegHere(ctx: DossierContext, staff: PostalStaff, trackingNumber: string): Promise<void> {
  const leg = await ctx.db.selectFrom('postal_legs').select(['service_point_id', 'kind']).where('tracking_number', '=', parseTrackingNumber(trackingNumber) ?? '').executeTakeFirst();
  if (!leg || leg.service_point_id !== staff.scope.servicePointId || leg.kind !== 'result') throw shipmentNotFound();
}

async function ownResultLeg(trx: Transaction<DB>, staff: PostalStaff, trackingNumber: string): Promise<LegRow> {
  const n = parseTrackingNumber(trackingNumber);
  const leg = n ? await lockLeg(trx, { trackingNumber: n }) : undefined;
  if (!leg || leg.service_point_id !== staff.scope.servicePointId || leg.kind !== 'result') throw shipmentNotFound();
  if (leg.courier_id !== staff.userId) throw forbidden('NOT_YOUR_DELIVERY', 'Việc phát này được giao cho bưu tá khác.');
  return leg;
}

/** The dossier's status as the dossiers capability shows it to the courier (null outside their scope). */
async function dossierStatus(ctx: DossierContext, code: string): Promise<string | null> {
  try {
    return (await getDossier(ctx, code)).status;
  } catch {
    return null;
  }
}

/** The dossiers a result leg carries: a bundle's members delivered together (issue 17 §4), else its shipment's one. */
async function dossiersOf(db: DossierContext['db'], leg: Pick<LegRow, 'shipment_id' | 'dossier_codes'>): Promise<string[]> {
  if (leg.dossier_codes.length > 0) return leg.dossier_codes;
  const code = (await db.selectFrom('postal_shipments').select('dossier_code').where('id', '=', leg.shipment_id).executeTakeFirstOrThrow()).dossier_code;
  return code ? [code] : [];
}

/** The courier collects the result from the agency: both sign the note (QĐ 45 art. 9). */
export async function collectResult(ctx: DossierContext & SignaturesContext, trackingNumber: string, input: { agencySignature: SignatureInput; courierSignature: SignatureInput; position?: Position }): Promise<ShipmentView> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  const now = ctx.clock.now();
  await assertResultLegHere(ctx, staff, trackingNumber);
  checkSigner(input.courierSignature, { name: staff.fullName }, 'courierSignature');
  checkSigner(input.agencySignature, { name: input.agencySignature.name }, 'agencySignature');
  const kept = await keepSignatureImages(ctx, { agency: input.agencySignature, courier: input.courierSignature });
  const shipmentId = await ctx.db.transaction().execute(async (trx) => {
    const leg = await ownResultLeg(trx, staff, trackingNumber);
    if (!mayRecord(statusOf(leg), 'collected')) throw invalidTransition('LEG_NOT_ASSIGNED', 'Kết quả chưa được giao cho bưu tá hoặc đã được nhận.');
    for (const code of await dossiersOf(trx, leg)) {
      if (await dossierStatus(ctx, code) !== 'resultReady') throw invalidTransition('RESULT_NOT_READY', `Hồ sơ ${code} chưa có kết quả để nhận.`);
    }
    const signatures = { agency: await storeSignature(trx, kept.agency, now), courier: await storeSignature(trx, kept.courier, now) };
    await appendLegEvent(trx, leg.id, { eventId: `collected-${leg.id}`, kind: 'collected', at: now, source: 'courier', position: input.position ?? null, payload: { signatures } }, staff, now);
    return leg.shipment_id;
  });
  return getShipment(ctx, shipmentId);
}

export interface AttemptInput {
  readonly outcome: 'delivered' | 'failed';
  /** failed: why (nobody at home, wrong address, refused…) */
  readonly reason?: string;
  /** delivered: who received it, with the ID card number shown; an authorised person also the authorisation */
  readonly recipient?: { readonly name: string; readonly personalId: string; readonly authorisation?: string };
  readonly signature?: SignatureInput;
  readonly position?: Position;
  /** the courier's device id of the attempt: a resend of the same attempt is recorded once */
  readonly eventId?: string;
}

/**
 * A delivery attempt. Delivered: the recipient shows their ID (QĐ 45 art. 10; DOMAIN §5.2 step 10):
 * the applicant themself (name and, when known, ID number must match) or an authorised person with
 * the authorisation; both sign; the dossier's `return` (channel post) is done. Failed: the reason.
 */
export async function recordDeliveryAttempt(ctx: DossierContext & SignaturesContext, trackingNumber: string, input: AttemptInput): Promise<ShipmentView> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  const now = ctx.clock.now();
  const peek = await ctx.db.selectFrom('postal_legs').selectAll().where('tracking_number', '=', parseTrackingNumber(trackingNumber) ?? '').executeTakeFirst();
  if (!peek || peek.service_point_id !== staff.scope.servicePointId || peek.kind !== 'result') throw shipmentNotFound();
  const kind = input.outcome === 'delivered' ? 'delivered' : 'failedAttempt';
  if (input.eventId === undefined && !mayRecord(statusOf(peek), kind)) throw invalidTransition('LEG_NOT_OUT_FOR_DELIVERY', 'Kết quả chưa được nhận từ cơ quan, hoặc đã phát xong.');
  if (input.outcome === 'failed') {
    const reason = input.reason?.trim() ?? '';
    if (reason.length < 3) throw validationFailed('REASON_REQUIRED', 'Cần ghi lý do phát không thành công.', [{ path: 'reason', message: 'bắt buộc' }]);
    const shipmentId = await ctx.db.transaction().execute(async (trx) => {
      const leg = await ownResultLeg(trx, staff, trackingNumber);
      const { inserted } = await appendLegEvent(trx, leg.id, { eventId: input.eventId ?? `failed-${leg.id}-${now.getTime()}`, kind: 'failedAttempt', at: now, source: 'courier', note: reason, position: input.position ?? null, payload: { reason } }, staff, now);
      const s = await trx.selectFrom('postal_shipments').select(['applicant', 'dossier_code']).where('id', '=', leg.shipment_id).executeTakeFirstOrThrow();
      if (inserted) await queuePostalSms(trx, 'failedAttempt', { phone: typeof s.applicant.phone === 'string' ? s.applicant.phone : null, trackingNumber: leg.tracking_number, dossierCode: s.dossier_code, reason });
      return leg.shipment_id;
    });
    return getShipment(ctx, shipmentId);
  }
  const recipient = input.recipient;
  if (!recipient || !/^[0-9]{12}$/.test(recipient.personalId)) throw validationFailed('RECIPIENT_ID_REQUIRED', 'Cần kiểm tra căn cước của người nhận (12 chữ số).', [{ path: 'recipient/personalId', message: 'bắt buộc' }]);
  const expected = peek.recipient as { name?: string; personalId?: string | null } | null;
  const isApplicant = expected?.name !== undefined && sameName(recipient.name, expected.name) && (!expected.personalId || expected.personalId === recipient.personalId);
  if (!isApplicant && !recipient.authorisation?.trim()) {
    throw validationFailed('RECIPIENT_MISMATCH', 'Người nhận không phải người nộp hồ sơ: cần giấy ủy quyền.', [{ path: 'recipient', message: 'không khớp người nộp' }]);
  }
  if (!input.signature) throw validationFailed('SIGNATURE_REQUIRED', 'Cần chữ ký của người nhận.', [{ path: 'signature', message: 'bắt buộc' }]);
  checkSigner(input.signature, { name: recipient.name, personalId: recipient.personalId }, 'signature');
  const kept = await keepSignatureImages(ctx, { signature: input.signature });
  const codes = await dossiersOf(ctx.db, peek);
  const code = codes.join(', ');
  // the dossiers' return (ND 61 art. 20) by post, signed by the recipient, all in one transaction
  // (a bundle's members delivered together); a resend finds them returned already
  const ready = [];
  for (const c of codes) if (await dossierStatus(ctx, c) === 'resultReady') ready.push(c);
  if (ready.length > 0) await returnTogether(ctx, ready, { channel: 'post', signature: { name: recipient.name.trim(), signedAt: now.toISOString() } });
  const shipmentId = await ctx.db.transaction().execute(async (trx) => {
    const leg = await ownResultLeg(trx, staff, trackingNumber);
    const signature = await storeSignature(trx, kept.signature, now);
    const { inserted } = await appendLegEvent(trx, leg.id, {
      eventId: input.eventId ?? `delivered-${leg.id}`, kind: 'delivered', at: now, source: 'courier', position: input.position ?? null,
      payload: { recipient: { name: recipient.name.trim(), personalId: recipient.personalId, authorisation: recipient.authorisation?.trim() || null }, signature },
    }, staff, now);
    const s = await trx.selectFrom('postal_shipments').select(['applicant']).where('id', '=', leg.shipment_id).executeTakeFirstOrThrow();
    if (inserted) await queuePostalSms(trx, 'delivered', { phone: typeof s.applicant.phone === 'string' ? s.applicant.phone : null, trackingNumber: leg.tracking_number, dossierCode: code });
    return leg.shipment_id;
  });
  return getShipment(ctx, shipmentId);
}

/**
 * Takes an undeliverable result back to the agency (QĐ 45 art. 10; DOMAIN §5.2 step 11): only after
 * two failed attempts at least two working days apart (delivery-rules.ts), on the working calendar.
 */
export async function returnResultToAgency(ctx: DossierContext & SignaturesContext, trackingNumber: string, input: { agencySignature: SignatureInput; position?: Position }): Promise<ShipmentView> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  const now = ctx.clock.now();
  await assertResultLegHere(ctx, staff, trackingNumber);
  checkSigner(input.agencySignature, { name: input.agencySignature.name }, 'agencySignature');
  const kept = await keepSignatureImages(ctx, { agency: input.agencySignature });
  const year = Number(vnDateOfInstant(now.getTime()).slice(0, 4));
  const cal = await loadWorkCalendar(ctx.db, { fromYear: year - 1, toYear: year });
  const shipmentId = await ctx.db.transaction().execute(async (trx) => {
    const leg = await ownResultLeg(trx, staff, trackingNumber);
    const trail = foldTrail(await legTrailEvents(trx, leg.id), leg.kind);
    if (trail.status !== 'failedAttempt') throw invalidTransition('LEG_NOT_FAILED', 'Chỉ trả lại cơ quan kết quả đã phát không thành công.');
    const problem = returnToAgencyProblem(trail.failedAttempts, cal.calendar);
    if (problem) throw invalidTransition('RETURN_TOO_EARLY', problem);
    const signature = await storeSignature(trx, kept.agency, now);
    await appendLegEvent(trx, leg.id, { eventId: `returned-${leg.id}`, kind: 'returnedToAgency', at: now, source: 'courier', position: input.position ?? null, payload: { signature } }, staff, now);
    const s = await trx.selectFrom('postal_shipments').select(['applicant', 'dossier_code']).where('id', '=', leg.shipment_id).executeTakeFirstOrThrow();
    await queuePostalSms(trx, 'returnedToAgency', { phone: typeof s.applicant.phone === 'string' ? s.applicant.phone : null, trackingNumber: leg.tracking_number, dossierCode: s.dossier_code });
    return leg.shipment_id;
  });
  return getShipment(ctx, shipmentId);
}

