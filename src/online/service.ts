// The online submission's use cases (issue 15 §2, §3): a citizen — or staff filing for one
// ("assisted") — keeps a draft, reviews it ("check your answers"), pays where a full online
// procedure has a fee, and submits it through the dossiers' intake (channel online, status
// `submitted`, outbox `dossier.submitted`). An assisted draft is submitted only with the citizen's
// one-time code sent to their phone. Each use case checks the actor's permission first.
import { vnDateOfInstant } from '../calendar';
import { can } from '../accounts/policy';
import { accountContact } from '../accounts/references';
import { sendOneTimeCode, verifyOneTimeCode, type CodeSent } from '../appointments/one-time-codes';
import { procedureForIntake, procedureProvince } from '../catalog/references';
import type { DossierContext } from '../dossiers/events';
import type { IntakeInput, IntakeResult } from '../dossiers/model';
import { channelShare, onlineInbox, submitOnlineDossier, type ChannelShare, type InboxItem } from '../dossiers/service';
import type { SmsSender } from '../notifications/sms';
import type { Transaction } from 'kysely';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db/schema';
import type { ServiceContext } from '../platform/context';
import { bundleMembersBeyondFirst } from '../bundles/service';
import { conflict, forbidden, isDomainError, unauthenticated, validationFailed, type ErrorDetail } from '../platform/errors';
import { accountForAssistedDossier } from '../identity/service';
import { trackingPinFor } from '../tracking/references';
import { provinceOfUnitPath, unitPathsByCode } from '../directory/references';
import { NATIONAL_PROVINCE } from '../platform/national-province';
import { alreadySubmitted, columnsOf, contentOf, ownDraft, viewOf, type DraftRow, type DraftView } from './drafts';
import { confirmationPurpose, feeDue, intakeOf, reviewProblems, type DraftContent, type PaymentState } from './model';

export type { DraftView } from './drafts';
export type { ChannelShare, InboxItem } from '../dossiers/service';

/** What the online capability needs of the payments capability (src/payments, wired in src/app.ts). */
export interface OnlinePayments {
  paymentStateOf(ctx: ServiceContext, subject: { kind: 'draft'; id: string }): Promise<PaymentState>;
  /** a draft's payment follows it to the dossier at submit */
  moveSubject(ctx: ServiceContext, from: { kind: 'draft'; id: string }, to: { kind: 'dossier'; id: string }): Promise<void>;
}

export interface OnlineContext extends DossierContext {
  /** the payments capability; null: no online payment — a fee-bearing full online procedure cannot be submitted */
  readonly payments: OnlinePayments | null;
  /** the SMS adapter the assisted filing's one-time code goes through at once */
  readonly sms: SmsSender;
}

function actorOf(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  return ctx.actor;
}

/** A citizen files for themself; staff who receive dossiers file for a citizen (assisted). */
function filerOf(ctx: ServiceContext): { actor: Actor; assisted: boolean } {
  const actor = actorOf(ctx);
  if (can(actor, 'portal.self')) return { actor, assisted: false };
  if (can(actor, 'dossiers.receive') || can(actor, 'postal.courier')) return { actor, assisted: true };
  throw forbidden('FORBIDDEN', 'Bạn không có quyền nộp hồ sơ trực tuyến.');
}

export type DraftInput = Partial<DraftContent>;

const today = (ctx: ServiceContext) => vnDateOfInstant(ctx.clock.now().getTime());

