// rate (F766 5.4, TT 01/2018 index 7): the applicant's satisfaction rating, once. `via` comes from
// who records it: the citizen on the portal, or the clerk entering the applicant's choice from
// the counter's rating device — only for the result they just handed over at the counter.
import { can } from '../../accounts/policy';
import { invalidTransition, validationFailed } from '../../platform/errors';
import { counterRatingOpen } from '../counter-rating';
import { dislikeReasons, isDislikeReason, isRatingStars, RATING_COMMENT_MAX_CHARS, type RatingChannel } from '../lifecycle';
import type { ActionInput } from '../model';
import type { DossierContext } from '../events';
import type { PayloadArgs, Payload } from './common';

export async function ratePayload(args: PayloadArgs): Promise<Payload> {
  const { ctx, row, input, now } = args;
  // the counter's rating device: only the person who just received the result at this counter
  // rates through the clerk; any other applicant rates on the portal (the staff rated never fill it in)
  const onPortal = ctx.actor !== null && can(ctx.actor, 'portal.self');
  if (ctx.actor && !onPortal && !counterRatingOpen({
    status: row.status, resultDelivery: row.result_delivery, returnedAt: row.returned_at, returnedBy: await returnedBy(ctx, row.id),
  }, ctx.actor.userId, now)) {
    throw invalidTransition('RATING_AT_COUNTER_ONLY', 'Cán bộ chỉ ghi nhận đánh giá của người vừa nhận kết quả tại quầy từ chính mình, trong ngày trả kết quả; người nộp hồ sơ tự đánh giá trên Cổng dịch vụ công.');
  }
  return ratingOf(input, onPortal ? 'portal' : 'counter');
}

/** Who recorded the dossier's latest `return` (null: none). */
async function returnedBy(ctx: DossierContext, dossierId: number): Promise<number | null> {
  const e = await ctx.db.selectFrom('dossier_events').select('actor_id').where('dossier_id', '=', dossierId).where('action', '=', 'return')
    .orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return e?.actor_id ?? null;
}

/** The rating as the event records it: stars, the reasons in the list's order (each once), the comment. */
export function ratingOf(input: ActionInput, via: RatingChannel): Payload {
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
  const dislike = dislikeReasons.filter((r) => reasons.includes(r));
  return { stars: input.stars, dislike, comment: comment || undefined, via };
}
