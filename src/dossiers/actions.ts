// Processing actions (ND 61 arts. 18–20): each is one lifecycle transition, checked against the
// table for the role, against the actor's scope, against the dossier's version, and written with
// its hash-chained event, the outbox row and the hooks in one transaction.
import { applyApology, computeDueAt, newDossierDeadline, restartAfterSupplement } from '../calendar';
import type { Actor } from '../platform/actor';
import { conflict, forbidden, invalidTransition, unauthenticated, validationFailed } from '../platform/errors';
import { calendarAround, hasNul, type DossierContext } from './context';
import { counterRatingOpen } from './counter-rating';
import { appendEvent, runHooks } from './events';
import { evolve, lifecycleOf, type DerivedDossier } from './fold';
import {
  actionLabels, checkAction, dislikeReasons, isDislikeReason, isRatingStars, RATING_COMMENT_MAX_CHARS, statusLabels, transitions,
  violationMessages, type Action, type DislikeReason, type RatingChannel, type RuleViolation,
} from './lifecycle';
import { calendarVersionTag, loadWorkCalendar } from '../calendar/store';
import { procedureRules } from '../catalog/references';
import { assignableStaff } from '../accounts/references';
import { dossierNotFound, isDossierInScope, scopedActor } from './scope';
import type { DossierRow } from './events';

export interface Signature {
  readonly name: string;
  /** ISO instant the recipient signed */
  readonly signedAt: string;
}

export interface ActionInput {
  /** the version the user saw; a stale one is refused (optimistic concurrency) */
  readonly expectedVersion?: number;
  readonly reason?: string;
  readonly note?: string;
  /** requestSupplement: what to add, all at once (ND 61 art. 15.3) */
  readonly items?: readonly string[];
  /** apologize: the new appointment (ISO) */
  readonly newDueAt?: string;
  /** consult: the body asked and the reply deadline */
  readonly consultedAgency?: string;
  readonly replyDueAt?: string;
  /** assign: the officer or approver of the competent agency (default: the acting officer) */
  readonly officerId?: number;
  /** requestPayment */
  readonly amountVnd?: number;
  /**
   * paymentReceived: how the fee was paid. F766 `DuocThanhToanTrucTuyen`: 1 on the national
   * portal, 2 through the provincial or ministry gateway; cash or transfer at the counter or to
   * the postal worker is not online.
   */
  readonly paymentChannel?: PaymentChannel;
  /** return */
  readonly channel?: 'counter' | 'post' | 'online';
  readonly signature?: Signature;
  /** rate: 1–5 stars (≤ 2 is a "dislike", F766 5.4), what was wrong, and a comment */
  readonly stars?: number;
  readonly dislike?: readonly DislikeReason[];
  readonly comment?: string;
}

export const paymentChannels = ['counter', 'postal', 'transfer', 'online_national', 'online_provincial'] as const;
export type PaymentChannel = (typeof paymentChannels)[number];

/** ND 61 art. 19.4: a supplement during appraisal is notified within 3 working days of receipt. */
export const SUPPLEMENT_NOTICE_WORKING_DAYS = 3;

const needsReason: readonly Action[] = ['refuse', 'reject', 'stop', 'requestSupplement', 'apologize', 'recomputeDue'];

const required = (path: string, message: string) => validationFailed('ACTION_INPUT_INVALID', message, [{ path, message }]);

function parseInstant(text: string | undefined, path: string, what: string): Date {
  const d = text === undefined ? null : new Date(text);
  if (!d || Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(text ?? '')) throw required(path, `Cần ${what} (thời điểm ISO 8601).`);
  return d;
}

const ruleError = (v: RuleViolation, action: Action, status: DossierRow['status']) =>
  v === 'ACTION_NOT_ALLOWED_FOR_ROLE'
    ? forbidden(v, violationMessages[v])
    : invalidTransition(v, v === 'INVALID_TRANSITION'
      ? `Không thể "${actionLabels[action]}" khi hồ sơ đang ở trạng thái "${statusLabels[status]}".`
      : violationMessages[v]);