/** Starts a draft for a procedure in force that is offered online (400 otherwise). A citizen's applicant is themself. */
export async function createDraft(ctx: OnlineContext, input: DraftInput & { procedureCode: string }): Promise<DraftView> {
  const { actor, assisted } = filerOf(ctx);
  const procedure = await procedureForIntake(ctx.db, input.procedureCode, today(ctx));
  if (procedure.onlineLevel === 'none') {
    throw validationFailed('NOT_ONLINE', 'Thủ tục này chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp tại quầy hoặc qua bưu chính.', [{ path: 'procedureCode', message: 'không nộp trực tuyến' }]);
  }
  const now = ctx.clock.now();
  // a citizen files for themself: their account's personal ID, and their name to start from
  const own = !assisted && actor.scope.kind === 'self' && actor.scope.personalId ? { personalId: actor.scope.personalId } : {};
  // …and their account's e-mail (where the messages about the dossier also go) and phone
  const contact = assisted ? null : await accountContact(ctx.db, actor.userId);
  const named = assisted ? {} : { name: actor.fullName, ...(contact?.email ? { email: contact.email } : {}), ...(contact?.phone ? { phone: contact.phone } : {}) };
  const content: DraftContent = {
    procedureCode: procedure.code, caseKey: input.caseKey ?? null, placeUnitCode: input.placeUnitCode ?? null,
    applicant: { ...named, ...(input.applicant ?? {}), ...own }, formData: input.formData ?? {}, papers: input.papers ?? [],
    delivery: input.delivery ?? null, storeConsent: input.storeConsent ?? false,
  };
  const row = await ctx.db.insertInto('online_drafts').values({
    owner_user_id: actor.userId, procedure_code: procedure.code, case_key: content.caseKey, place_unit_code: content.placeUnitCode,
    applicant: JSON.stringify(content.applicant), form_data: JSON.stringify(content.formData), papers: JSON.stringify(content.papers),
    delivery: content.delivery === null ? null : JSON.stringify(content.delivery), store_consent: content.storeConsent,
    assisted, created_at: now, updated_at: now,
  }).returningAll().executeTakeFirstOrThrow();
  return viewOf(row as unknown as DraftRow);
}

export async function getDraft(ctx: OnlineContext, id: number): Promise<DraftView> {
  const { actor } = filerOf(ctx);
  return viewOf(await ownDraft(ctx.db, actor, id));
}

/** Saves the answers given so far (any part of the draft); a citizen's personal ID stays their own. Not once submitted (409). */
export async function updateDraft(ctx: OnlineContext, id: number, input: DraftInput & { expectedVersion?: number }): Promise<DraftView> {
  const { actor, assisted } = filerOf(ctx);
  const row = await ownDraft(ctx.db, actor, id);
  if (row.dossier_code) throw alreadySubmitted(row.dossier_code);
  if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
    throw conflict('VERSION_CONFLICT', 'Bản nháp vừa được cập nhật ở nơi khác; vui lòng tải lại.');
  }
  if (input.procedureCode !== undefined && input.procedureCode !== row.procedure_code) {
    throw validationFailed('PROCEDURE_FIXED', 'Không đổi thủ tục của bản nháp; hãy tạo bản nháp mới.', [{ path: 'procedureCode', message: 'không đổi được' }]);
  }
  const own = !assisted && actor.scope.kind === 'self' && actor.scope.personalId ? { personalId: actor.scope.personalId } : {};
  const changes = { ...input, ...(input.applicant ? { applicant: { ...input.applicant, ...own } } : {}) };
  const updated = await ctx.db.updateTable('online_drafts').set({ ...columnsOf(changes), updated_at: ctx.clock.now(), version: row.version + 1 })
    .where('id', '=', id).where('version', '=', row.version).returningAll().executeTakeFirst();
  if (!updated) throw conflict('VERSION_CONFLICT', 'Bản nháp vừa được cập nhật ở nơi khác; vui lòng tải lại.');
  return viewOf(updated as unknown as DraftRow);
}

export interface Review {
  /** every problem still to fix; empty: the draft may be submitted (once paid where payment is required) */
  readonly problems: ErrorDetail[];
  readonly fee: { lines: { name: string; amountVnd: number; formula: string }[]; totalVnd: number; described: { name: string; note: string | null }[] };
  readonly paymentRequired: boolean;
  /** the payments capability's state of the draft's payment (null: no payment capability or none needed) */
  readonly payment: PaymentState | null;
  readonly ready: boolean;
}

async function reviewOf(ctx: OnlineContext, row: DraftRow): Promise<Review> {
  const content = contentOf(row);
  const procedure = await procedureForIntake(ctx.db, content.procedureCode, today(ctx));
  const problems = reviewProblems(content, procedure);
  const fee = feeDue(procedure, content.caseKey);
  const payment = fee.paymentRequired && ctx.payments ? await ctx.payments.paymentStateOf(ctx, { kind: 'draft', id: String(row.id) }) : null;
  const paid = !fee.paymentRequired || payment?.paid === true;
  return { problems, fee: { lines: [...fee.quote.lines], totalVnd: fee.quote.totalVnd, described: [...fee.quote.described] }, paymentRequired: fee.paymentRequired, payment, ready: problems.length === 0 && paid };
}

