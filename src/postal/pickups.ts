// Pickup requests and the work at the applicant's door (QĐ 45/2016/QĐ-TTg art. 6; TT 17/2017/
// TT-BTTTT art. 5.1; DOMAIN §5.2 steps 1–5): a request from the portal, the counter or a phone
// operator; a courier assigned; the draft of the dossier-to-be (e-form prefilled from the ID-card
// QR, papers checked against the procedure's list, scans); the collection — fees and postage with
// a numbered receipt, both signatures, the parcel sealed. Until the hand-over there is no dossier.
import { situationProblem } from '../catalog/situations';
import { can } from '../accounts/policy';
import { couriersOfServicePoint } from '../accounts/references';
import { procedureForIntake, type ProcedureForIntake } from '../catalog/references';
import { servicePointIdByCode, servicePointPlace } from '../directory/references';
import { checkApplicant, checkPapers, type ApplicantInput, type PaperInput } from '../dossiers/model';
import { issueReceipt, receiptProblems, type PaymentMethod, type ReceiptItem } from '../payments/receipts';
import type { ServiceContext } from '../platform/context';
import { conflict, forbidden, invalidTransition, unauthenticated, validationFailed, type ErrorDetail } from '../platform/errors';
import { isUnnamedCase } from '../shared/case-names';
import { parseIdCardQr } from '../shared/id-card-qr';
import { validateEform } from '../shared/eform-validation';
import { vnDateOfInstant } from '../shared/civil-date';
import { checkCollectedPostage } from './charges';
import { currentCommune } from './commune';
import { mayRecord, windowProblems, type PickupOrigin, type PickupRequestInput, type Position, type SignatureInput } from './model';
import { queuePostalSms } from './notify';
import { checkWeight, WEIGHT_MISSING_MESSAGE } from './parcel-weight';
import { getShipment, shipmentById } from './queries';
import { postalStaff, seesShipment, shipmentNotFound } from './scope';
import { checkSigner, keepSignatureImages, storeSignature, type SignaturesContext } from './signatures';
import { competentAgencyOfShipment, openToAgencyLeg } from './to-agency';
import { parseTrackingNumber } from './tracking-number';
import { appendLegEvent, lockLeg, nextTrackingNumber, statusOf } from './trail-store';
import type { ShipmentView } from './views';

const PHONE_RE = /^(0|\+84)[0-9]{9,10}$/;
const day = (at: Date) => vnDateOfInstant(at.getTime());

/**
 * A pickup request: a citizen for themself from the portal (naming the post office), a clerk at the
 * counter or as the phone operator (their own post office). The commune is mapped to the one in
 * force; the procedure must take dossiers by post (QĐ 45 art. 1.2: not those that need the
 * applicant in person). One transaction: the shipment, its pickup leg with its tracking number,
 * the `requested` event, the SMS.
 */