/** Builds the event payload of an action, enforcing the rules that need time and input. */
async function payloadFor(ctx: DossierContext, row: DossierRow, action: Action, input: ActionInput, now: Date): Promise<Record<string, unknown>> {
  const reason = input.reason?.trim();
  if (needsReason.includes(action) && !reason) throw required('reason', 'Cần ghi rõ lý do.');
  const base = { reason: reason || undefined, note: input.note?.trim() || undefined };
  switch (action) {
    case 'requestSupplement': {
      if (!input.items || input.items.length === 0) throw required('items', 'Cần liệt kê đầy đủ các nội dung phải bổ sung (một lần).');
      if (row.status === 'processing' && row.clock_started_at) {
        const { calendar } = await calendarAround(ctx.db, now);
        const elapsed = calendar.workingTimeAt(now.getTime()) - calendar.workingTimeAt(row.clock_started_at.getTime());
        if (elapsed > SUPPLEMENT_NOTICE_WORKING_DAYS * calendar.dailyWorkingMs) {
          throw invalidTransition('SUPPLEMENT_TOO_LATE', 'Đã quá 03 ngày làm việc kể từ khi tiếp nhận; không được yêu cầu bổ sung hồ sơ.');
        }
      }
      return { ...base, items: input.items.map((i) => i.trim()).filter(Boolean) };
    }
    case 'supplementReceived': {
      if (row.status_before_supplement !== 'processing') return base; // at intake no clock was running
      const rules = await procedureRules(ctx.db, row.procedure_id);
      const cal = await calendarAround(ctx.db, now);
      const due = restartAfterSupplement(now.getTime(), { value: rules.durationValue, unit: rules.durationUnit }, cal.calendar, rules.cutoff === null ? undefined : { cutoff: rules.cutoff });
      return { ...base, newDueAt: new Date(due).toISOString(), previousDueAt: row.due_at?.toISOString() ?? null, calendarVersion: cal.versionTag };
    }
    case 'receive': {
      const rules = await procedureRules(ctx.db, row.procedure_id);
      const cal = await calendarAround(ctx.db, now);
      const due = computeDueAt(now.getTime(), { value: rules.durationValue, unit: rules.durationUnit }, cal.calendar, rules.cutoff === null ? undefined : { cutoff: rules.cutoff });
      return { ...base, receivedAt: now.toISOString(), dueAt: new Date(due).toISOString(), calendarVersion: cal.versionTag };
    }
    case 'apologize': {
      const newDueAt = parseInstant(input.newDueAt, 'newDueAt', 'ngày hẹn trả mới');
      if (!row.due_at) throw invalidTransition('NO_DUE_DATE', 'Hồ sơ chưa có ngày hẹn trả.');
      // The working calendar is loaded around today: a new date more than a year ahead is refused.
      if (newDueAt.getTime() > now.getTime() + 365 * 86_400_000) throw required('newDueAt', 'Ngày hẹn trả mới không được quá một năm kể từ hôm nay.');
      const { calendar } = await calendarAround(ctx.db, now);
      const result = applyApology({ ...newDossierDeadline(row.due_at.getTime()), apologizedAt: row.apologized_at?.getTime() ?? null }, newDueAt.getTime(), now.getTime(), calendar);
      if (!result.ok) throw invalidTransition(result.error.code, result.error.message);
      return { ...base, newDueAt: newDueAt.toISOString(), originalDueAt: row.due_at.toISOString() };
    }
    case 'recomputeDue': {
      // The due time an apology set was agreed with the applicant: it is not re-computed.
      if (row.apology_used) throw invalidTransition('DUE_SET_BY_APOLOGY', 'Hạn giải quyết đã được hẹn lại bằng văn bản xin lỗi; không tính lại theo lịch.');
      if (!row.clock_started_at || !row.due_at) throw invalidTransition('NO_DUE_DATE', 'Hồ sơ chưa có ngày hẹn trả.');
      const rules = await procedureRules(ctx.db, row.procedure_id);
      // the schedules in force right now, not the few-seconds cache of the intake path
      const year = new Date(row.clock_started_at.getTime() + 7 * 3_600_000).getUTCFullYear();
      const loaded = await loadWorkCalendar(ctx.db, { fromYear: year - 1, toYear: year + 1 });
      const due = computeDueAt(row.clock_started_at.getTime(), { value: rules.durationValue, unit: rules.durationUnit }, loaded.calendar, rules.cutoff === null ? undefined : { cutoff: rules.cutoff });
      return {
        ...base, newDueAt: new Date(due).toISOString(), previousDueAt: row.due_at.toISOString(),
        calendarVersion: calendarVersionTag(loaded.versions), previousCalendarVersion: row.calendar_version,
      };
    }
    case 'consult': {
      if (!input.consultedAgency?.trim()) throw required('consultedAgency', 'Cần ghi cơ quan được lấy ý kiến.');
      const replyDueAt = parseInstant(input.replyDueAt, 'replyDueAt', 'thời hạn trả lời');
      return { ...base, consultedAgency: input.consultedAgency.trim(), replyDueAt: replyDueAt.toISOString() };
    }
    case 'assign': {
      const id = input.officerId ?? (ctx.actor?.role === 'officer' ? ctx.actor.userId : undefined);
      if (id === undefined) throw required('officerId', 'Cần chọn cán bộ được phân công xử lý.');
      const officer = (await assignableStaff(ctx.db, row.competent_agency_id)).find((s) => s.userId === id);
      if (!officer) {
        const message = 'Cán bộ được chọn không thuộc cơ quan giải quyết hồ sơ hoặc không còn hoạt động.';
        throw validationFailed('OFFICER_INVALID', message, [{ path: 'officerId', message }]);
      }
      return { ...base, officerId: officer.userId, officerName: officer.fullName };
    }
    case 'requestPayment':
      return { ...base, amountVnd: input.amountVnd };
    case 'paymentReceived': {
      if (!input.paymentChannel) throw required('paymentChannel', 'Cần chọn hình thức nộp phí, lệ phí.');
      const online = input.paymentChannel === 'online_national' || input.paymentChannel === 'online_provincial';
      return { ...base, paymentChannel: input.paymentChannel, online, paidOnlineCode: input.paymentChannel === 'online_national' ? 1 : online ? 2 : 3 };
    }
    case 'forward':
      return { ...base, toAgencyId: row.competent_agency_id, unitPath: row.unit_path };
    case 'return': {
      if (!input.channel) throw required('channel', 'Cần chọn hình thức trả kết quả (tại quầy, bưu chính, trực tuyến).');
      if (ctx.actor?.role === 'courier' && input.channel !== 'post') throw forbidden('CHANNEL_NOT_ALLOWED', 'Bưu tá chỉ trả kết quả qua bưu chính.');
      let signature: Signature | undefined;
      if (input.channel !== 'online' || input.signature) {
        const s = input.signature;
        if (!s?.name.trim()) throw required('signature.name', 'Cần họ tên và chữ ký của người nhận kết quả.');
        const signedAt = parseInstant(s.signedAt, 'signature.signedAt', 'thời điểm ký nhận');
        if (signedAt.getTime() > now.getTime() + 60_000) throw required('signature.signedAt', 'Thời điểm ký nhận không được ở tương lai.');
        signature = { name: s.name.trim(), signedAt: signedAt.toISOString() };
      }
      return { ...base, channel: input.channel, signature };
    }
    case 'rate':
      // the counter's rating device: only the person who just received the result at this counter
      // rates through the clerk; any other applicant rates on the portal (the staff rated never fill it in)
      if (ctx.actor?.role === 'clerk' && !counterRatingOpen({
        status: row.status, resultDelivery: row.result_delivery, returnedAt: row.returned_at, returnedBy: await returnedBy(ctx, row.id),
      }, ctx.actor.userId, now)) {
        throw invalidTransition('RATING_AT_COUNTER_ONLY', 'Cán bộ chỉ ghi nhận đánh giá của người vừa nhận kết quả tại quầy từ chính mình, trong ngày trả kết quả; người nộp hồ sơ tự đánh giá trên Cổng dịch vụ công.');
      }
      return ratingPayload(ctx, input);
    default:
      return base;
  }
}

