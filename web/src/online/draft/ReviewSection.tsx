// "Check your answers": what the server still finds wrong (every problem at once), the fee of
// filing online and, for an end-to-end online procedure with a fee, whether it is paid.
import type { Review } from '../api';
import { useOnlineT } from '../i18n';
import { AnswersSummary } from './AnswersSummary';
import type { DraftEditor } from './useDraftEditor';

export const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

/** `editor`: the answers are read back above the check (the citizen's page). */
export function ReviewSection({ review, editor }: { readonly review: Review; readonly editor?: DraftEditor }) {
  const t = useOnlineT();
  const fee = review.fee;
  const unpaid = review.paymentRequired && !review.payment?.paid;
  return (
    <section className="section" aria-labelledby="online-review">
      <h2 id="online-review">{t('reviewTitle')}</h2>
      {editor && <AnswersSummary editor={editor} />}
      {review.problems.length === 0
        ? <p className="notice notice--success" role="status">{unpaid ? t('reviewOkPay') : t('reviewOk')}</p>
        : (
          <div className="notice notice--error" role="alert">
            <p>{t('reviewProblems', { count: review.problems.length })}</p>
            <ul>{review.problems.map((p, i) => <li key={`${p.path ?? ''}-${i}`}>{p.message}</li>)}</ul>
          </div>
        )}
      <h3>{t('feeTitle')}</h3>
      {fee.lines.length === 0 && fee.described.length === 0 && <p>{t('feeNone')}</p>}
      {fee.lines.length > 0 && <ul>{fee.lines.map((l) => <li key={l.name}>{l.name}: {vnd(l.amountVnd)}</li>)}</ul>}
      {fee.described.map((d) => <p key={d.name}>{t('feeDescribed', { name: d.name, note: d.note ?? '' })}</p>)}
      {fee.totalVnd > 0 && <p><strong>{t('feeTotal', { amount: vnd(fee.totalVnd) })}</strong></p>}
      {unpaid && <p className="notice notice--warning">{t('paymentRequired')}</p>}
      {review.payment?.paid && <p className="notice notice--success">{t('paymentPaid', { amount: vnd(review.payment.paidVnd), receipts: review.payment.receiptNumbers.join(', ') })}</p>}
    </section>
  );
}
