// Booking a time to pick up a result (issue 14 §2, slot kind `pickup`): the dossier's result is
// ready, or due by the booked day; the booking is at the service point that received the dossier,
// where results are returned (dossiers/scope.ts). Who may book it: the citizen whose dossier it is
// (signed in: verified personal ID or filed by the account), staff who book in their scope, or a
// visitor who gives the dossier's code AND its applicant's personal ID; to anyone else the dossier
// does not exist (the same 404 as an unknown code).
import { can } from '../accounts/policy';
import { isDossierInScope, resultPickupFacts, scopedActor } from '../dossiers/service';
import type { Actor } from '../platform/actor';
import type { ServiceContext } from '../platform/context';
import { conflict, forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors';
import { vnDateOfInstant, type IsoDate } from '../shared/civil-date';

/** Statuses whose result will be returned at the counter: ready, or still being decided (due by its date). */
const READY = 'resultReady';
const UNDER_WAY = new Set(['received', 'processing', 'awaitingApproval']);

export interface PickupDossier {
  readonly dossierCode: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly servicePoint: { readonly code: string; readonly name: string; readonly address: string };
  readonly ready: boolean;
  /** the first day a pickup may be booked: today when ready, else the due date */
  readonly fromDate: string;
}

const missing = () => notFound('DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ hoặc hồ sơ không nhận kết quả tại quầy.');

/**
 * The dossier whose result is to be picked up, if the caller may book it: a signed-in citizen or
 * staff in scope, or anyone giving the applicant's personal ID.
 */
export async function pickupDossier(ctx: ServiceContext, code: string, personalId: string | null, today: IsoDate): Promise<PickupDossier> {
  const row = await resultPickupFacts(ctx.db, code.trim());
  if (!row || row.point === null) throw missing();
  const actor: Actor | null = ctx.actor;
  const mayBook = actor && (can(actor, 'portal.self') || can(actor, 'appointments.book'))
    ? isDossierInScope(await scopedActor(ctx.db, actor), row)
    : personalId !== null && row.personal_id === personalId;
  if (!mayBook || row.delivery_method === 'post' || row.delivery_method === 'online') throw missing();
  const ready = row.status === READY;
  if (!ready && !UNDER_WAY.has(row.status)) throw conflict('RESULT_NOT_EXPECTED', 'Hồ sơ này không có kết quả chờ trả tại quầy (đã trả, bị từ chối, đã rút hoặc đang chờ bổ sung).');
  const due = row.due_at ? vnDateOfInstant(row.due_at.getTime()) : today;
  return {
    dossierCode: row.code, procedureCode: row.procedure_code, procedureName: row.procedure_name, servicePoint: row.point,
    ready, fromDate: ready || due < today ? today : due,
  };
}

/** A pickup booking's checks (createBooking): its place and procedure are the dossier's, its day not before the result is due. */
export async function checkPickup(ctx: ServiceContext, input: { dossierCode?: string; servicePointCode: string; procedureCode: string }, personalId: string | null, day: IsoDate, today: IsoDate): Promise<void> {
  if (!input.dossierCode?.trim()) throw validationFailed('DOSSIER_CODE_REQUIRED', 'Vui lòng nhập mã hồ sơ cần nhận kết quả.', [{ path: 'dossierCode', message: 'bắt buộc' }]);
  const dossier = await pickupDossier(ctx, input.dossierCode, personalId, today);
  if (dossier.servicePoint.code !== input.servicePointCode || dossier.procedureCode !== input.procedureCode) {
    throw validationFailed('PICKUP_WRONG_PLACE', `Kết quả hồ sơ ${dossier.dossierCode} được trả tại ${dossier.servicePoint.name}; vui lòng đặt lịch tại đó.`, [{ path: 'servicePointCode', message: 'không phải nơi trả kết quả' }]);
  }
  if (day < dossier.fromDate) throw conflict('RESULT_NOT_DUE', `Kết quả dự kiến có từ ngày ${dossier.fromDate.split('-').reverse().join('/')}; vui lòng chọn ngày từ đó trở đi.`);
}

/** GET …/pickups/{code}: signed-in callers only (a visitor books with the personal ID in the booking). */
export async function pickupForCaller(ctx: ServiceContext, code: string): Promise<PickupDossier> {
  if (!ctx.actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(ctx.actor, 'portal.self') && !can(ctx.actor, 'appointments.book')) throw forbidden('FORBIDDEN', 'Bạn không có quyền đặt lịch nhận kết quả.');
  return pickupDossier(ctx, code, null, vnDateOfInstant(ctx.clock.now().getTime()));
}