/** Who recorded the dossier's latest `return` (null: none). */
async function returnedBy(ctx: DossierContext, dossierId: number): Promise<number | null> {
  const e = await ctx.db.selectFrom('dossier_events').select('actor_id').where('dossier_id', '=', dossierId).where('action', '=', 'return')
    .orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return e?.actor_id ?? null;
}

/**
 * The rating as the event records it. `via` comes from who records it: the citizen on the portal,
 * the clerk entering the applicant's choice from the counter's rating device (never their own).
 */
function ratingPayload(ctx: DossierContext, input: ActionInput): Record<string, unknown> {
  if (!isRatingStars(input.stars)) {
    throw validationFailed('RATING_STARS_INVALID', 'Cần chọn mức độ hài lòng từ 1 đến 5 sao.', [{ path: 'stars', message: 'Số sao phải là số nguyên từ 1 đến 5.' }]);
  }
  const reasons: unknown[] = Array.isArray(input.dislike) ? input.dislike : input.dislike === undefined ? [] : [input.dislike];
  const bad = reasons.findIndex((r) => !isDislikeReason(r));
  if (bad >= 0) {
    throw validationFailed('RATING_REASON_UNKNOWN', 'Lý do chưa hài lòng không có trong danh sách.', [{ path: `dislike/${bad}`, message: `Chỉ chọn trong: ${dislikeReasons.join(', ')}.` }]);
  }
  const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
  // counted in code points, as the route's JSON schema counts them
  if ([...comment].length > RATING_COMMENT_MAX_CHARS) {
    throw validationFailed('RATING_COMMENT_TOO_LONG', `Ý kiến không quá ${RATING_COMMENT_MAX_CHARS} ký tự.`, [{ path: 'comment', message: `Tối đa ${RATING_COMMENT_MAX_CHARS} ký tự.` }]);
  }
  const via: RatingChannel = ctx.actor?.role === 'citizen' ? 'portal' : 'counter';
  // in the list's order, each once
  const dislike = dislikeReasons.filter((r) => reasons.includes(r));
  return { stars: input.stars, dislike, comment: comment || undefined, via };
}