export async function requestPickup(ctx: ServiceContext, input: PickupRequestInput): Promise<ShipmentView> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'postal.request')) throw forbidden('FORBIDDEN', 'Bạn không có quyền yêu cầu lấy hồ sơ tại nhà.');
  const now = ctx.clock.now();
  const problems: ErrorDetail[] = [];
  const phone = input.applicant.phone.replace(/[ .]/g, '');
  if (!PHONE_RE.test(phone)) problems.push({ path: 'applicant.phone', message: 'Số điện thoại không hợp lệ.' });
  const name = input.applicant.name.normalize('NFC').trim();
  if (name.length < 2 || /[0-9<>{}]/.test(name)) problems.push({ path: 'applicant.name', message: 'Họ và tên không hợp lệ.' });
  if (input.applicant.personalId !== undefined && !/^[0-9]{12}$/.test(input.applicant.personalId)) problems.push({ path: 'applicant.personalId', message: 'Số định danh cá nhân phải gồm 12 chữ số.' });
  if (input.address.trim().length < 5) problems.push({ path: 'address', message: 'Cần địa chỉ lấy hồ sơ (số nhà, đường, ấp/khóm).' });
  problems.push(...windowProblems(input.windowFrom, input.windowTo, now));

  let origin: PickupOrigin;
  let servicePointId: number | null;
  let personalId = input.applicant.personalId ?? null;
  if (actor.scope.kind === 'self') {
    // a citizen asks for their own dossier only, from the portal
    origin = 'portal';
    if (actor.scope.personalId === null) throw forbidden('OWN_DOSSIERS_ONLY', 'Tài khoản chưa gắn số định danh cá nhân.');
    if (personalId !== null && personalId !== actor.scope.personalId) throw forbidden('OWN_DOSSIERS_ONLY', 'Bạn chỉ yêu cầu lấy hồ sơ của chính mình.');
    personalId = actor.scope.personalId;
    servicePointId = input.servicePointCode ? await servicePointIdByCode(ctx.db, input.servicePointCode) : null;
    if (servicePointId === null) problems.push({ path: 'servicePointCode', message: 'Cần chọn bưu cục phục vụ.' });
  } else if (actor.scope.kind === 'servicePoint') {
    origin = input.origin === 'counter' ? 'counter' : 'phone';
    servicePointId = actor.scope.servicePointId;
  } else {
    throw forbidden('NOT_AT_A_SERVICE_POINT', 'Chỉ nhân viên của một bưu cục hoặc công dân được yêu cầu lấy hồ sơ.');
  }
  const [procedure, commune, place] = await Promise.all([
    procedureForIntake(ctx.db, input.procedureCode, day(now)),
    currentCommune(ctx.db, input.communeCode).catch((e: unknown) => { problems.push({ path: 'communeCode', message: 'Không tìm thấy xã, phường.' }); return e; }),
    servicePointId === null ? Promise.resolve(null) : servicePointPlace(ctx.db, servicePointId),
  ]);
  if (!procedure.postalAllowed) problems.push({ path: 'procedureCode', message: 'Thủ tục này không nhận hồ sơ qua dịch vụ bưu chính công ích (phải nộp trực tiếp).' });
  if (problems.length > 0 || !place || commune instanceof Error || !('code' in (commune as object))) {
    throw validationFailed('PICKUP_INVALID', problems[0]?.message ?? 'Yêu cầu lấy hồ sơ không hợp lệ.', problems);
  }
  const c = commune as Awaited<ReturnType<typeof currentCommune>>;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const s = await trx.insertInto('postal_shipments').values({
      service_point_id: place.id, unit_path: place.unitPath, province_code: place.provinceCode, origin, procedure_code: procedure.code,
      procedure_name: procedure.name, applicant: JSON.stringify({ name, phone, ...(personalId ? { personalId } : {}) }), personal_id: personalId,
      address: input.address.trim(), commune_code: c.code, commune_name: c.name, requested_commune_code: input.communeCode,
      window_from: new Date(input.windowFrom), window_to: new Date(input.windowTo), note: input.note?.trim() || null,
      requested_by: actor.userId, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const trackingNumber = await nextTrackingNumber(trx);
    const leg = await trx.insertInto('postal_legs').values({
      shipment_id: s.id, province_code: place.provinceCode, kind: 'pickup', tracking_number: trackingNumber, status: 'requested', service_point_id: place.id, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await appendLegEvent(trx, leg.id, { eventId: `requested-${leg.id}`, kind: 'requested', at: now, source: actor.scope.kind === 'self' ? 'system' : 'staff', payload: { origin } }, actor, now);
    await queuePostalSms(trx, 'pickupRequested', { phone, trackingNumber, date: input.windowFrom });
    return s.id;
  });
  const view = await shipmentById(ctx.db, id);
  if (!view) throw shipmentNotFound();
  return view;
}

/**
 * Assigns the pickup (or any open leg) to a courier of the service point: a dispatcher names the
 * courier; a courier without a name takes it themself. Re-assigning before collection is allowed.
 */
export async function assignCourier(ctx: ServiceContext, trackingNumber: string, courierId?: number): Promise<ShipmentView> {
  const actor = ctx.actor;
  const dispatcher = actor && can(actor, 'postal.dispatch');
  const staff = postalStaff(actor, dispatcher ? 'postal.dispatch' : 'postal.courier');
  const now = ctx.clock.now();
  // another post office's leg is not found, whatever the request says
  const seen = await ctx.db.selectFrom('postal_legs').select('service_point_id').where('tracking_number', '=', parseTrackingNumber(trackingNumber) ?? '').executeTakeFirst();
  if (!seen || seen.service_point_id !== staff.scope.servicePointId) throw shipmentNotFound();
  const couriers = await couriersOfServicePoint(ctx.db, staff.scope.servicePointId);
  const chosenId = courierId ?? staff.userId;
  const courier = chosenId === staff.userId && can(staff, 'postal.courier') ? { userId: staff.userId, fullName: staff.fullName } : couriers.find((c) => c.userId === chosenId);
  if (!courier) throw validationFailed('COURIER_NOT_FOUND', 'Bưu tá không thuộc bưu cục của bạn.', [{ path: 'courierId', message: 'không thuộc bưu cục' }]);
  if (!dispatcher && courier.userId !== staff.userId) throw forbidden('FORBIDDEN', 'Bưu tá chỉ tự nhận việc cho mình.');
  const shipmentId = await ctx.db.transaction().execute(async (trx) => {
    const leg = await lockLeg(trx, { trackingNumber: parseTrackingNumber(trackingNumber) ?? '' });
    if (!leg || leg.service_point_id !== staff.scope.servicePointId) throw shipmentNotFound();
    if (!mayRecord(statusOf(leg), 'assigned')) throw invalidTransition('LEG_NOT_ASSIGNABLE', 'Bưu gửi đã được nhận, không giao lại bưu tá được.');
    await trx.updateTable('postal_legs').set({ courier_id: courier.userId, courier_name: courier.fullName }).where('id', '=', leg.id).execute();
    await appendLegEvent(trx, leg.id, { eventId: `assigned-${leg.id}-${leg.version}`, kind: 'assigned', at: now, source: 'staff', payload: { courierId: courier.userId, courierName: courier.fullName } }, staff, now);
    const s = await trx.selectFrom('postal_shipments').select(['applicant', 'window_from']).where('id', '=', leg.shipment_id).executeTakeFirstOrThrow();
    if (leg.kind === 'pickup') await queuePostalSms(trx, 'pickupAssigned', { phone: typeof s.applicant.phone === 'string' ? s.applicant.phone : null, trackingNumber: leg.tracking_number, date: s.window_from?.toISOString() ?? null });
    return leg.shipment_id;
  });
  return getShipment(ctx, shipmentId);
}

export interface DraftInput {
  /** the CCCD QR as read by the camera or the wedge: fills the applicant (DOMAIN §8) */
  readonly idCardQr?: string;
  readonly applicant?: Partial<ApplicantInput>;
  readonly formData?: Record<string, unknown>;
  readonly papers?: readonly PaperInput[];
  readonly caseKey?: string;
  /** the applicant's situation of a list by situation (catalog/situations.ts; 1.115778's "a) Đối với trường hợp …"); null clears it */
  readonly situation?: string | null;
  /** the parcel as weighed at the door, in grams (the postage follows from it) */
  readonly weightGrams?: number;
  readonly delivery?: { method: 'counter' | 'post' | 'online'; address?: string };
  readonly expectedVersion?: number;
}

export interface DraftAnswer {
  readonly shipment: ShipmentView;
  /** what is still missing or wrong before the parcel can be sealed (QĐ 45 art. 6.2: guide the applicant to complete it) */
  readonly problems: ErrorDetail[];
}

/**
 * The courier fills the draft at the door: the applicant (prefilled from the ID card's QR), the
 * e-form, the papers (checked against the procedure's list) with their scans. Saved as given; the
 * answer lists what is still missing. Only before the parcel is sealed.
 */
export async function saveDraft(ctx: ServiceContext, shipmentId: number, input: DraftInput): Promise<DraftAnswer> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  const now = ctx.clock.now();
  let fromCard: Partial<ApplicantInput> = {};
  if (input.idCardQr !== undefined) {
    const parsed = parseIdCardQr(input.idCardQr);
    if (!parsed.ok) throw validationFailed('ID_CARD_QR_INVALID', 'Không đọc được mã QR trên căn cước.', [{ path: 'idCardQr', message: parsed.problem }]);
    fromCard = { personalId: parsed.data.personalId, name: parsed.data.name, ...(parsed.data.birthDate ? { birthDate: parsed.data.birthDate } : {}), ...(parsed.data.address ? { address: parsed.data.address } : {}) };
  }
  checkWeight(input.weightGrams);
  await ctx.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('postal_shipments').selectAll().where('id', '=', shipmentId).forUpdate().executeTakeFirst();
    if (!s || !seesShipment(staff, s)) throw shipmentNotFound();
    if (s.sealed_at !== null) throw invalidTransition('SHIPMENT_SEALED', 'Bưu gửi đã niêm phong, không sửa hồ sơ được nữa.');
    const procedure = await procedureForIntake(ctx.db, s.procedure_code, day(now));
    if (input.caseKey !== undefined) checkCase(procedure, input.caseKey);
    if (typeof input.situation === 'string') checkSituation(procedure, input.situation);
    // none named (now or before): the procedure's only case, else its general terms — as at the counter
    const caseKey = input.caseKey ?? (typeof s.draft.caseKey === 'string' ? s.draft.caseKey : defaultCaseKey(procedure));
    if (input.expectedVersion !== undefined && input.expectedVersion !== s.version) throw conflict('VERSION_CONFLICT', 'Bưu gửi vừa được cập nhật; vui lòng tải lại.');
    const prev = s.draft as { applicant?: Partial<ApplicantInput> };
    const applicant = { phone: s.applicant.phone, name: s.applicant.name, unitCode: s.commune_code, address: s.address, ...prev.applicant, ...fromCard, ...input.applicant };
    const { situation: kept, ...rest } = s.draft as { situation?: string };
    const situation = input.situation === undefined ? kept : input.situation;
    const draft = {
      ...rest, applicant, ...(typeof situation === 'string' ? { situation } : {}),
      ...(input.formData ? { formData: input.formData } : {}), ...(input.papers ? { papers: input.papers } : {}),
      ...(caseKey ? { caseKey } : {}), ...(input.weightGrams !== undefined ? { weightGrams: input.weightGrams } : {}),
      ...(input.delivery ? { delivery: input.delivery } : {}),
    };
    await trx.updateTable('postal_shipments').set((eb) => ({ draft: JSON.stringify(draft), version: eb('version', '+', 1), personal_id: typeof applicant.personalId === 'string' ? applicant.personalId : s.personal_id }))
      .where('id', '=', s.id).execute();
  });
  const shipment = await getShipment(ctx, shipmentId);
  return { shipment, problems: await draftProblems(ctx, shipment) };
}