/** "Check your answers": every problem of the draft, its fee and whether it is paid. */
export async function reviewDraft(ctx: OnlineContext, id: number): Promise<Review> {
  const { actor } = filerOf(ctx);
  return reviewOf(ctx, await ownDraft(ctx.db, actor, id));
}

/** Assisted filing: sends the citizen's phone the one-time code that confirms the dossier. */
export async function sendConfirmationCode(ctx: OnlineContext, id: number, clientAddress: string): Promise<CodeSent> {
  const { actor } = filerOf(ctx);
  const row = await ownDraft(ctx.db, actor, id);
  if (!row.assisted) throw conflict('NOT_ASSISTED', 'Hồ sơ người dân tự nộp không cần mã xác nhận.');
  if (row.dossier_code) throw alreadySubmitted(row.dossier_code);
  const phone = contentOf(row).applicant.phone;
  if (!phone) throw validationFailed('PHONE_REQUIRED', 'Cần số điện thoại di động của người dân để gửi mã xác nhận.', [{ path: 'applicant.phone', message: 'chưa nhập' }]);
  return sendOneTimeCode(ctx, { phone, purpose: confirmationPurpose(row.id), clientAddress });
}

export interface Submitted extends IntakeResult {
  /** the dossier's 6-digit tracking PIN (public tracking /tra-cuu) */
  readonly trackingPin: string;
}

/**
 * Submits a draft as an online dossier: every problem fixed (400 DRAFT_INCOMPLETE listing them),
 * paid where a full online procedure has a fee (409 PAYMENT_REQUIRED), and for an assisted draft
 * the citizen's one-time code right (400 CONFIRMATION_REQUIRED / ONE_TIME_CODE_WRONG). One draft
 * makes one dossier: a repeated submit returns it.
 */
export async function submitDraft(ctx: OnlineContext, id: number, input: { code?: string }): Promise<Submitted> {
  const { actor } = filerOf(ctx);
  const row = await ownDraft(ctx.db, actor, id);
  // one dossier per draft, whatever the client retries: the intake's idempotency key is the draft's
  const key = `online-draft-${row.id}`;
  const intake = intakeOf(contentOf(row));
  if (row.dossier_code) return submitted(ctx, await submitOnlineDossier(ctx, intake, { assisted: row.assisted }, key));
  const review = await reviewOf(ctx, row);
  if (review.problems.length > 0) throw validationFailed('DRAFT_INCOMPLETE', 'Hồ sơ chưa đầy đủ, vui lòng kiểm tra lại các mục dưới đây.', review.problems);
  if (review.paymentRequired && review.payment?.paid !== true) {
    throw conflict('PAYMENT_REQUIRED', 'Thủ tục trực tuyến toàn trình có phí, lệ phí: vui lòng thanh toán trực tuyến trước khi nộp hồ sơ.');
  }
  if (row.assisted) await confirmByCitizen(ctx, row, intake, input.code);
  // what the submission changes beyond the dossier is written in the intake's transaction: a
  // failure of any part leaves no dossier, no moved payment and no account (or none of them lost)
  const alongside = async (trx: Transaction<DB>, dossierCode: string, provinceCode: string): Promise<void> => {
    const inTrx = { ...ctx, db: trx };
    await trx.updateTable('online_drafts').set({ dossier_code: dossierCode, submitted_at: ctx.clock.now(), updated_at: ctx.clock.now(), version: row.version + 1 })
      .where('id', '=', row.id).where('dossier_code', 'is', null).execute();
    if (review.paymentRequired && ctx.payments) await ctx.payments.moveSubject(inTrx, { kind: 'draft', id: String(row.id) }, { kind: 'dossier', id: dossierCode });
    // the citizen who confirmed gets the account the dossier is in, and the SMS telling them how to sign in
    if (row.assisted) {
      const a = intake.applicant;
      await accountForAssistedDossier(inTrx, { phone: a.phone, ...(a.personalId ? { personalId: a.personalId } : {}), fullName: a.name, dossierCode, provinceCode });
    }
  };
  return submitted(ctx, await submitOnlineDossier(ctx, intake, { assisted: row.assisted, alongside }, key));
}

