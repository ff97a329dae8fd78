// One lifecycle action, confirmed in a modal dialog with the inputs it needs, then posted.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDetails, errorMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import {
  dislikeReasons, fetchAssignees, performAction, RATING_COMMENT_MAX_CHARS, RATING_MAX_STARS, RATING_MIN_STARS,
  type ActionInput, type Assignee, type ActionResult, type DislikeReason, type DossierAction, type DossierDetail, type ReturnChannel,
} from './api';
import { instantOfVnLocal } from './format';
import { useProcessingT } from './i18n';
import { actionText, statusText } from './labels';

/** What each action asks for (src/dossiers/actions.ts). */
const needsReason: readonly DossierAction[] = ['refuse', 'reject', 'stop', 'requestSupplement', 'apologize', 'recomputeDue'];
const returnChannels: readonly ReturnChannel[] = ['counter', 'post', 'online'];
const paymentChannels = ['counter', 'postal', 'transfer', 'online_national', 'online_provincial'] as const;
type PaymentChannel = (typeof paymentChannels)[number];
/** 1 … 5, from the lifecycle's scale */
const starChoices = Array.from({ length: RATING_MAX_STARS - RATING_MIN_STARS + 1 }, (_, i) => RATING_MIN_STARS + i);
type StarKey = `stars_${1 | 2 | 3 | 4 | 5}`;

interface Props {
  readonly dossier: DossierDetail;
  readonly action: DossierAction;
  readonly onDone: (result: ActionResult) => void;
  readonly onClose: () => void;
  /** the applicant acting on their own dossier (texts addressed to them) */
  readonly asApplicant?: boolean;
}