/** A situation the procedure's list does not have is refused at once (400 with its code), as a case is. */
function checkSituation(procedure: Pick<ProcedureForIntake, 'requiredPapers'>, situation: string): void {
  const problem = situationProblem(procedure.requiredPapers, situation, procedure.requiredPapers.map((p) => p.key));
  if (problem) throw validationFailed(problem.code, problem.message, [{ path: 'situation', message: problem.message, code: problem.code }]);
}

function checkCase(procedure: Pick<ProcedureForIntake, 'cases'>, caseKey: string): void {
  if (procedure.cases.some((c) => c.key === caseKey)) return;
  const message = 'Trường hợp đã chọn không thuộc thủ tục này.';
  throw validationFailed('CASE_UNKNOWN', message, [{ path: 'caseKey', message }]);
}

/**
 * The case a shipment is received under when the courier names none. As the counter receives
 * without a choice (catalog's `chooseCase` with no key: the procedure's general terms), except that
 * a procedure with a single case has that case. A procedure whose cases the import could not name
 * (1.001193: two unnamed cases) is never asked about them: its general terms apply.
 */
export function defaultCaseKey(procedure: Pick<ProcedureForIntake, 'cases'>): string | null {
  return procedure.cases.length === 1 ? procedure.cases[0]?.key ?? null : null;
}