/** No confirmation, no dossier: the code sent to the citizen's phone (sendConfirmationCode) must be given and right. */
async function confirmByCitizen(ctx: OnlineContext, row: DraftRow, intake: IntakeInput, code: string | undefined): Promise<void> {
  if (code === undefined || code.trim() === '') {
    throw validationFailed('CONFIRMATION_REQUIRED', 'Cần mã xác nhận người dân nhận qua tin nhắn để nộp hồ sơ thay.', [{ path: 'code', message: 'chưa nhập' }]);
  }
  await verifyOneTimeCode(ctx, { phone: intake.applicant.phone, purpose: confirmationPurpose(row.id), code: code.trim() });
}

async function submitted(ctx: OnlineContext, result: IntakeResult): Promise<Submitted> {
  return { ...result, trackingPin: await trackingPinFor(ctx.db, result.code) };
}

/** The one-stop's online inbox: submitted dossiers in the clerk's scope, oldest first. */
export function inbox(ctx: ServiceContext): Promise<InboxItem[]> {
  return onlineInbox(ctx);
}

/**
 * The online share of the dossiers filed in a period and the assisted part of it (the dashboard's
 * panel). A bundle counts once as a submission (issue 17 §5): its members beyond the first, all
 * filed at the counter, are taken off the total and the counter's count.
 */
export async function onlineStats(ctx: ServiceContext, period: { from: string; to: string }): Promise<ChannelShare> {
  if (period.from > period.to) throw validationFailed('PERIOD_INVALID', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', [{ path: 'from', message: 'sau ngày kết thúc' }]);
  const [share, beyondFirst] = await Promise.all([channelShare(ctx, period), bundleMembersBeyondFirst(ctx, period)]);
  return { ...share, total: share.total - beyondFirst, counter: share.counter - beyondFirst };
}

/**
 * A submission pulled from the national portal (src/sync): an online dossier filed by the citizen
 * there, entered by the sync's actor; one per national id however often it is pulled.
 */
export function submitOnlineFromNational(ctx: DossierContext, input: IntakeInput, nationalId: string): Promise<IntakeResult> {
  return submitOnlineDossier(ctx, input, { assisted: false }, `national-${nationalId}`.slice(0, 128));
}

/**
 * What the payments capability needs of a draft it takes a payment for (its subject resolver,
 * wired in src/app.ts): the payer, the procedure and case whose fee is due, the province the online
 * receipt is filed under. Null when the draft is not the actor's (or already submitted).
 */
export async function draftSubject(ctx: ServiceContext, id: string): Promise<{
  payer: { name: string; personalId?: string; phone?: string }; procedureCode: string; caseKey: string | null; unitPath: string | null; dossierCode: null; shipmentId: null; provinceCode: string;
} | null> {
  if (!/^[0-9]{1,10}$/.test(id)) return null;
  try {
    const { actor } = filerOf(ctx);
    const row = await ownDraft(ctx.db, actor, Number(id));
    if (row.dossier_code) return null;
    const a = contentOf(row).applicant;
    const communePath = a.unitCode ? (await unitPathsByCode(ctx.db, a.unitCode))[0] : undefined;
    // the province is the first level of a unit path (/82/…/)
    const provincePath = communePath ? `/${communePath.split('/')[1] ?? ''}/` : null;
    // the order's province: the applicant's unit's, else (place not chosen yet) the procedure's catalogue's
    const provinceCode = (provincePath === null ? null : await provinceOfUnitPath(ctx.db, provincePath)) ?? await procedureProvince(ctx.db, row.procedure_code) ?? NATIONAL_PROVINCE;
    return {
      payer: { name: a.name ?? '', ...(a.personalId ? { personalId: a.personalId } : {}), ...(a.phone ? { phone: a.phone } : {}) },
      procedureCode: row.procedure_code, caseKey: row.case_key, unitPath: provincePath, dossierCode: null, shipmentId: null, provinceCode,
    };
  } catch (e) {
    if (isDomainError(e) && (e.kind === 'NotFound' || e.kind === 'Forbidden')) return null;
    throw e;
  }
}
