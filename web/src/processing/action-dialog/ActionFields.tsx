// The inputs an action asks for, one small component per kind of question.
import { useId } from 'react';
import { DateField } from '../../ui/DateField';
import { DateTimeField } from '../../ui/DateTimeField';
import { vnToday } from '../../ui/dates';
import { Field } from '../../ui/Field';
import { dislikeReasons, RATING_COMMENT_MAX_CHARS, RATING_MAX_STARS, RATING_MIN_STARS, type Assignee, type ReturnChannel } from '../api';
import { useProcessingT } from '../i18n';
import { paymentChannels, returnChannels, type ActionDraft, type PaymentChannel } from './actionInput';
import type { ActionForm } from './useActionForm';

/** A day the date field holds; otherwise the draft keeps the text as typed, so that a wrong day is refused, not dropped. */
const isCivilDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

type StarKey = `stars_${1 | 2 | 3 | 4 | 5}`;
/** 1 … 5, from the lifecycle's scale */
const starChoices = Array.from({ length: RATING_MAX_STARS - RATING_MIN_STARS + 1 }, (_, i) => RATING_MIN_STARS + i);

type TextKey = 'reason' | 'note' | 'items' | 'comment';

export function TextAreaField({ form, name, label, hint, maxLength }: {
  readonly form: ActionForm; readonly name: TextKey; readonly label: string; readonly hint?: string; readonly maxLength?: number;
}) {
  const id = useId();
  const problem = form.problemOf(name);
  const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={problem ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">{label}</label>
      {hint && <p id={`${id}-hint`} className="field__hint">{hint}</p>}
      {problem && <p id={`${id}-error`} className="field__error">{problem}</p>}
      <textarea id={id} className="field__textarea" value={form.draft[name]} onChange={(e) => form.set(name, e.target.value)}
        aria-invalid={problem ? true : undefined} aria-describedby={describedBy} maxLength={maxLength} />
    </div>
  );
}