/** What keeps a draft from being sealed: the applicant, the parcel's weight, the case (when the procedure has several), the papers against the procedure's list, the e-form. */
export async function draftProblems(ctx: ServiceContext, s: ShipmentView): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  const draft = s.draft as { applicant?: ApplicantInput; papers?: PaperInput[]; formData?: Record<string, unknown>; caseKey?: string; situation?: string; weightGrams?: number };
  const procedure = await procedureForIntake(ctx.db, s.procedureCode, day(ctx.clock.now()));
  if (draft.weightGrams === undefined) problems.push({ path: 'weightGrams', message: WEIGHT_MISSING_MESSAGE });
  // the import's unnamed cases are never asked (nobody at the door can tell them apart: src/shared/case-names.ts)
  const named = procedure.cases.filter((c) => !isUnnamedCase(c.name));
  if (named.length > 1 && !named.some((c) => c.key === draft.caseKey)) problems.push({ path: 'caseKey', message: 'Chưa chọn trường hợp của thủ tục.' });
  if (!draft.applicant) problems.push({ path: 'applicant', message: 'Chưa có thông tin người nộp (quét mã QR căn cước).' });
  else checkApplicant(draft.applicant, problems);
  // a list by situation: the applicant's situation, asked at the door (web/src/postal PapersCard), and one of its papers
  checkPapers(procedure, draft.papers ?? [], problems, draft.situation ?? null);
  for (const i of validateEform(procedure.eformSchema, draft.formData ?? {})) problems.push({ path: `/formData${i.path}`, message: i.message });
  return problems;
}