export interface ActionResult {
  readonly code: string;
  readonly status: DossierRow['status'];
  readonly syncCode: number;
  readonly version: number;
  readonly dueAt: string | null;
}

/** Applies one lifecycle action to a dossier. */
export async function performAction(ctx: DossierContext, code: string, action: Action, input: ActionInput = {}): Promise<ActionResult> {
  const actor: Actor | null = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!(transitions[action].roles as readonly string[]).includes(actor.role)) {
    throw forbidden('ACTION_NOT_ALLOWED_FOR_ROLE', violationMessages.ACTION_NOT_ALLOWED_FOR_ROLE);
  }
  if (hasNul(input)) throw validationFailed('VALIDATION_FAILED', 'Dữ liệu chứa ký tự không hợp lệ.');
  const now = ctx.clock.now();
  // Scope and rules are checked on a first read so that the payload (which may read the
  // calendar) is built outside the lock; the locked re-read below must find the same version.
  const seen = await ctx.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
  if (!seen || !isDossierInScope(await scopedActor(ctx.db, actor), seen)) throw dossierNotFound(code);
  if (input.expectedVersion !== undefined && input.expectedVersion !== seen.version) throw versionConflict();
  const violation = checkAction(lifecycleOf(seen), action, actor.role);
  if (violation) throw ruleError(violation, action, seen.status);
  const payload = await payloadFor(ctx, seen, action, input, now);

  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('dossiers').selectAll().where('id', '=', seen.id).forUpdate().executeTakeFirstOrThrow();
    if (row.version !== seen.version) {
      // what happened meanwhile may forbid this action: say so (a second rating from a double
      // submit is ALREADY_RATED, not a version conflict)
      const meanwhile = checkAction(lifecycleOf(row), action, actor.role);
      if (meanwhile) throw ruleError(meanwhile, action, row.status);
      throw versionConflict();
    }
    const event = await appendEvent(trx, row, action, actor, payload, now);
    const { code: _c, ...next } = evolve(toDerived(row), event);
    const updated = await trx.updateTable('dossiers').set({ ...next, form_data: JSON.stringify(next.form_data) })
      .where('id', '=', row.id).where('version', '=', row.version).returningAll().executeTakeFirstOrThrow();
    await trx.insertInto('outbox').values({
      kind: `dossier.${action}`, payload: JSON.stringify({ code: row.code, status: updated.status, seq: event.seq }),
    }).execute();
    await runHooks(trx, ctx.hooks ?? [], event, updated);
    return { code: updated.code, status: updated.status, syncCode: updated.sync_code, version: updated.version, dueAt: updated.due_at?.toISOString() ?? null };
  });
}

const versionConflict = () => conflict('VERSION_CONFLICT', 'Hồ sơ vừa được người khác cập nhật; vui lòng tải lại và thử lại.');

export function toDerived(row: DossierRow): DerivedDossier {
  const { id: _id, created_at: _created, ...rest } = row;
  return rest;
}