function SelectField<V extends string>({ label, value, options, optionText, onChange, problem, placeholder }: {
  readonly label: string; readonly value: V | ''; readonly options: readonly V[]; readonly optionText: (v: V) => string;
  readonly onChange: (v: V) => void; readonly problem?: string | null; readonly placeholder?: string;
}) {
  const id = useId();
  return (
    <div className={problem ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">{label}</label>
      <select id={id} className="field__select" value={value} onChange={(e) => onChange(e.target.value as V)}
        aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-error` : undefined}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o} value={o}>{optionText(o)}</option>)}
      </select>
      {problem && <p id={`${id}-error`} className="field__error">{problem}</p>}
    </div>
  );
}

export function AssignField({ form, assignees }: { readonly form: ActionForm; readonly assignees: readonly Assignee[] | null }) {
  const t = useProcessingT();
  const byId = new Map((assignees ?? []).map((a) => [String(a.userId), a]));
  return (
    <SelectField label={t('officer')} value={form.draft.officerId} options={[...byId.keys()]}
      optionText={(id) => { const a = byId.get(id); return a ? `${a.fullName} — ${t(`role_${a.role}`)}` : id; }}
      onChange={(v) => form.set('officerId', v)} problem={form.problemOf('officerId')}
      placeholder={assignees === null ? t('officerLoading') : t('officerChoose')} />
  );
}

export function PaymentFields({ form, action }: { readonly form: ActionForm; readonly action: 'requestPayment' | 'paymentReceived' }) {
  const t = useProcessingT();
  if (action === 'requestPayment') {
    return <Field label={t('amountVnd')} inputMode="numeric" value={form.draft.amount} onChange={(e) => form.set('amount', e.target.value.replace(/\D/g, ''))} />;
  }
  return (
    <SelectField<PaymentChannel> label={t('paymentChannel')} value={form.draft.paymentChannel} options={paymentChannels}
      optionText={(c) => t(`payment_${c}`)} onChange={(v) => form.set('paymentChannel', v)} />
  );
}

export function ReturnFields({ form }: { readonly form: ActionForm }) {
  const t = useProcessingT();
  return (
    <>
      <SelectField<ReturnChannel> label={t('returnChannel')} value={form.draft.channel} options={returnChannels}
        optionText={(c) => t(`channel_${c}`)} onChange={(v) => form.set('channel', v)} />
      <Field label={t('signerName')} hint={t('signerHint')} value={form.draft.signer} onChange={(e) => form.set('signer', e.target.value)}
        error={form.problemOf('signer')} autoComplete="off" />
    </>
  );
}

/** A day (dd/mm/yyyy) and a time (HH:mm), read as Vietnam time. */
export function DueField({ form, name, label, hint }: { readonly form: ActionForm; readonly name: keyof ActionDraft & ('newDueAt' | 'replyDueAt'); readonly label: string; readonly hint?: string }) {
  return <DateTimeField label={label} hint={hint} value={form.draft[name]} onChange={(v) => form.set(name, v)} error={form.problemOf(name)} />;
}

export function ConsultFields({ form }: { readonly form: ActionForm }) {
  const t = useProcessingT();
  return (
    <>
      <Field label={t('consultedAgency')} value={form.draft.consultedAgency} onChange={(e) => form.set('consultedAgency', e.target.value)} error={form.problemOf('consultedAgency')} />
      <DueField form={form} name="replyDueAt" label={t('replyDueAt')} />
    </>
  );
}

/** F766 5.4: the applicant's choice, entered by the clerk from the counter's rating device (or by the applicant). */
export function RatingFields({ form, asApplicant }: { readonly form: ActionForm; readonly asApplicant: boolean }) {
  const t = useProcessingT();
  const ids = useId();
  const starsError = form.problemOf('stars');
  const { stars, dislike } = form.draft;
  return (
    <>
      <p className="field__hint">{t(asApplicant ? 'ratingIntroCitizen' : 'ratingIntro')}</p>
      <fieldset className={starsError ? 'choice-group field--invalid' : 'choice-group'} aria-describedby={starsError ? `${ids}-stars-error` : undefined}>
        <legend className="field__label">{t('ratingStars')}</legend>
        {starsError && <p id={`${ids}-stars-error`} className="field__error">{starsError}</p>}
        {starChoices.map((n) => (
          <label key={n} className="choice">
            <input type="radio" name={`${ids}-stars`} value={n} checked={stars === n} onChange={() => form.set('stars', n)}
              aria-invalid={starsError ? true : undefined} />
            {t(`stars_${n}` as StarKey)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">{t('ratingReasons')}</legend>
        {dislikeReasons.map((r) => (
          <label key={r} className="choice">
            <input type="checkbox" value={r} checked={dislike.includes(r)}
              onChange={(e) => form.set('dislike', dislikeReasons.filter((x) => (x === r ? e.target.checked : dislike.includes(x))))} />
            {t(`dislike_${r}`)}
          </label>
        ))}
      </fieldset>
      <TextAreaField form={form} name="comment" label={t('ratingComment')} hint={t('ratingCommentHint', { max: RATING_COMMENT_MAX_CHARS })} maxLength={RATING_COMMENT_MAX_CHARS} />
    </>
  );
}

/** requestSupplement: everything to add at once (one per line) and, optionally, the day to bring it by. */
export function SupplementRequestFields({ form }: { readonly form: ActionForm }) {
  const t = useProcessingT();
  return (
    <>
      <TextAreaField form={form} name="items" label={t('items')} hint={t('itemsHint')} />
      <DateField label={t('supplementDueAt')} hint={t('supplementDueAtHint')}
        value={isCivilDate(form.draft.supplementDue) ? form.draft.supplementDue : ''} min={vnToday(Date.now())}
        onChange={(day, text) => form.set('supplementDue', day || text)} error={form.problemOf('supplementDue')} />
    </>
  );
}

/** supplementReceived: each requested paper, ticked as it is received. */
export function ReceivedPapersFields({ form, requested }: { readonly form: ActionForm; readonly requested: readonly string[] }) {
  const t = useProcessingT();
  const ids = useId();
  const problem = form.problemOf('receivedPapers');
  const { receivedPapers } = form.draft;
  return (
    <fieldset className={problem ? 'choice-group field--invalid' : 'choice-group'} aria-describedby={`${ids}-hint${problem ? ` ${ids}-error` : ''}`}>
      <legend className="field__label">{t('papersReceived')}</legend>
      <p id={`${ids}-hint`} className="field__hint">{t('papersReceivedHint')}</p>
      {problem && <p id={`${ids}-error`} className="field__error">{problem}</p>}
      {requested.map((paper) => (
        <label key={paper} className="choice">
          <input type="checkbox" value={paper} checked={receivedPapers.includes(paper)} aria-invalid={problem ? true : undefined}
            onChange={(e) => form.set('receivedPapers', requested.filter((p) => (p === paper ? e.target.checked : receivedPapers.includes(p))))} />
          {paper}
        </label>
      ))}
    </fieldset>
  );
}