export interface CollectInput {
  readonly items: readonly ReceiptItem[];
  readonly paymentMethod: PaymentMethod;
  /** the applicant's signature on the consignment note (TT 17 art. 9) and the courier's */
  readonly applicantSignature: SignatureInput;
  readonly courierSignature: SignatureInput;
  readonly position?: Position;
  readonly eventId?: string;
}

/**
 * Collection at the door (QĐ 45 art. 6; DOMAIN §5.2 steps 2–5): the draft must be complete (its
 * parcel weighed); the postage collected is the tariff's for that weight; both sign the consignment note; the fees and postage are collected with a numbered receipt (none when
 * nothing is due); the parcel is sealed. One transaction with the `collected` event, the toAgency
 * leg (to-agency.ts) and the SMS.
 */
export async function collectPickup(ctx: SignaturesContext, shipmentId: number, input: CollectInput): Promise<ShipmentView> {
  const staff = postalStaff(ctx.actor, 'postal.courier');
  const now = ctx.clock.now();
  const before = await getShipment(ctx, shipmentId);
  const draftIssues = await draftProblems(ctx, before);
  if (draftIssues.length > 0) throw validationFailed('DRAFT_INCOMPLETE', `Hồ sơ chưa đủ để niêm phong: ${draftIssues[0]?.message ?? ''}`, draftIssues);
  const total = input.items.reduce((a, i) => a + i.amountVnd, 0);
  const itemProblems = input.items.length === 0 ? [] : receiptProblems(input.items);
  if (itemProblems.length > 0) throw validationFailed('RECEIPT_INVALID', itemProblems[0]?.message ?? 'Khoản thu không hợp lệ.', itemProblems);
  await checkCollectedPostage(ctx, before, input.items);
  const applicant = (before.draft as { applicant: ApplicantInput }).applicant;
  checkSigner(input.applicantSignature, { name: applicant.name, personalId: applicant.personalId }, 'applicantSignature');
  checkSigner(input.courierSignature, { name: staff.fullName, personalId: null }, 'courierSignature');
  const kept = await keepSignatureImages(ctx, { applicant: input.applicantSignature, courier: input.courierSignature });
  const agency = await competentAgencyOfShipment(ctx, before, now);
  await ctx.db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('postal_shipments').selectAll().where('id', '=', shipmentId).forUpdate().executeTakeFirstOrThrow();
    if (s.sealed_at !== null) throw invalidTransition('SHIPMENT_SEALED', 'Bưu gửi đã niêm phong.');
    const leg = await trx.selectFrom('postal_legs').selectAll().where('shipment_id', '=', s.id).where('kind', '=', 'pickup').forUpdate().executeTakeFirstOrThrow();
    if (!mayRecord(statusOf(leg), 'collected')) throw invalidTransition('LEG_NOT_ASSIGNED', 'Bưu gửi chưa được giao cho bưu tá.');
    if (leg.courier_id !== staff.userId) throw forbidden('NOT_YOUR_PICKUP', 'Việc lấy hồ sơ này được giao cho bưu tá khác.');
    const applicantSig = await storeSignature(trx, kept.applicant, now);
    const courierSig = await storeSignature(trx, kept.courier, now);
    const receipt = total === 0 ? null : await issueReceipt(trx, staff, {
      servicePointId: s.service_point_id, payer: { name: applicant.name, personalId: applicant.personalId, phone: applicant.phone, ...(applicant.address ? { address: applicant.address } : {}) },
      items: input.items, paymentMethod: input.paymentMethod, place: 'courier', shipmentId: s.id,
    }, now);
    const fee = input.items.filter((i) => i.kind !== 'postage').reduce((a, i) => a + i.amountVnd, 0);
    const postage = total - fee;
    await trx.updateTable('postal_shipments').set((eb) => ({ fee_vnd: fee, postage_vnd: postage, receipt_id: receipt?.id ?? null, sealed_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', s.id).execute();
    await appendLegEvent(trx, leg.id, {
      eventId: input.eventId ?? `collected-${leg.id}`, kind: 'collected', at: now, source: 'courier', position: input.position ?? null,
      payload: { receipt: receipt ? { id: receipt.id, number: receipt.number, amountVnd: receipt.amountVnd } : null, signatures: { applicant: applicantSig, courier: courierSig } },
    }, staff, now);
    // the sealed parcel goes on to the competent agency in the same courier's hands (a dispatcher may re-assign it)
    await openToAgencyLeg(trx, s, agency?.id ?? null, staff, now);
    await queuePostalSms(trx, 'collected', { phone: applicant.phone, trackingNumber: leg.tracking_number });
  });
  return getShipment(ctx, shipmentId);
}