export function ActionDialog({ dossier, action, onDone, onClose, asApplicant = false }: Props) {
  const t = useProcessingT();
  const { t: tApp } = useTranslation();
  const ids = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [items, setItems] = useState('');
  const [newDueAt, setNewDueAt] = useState('');
  const [consultedAgency, setConsultedAgency] = useState('');
  const [replyDueAt, setReplyDueAt] = useState('');
  const [assignees, setAssignees] = useState<readonly Assignee[] | null>(null);
  const [officerId, setOfficerId] = useState('');
  const [amount, setAmount] = useState('');
  const [channel, setChannel] = useState<ReturnChannel>('counter');
  const [paymentChannel, setPaymentChannel] = useState<PaymentChannel>('counter');
  const [signer, setSigner] = useState(dossier.applicant.name);
  const [stars, setStars] = useState<number | null>(null);
  const [dislike, setDislike] = useState<readonly DislikeReason[]>([]);
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ text: string; details: readonly string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    if (action !== 'assign') return;
    const abort = new AbortController();
    fetchAssignees(dossier.code, abort.signal).then(setAssignees, (e: unknown) => {
      if (!abort.signal.aborted) setError({ text: errorMessage(e, tApp), details: errorDetails(e) });
    });
    return () => abort.abort();
  }, [action, dossier.code, tApp]);

  const label = actionText(t, action);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const input: { -readonly [K in keyof ActionInput]: ActionInput[K] } = { expectedVersion: dossier.version };
    if (reason.trim()) input.reason = reason.trim();
    else if (needsReason.includes(action)) found.reason = t('reasonRequired');
    if (note.trim() && action !== 'rate') input.note = note.trim();
    if (action === 'rate') {
      if (stars === null) found.stars = t(asApplicant ? 'ratingStarsRequiredCitizen' : 'ratingStarsRequired');
      else input.stars = stars;
      if (dislike.length > 0) input.dislike = dislike;
      if (comment.trim()) input.comment = comment.trim();
    }
    if (action === 'requestSupplement') {
      const list = items.split('\n').map((s) => s.trim()).filter(Boolean);
      if (list.length === 0) found.items = t('itemsRequired');
      else input.items = list;
    }
    if (action === 'apologize') {
      const at = instantOfVnLocal(newDueAt);
      if (!at) found.newDueAt = t('newDueAtRequired');
      else input.newDueAt = at;
    }
    if (action === 'consult') {
      if (!consultedAgency.trim()) found.consultedAgency = t('consultedAgencyRequired');
      else input.consultedAgency = consultedAgency.trim();
      const at = instantOfVnLocal(replyDueAt);
      if (!at) found.replyDueAt = t('replyDueAtRequired');
      else input.replyDueAt = at;
    }
    if (action === 'assign') {
      if (officerId) input.officerId = Number(officerId);
      else found.officerId = t('officerRequired');
    }
    if (action === 'requestPayment' && amount.trim() && Number.isInteger(Number(amount))) input.amountVnd = Number(amount);
    if (action === 'paymentReceived') input.paymentChannel = paymentChannel;
    if (action === 'return') {
      input.channel = channel;
      if (!signer.trim() && channel !== 'online') found.signer = t('signerRequired');
      else if (signer.trim()) input.signature = { name: signer.trim(), signedAt: new Date().toISOString() };
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await performAction(dossier.code, action, input);
      onDone(result);
    } catch (e) {
      setError({ text: errorMessage(e, tApp), details: errorDetails(e) });
      setBusy(false);
    }
  };

  const textArea = (key: string, text: string, value: string, set: (v: string) => void, hint?: string, maxLength?: number) => {
    const id = `${ids}-${key}`;
    const problem = problems[key];
    const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className={problem ? 'field field--invalid' : 'field'}>
        <label htmlFor={id} className="field__label">{text}</label>
        {hint && <p id={`${id}-hint`} className="field__hint">{hint}</p>}
        {problem && <p id={`${id}-error`} className="field__error">{problem}</p>}
        <textarea id={id} className="field__textarea" value={value} onChange={(e) => set(e.target.value)}
          aria-invalid={problem ? true : undefined} aria-describedby={describedBy} maxLength={maxLength} />
      </div>
    );
  };

  // F766 5.4: the applicant's choice, entered by the clerk from the counter's rating device
  const rating = () => {
    const starsError = problems.stars;
    return (
      <>
        <p className="field__hint">{t(asApplicant ? 'ratingIntroCitizen' : 'ratingIntro')}</p>
        <fieldset className={starsError ? 'choice-group field--invalid' : 'choice-group'} aria-describedby={starsError ? `${ids}-stars-error` : undefined}>
          <legend className="field__label">{t('ratingStars')}</legend>
          {starsError && <p id={`${ids}-stars-error`} className="field__error">{starsError}</p>}
          {starChoices.map((n) => (
            <label key={n} className="choice">
              <input type="radio" name={`${ids}-stars`} value={n} checked={stars === n} onChange={() => setStars(n)}
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
                onChange={(e) => setDislike(dislikeReasons.filter((x) => (x === r ? e.target.checked : dislike.includes(x))))} />
              {t(`dislike_${r}`)}
            </label>
          ))}
        </fieldset>
        {textArea('comment', t('ratingComment'), comment, setComment, t('ratingCommentHint', { max: RATING_COMMENT_MAX_CHARS }), RATING_COMMENT_MAX_CHARS)}
      </>
    );
  };

  return (
    <dialog ref={ref} className="action-dialog" aria-labelledby={`${ids}-title`} onCancel={(e) => { e.preventDefault(); if (!busy) onClose(); }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${ids}-title`}>{t('dialogTitle', { action: label })}</h2>
        <p>{t('dialogIntro', { code: dossier.code, status: statusText(t, dossier.status) })}</p>
        {action === 'requestSupplement' && textArea('items', t('items'), items, setItems, t('itemsHint'))}
        {action === 'apologize' && (
          <Field label={t('newDueAt')} hint={t('newDueAtHint')} type="datetime-local" value={newDueAt}
            onChange={(e) => setNewDueAt(e.target.value)} error={problems.newDueAt ?? null} />
        )}
        {action === 'consult' && (
          <>
            <Field label={t('consultedAgency')} value={consultedAgency} onChange={(e) => setConsultedAgency(e.target.value)} error={problems.consultedAgency ?? null} />
            <Field label={t('replyDueAt')} type="datetime-local" value={replyDueAt} onChange={(e) => setReplyDueAt(e.target.value)} error={problems.replyDueAt ?? null} />
          </>
        )}
        {action === 'assign' && (
          <div className="field">
            <label htmlFor={`${ids}-officer`} className="field__label">{t('officer')}</label>
            <select id={`${ids}-officer`} className="field__select" value={officerId} onChange={(e) => setOfficerId(e.target.value)}
              aria-invalid={problems.officerId ? true : undefined} aria-describedby={problems.officerId ? `${ids}-officer-error` : undefined}>
              <option value="">{assignees === null ? t('officerLoading') : t('officerChoose')}</option>
              {(assignees ?? []).map((a) => <option key={a.userId} value={a.userId}>{a.fullName} — {t(`role_${a.role}`)}</option>)}
            </select>
            {problems.officerId && <p id={`${ids}-officer-error`} className="field__error">{problems.officerId}</p>}
          </div>
        )}
        {action === 'requestPayment' && <Field label={t('amountVnd')} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value.replace(/\D/g, ''))} />}
        {action === 'paymentReceived' && (
          <div className="field">
            <label htmlFor={`${ids}-payment`} className="field__label">{t('paymentChannel')}</label>
            <select id={`${ids}-payment`} className="field__select" value={paymentChannel} onChange={(e) => setPaymentChannel(e.target.value as PaymentChannel)}>
              {paymentChannels.map((c) => <option key={c} value={c}>{t(`payment_${c}`)}</option>)}
            </select>
          </div>
        )}
        {action === 'return' && (
          <>
            <div className="field">
              <label htmlFor={`${ids}-channel`} className="field__label">{t('returnChannel')}</label>
              <select id={`${ids}-channel`} className="field__select" value={channel} onChange={(e) => setChannel(e.target.value as ReturnChannel)}>
                {returnChannels.map((c) => <option key={c} value={c}>{t(`channel_${c}`)}</option>)}
              </select>
            </div>
            <Field label={t('signerName')} hint={t('signerHint')} value={signer} onChange={(e) => setSigner(e.target.value)} error={problems.signer ?? null} autoComplete="off" />
          </>
        )}
        {action === 'rate' && rating()}
        {needsReason.includes(action)
          ? textArea('reason', t('reason'), reason, setReason)
          // the applicant's own words go on the withdrawal notice
          : action === 'withdraw' && asApplicant ? textArea('reason', t('withdrawReason'), reason, setReason)
          : action !== 'rate' && textArea('note', t('note'), note, setNote)}
        <Notice tone="error">
          {error && (
            <>
              <p>{error.text}</p>
              {error.details.length > 0 && <ul>{error.details.map((d, i) => <li key={i}>{d}</li>)}</ul>}
            </>
          )}
        </Notice>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('confirming') : t('confirm')}</button>
          <button type="button" className="button button--quiet" onClick={onClose} disabled={busy}>{t('cancel')}</button>
        </div>
      </form>
    </dialog>
  );
}
