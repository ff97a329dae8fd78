// Public tracking at /tra-cuu (no sign-in): dossier code + the 6-digit tracking PIN of the receipt
// → status, due time, steps and whether the applicant rated the service (not the rating), no
// personal data. A wrong PIN gets the same neutral answer as an unknown code; repeated wrong PINs
// make the server ask for a short wait (429 with Retry-After), said as such.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { canBeRated, trackDossier, type TrackingView } from '../processing/api';
import { useProcessingT } from '../processing/i18n';
import { formatAt, StatusBadge } from '../processing/labels';
import { TrackingIntakeFacts } from '../processing/IntakeFacts';
import '../processing/processing.css';
import { errorMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/page';
import { useTrackingT } from './i18n';
import { pickupAtCounter } from './pickup';
import { buttonClass, SubmitButton } from '../ui/Button';
import { Link } from '../ui/router';
import { pickupPathFor } from '../portal/api';

const codeFromUrl = () => new URLSearchParams(window.location.search).get('ma')?.trim().slice(0, 60) ?? '';

export function TrackingPage() {
  const t = useTrackingT();
  const tp = useProcessingT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('title'));
  const ids = useId();
  const [code, setCode] = useState(codeFromUrl);
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<{ code?: string; pin?: string }>({});
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<TrackingView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const result = useRef<HTMLHeadingElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: { code?: string; pin?: string } = {};
    if (!code.trim()) found.code = t('codeRequired');
    if (!/^\d{6}$/.test(pin)) found.pin = t('pinRequired');
    setErrors(found);
    if (found.code || found.pin) {
      (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    setMessage(null);
    setView(null);
    try {
      const v = await trackDossier(code.trim().toUpperCase(), pin);
      setView(v);
      window.setTimeout(() => result.current?.focus(), 0);
    } catch (e) {
      const notFound = e instanceof ApiError && (e.status === 404 || e.status === 400);
      // a wait asked after repeated wrong PINs (429 TRACKING_THROTTLED) is said with its seconds by the server
      setMessage(notFound ? t('notFound') : errorMessage(e, tApp));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1 tabIndex={-1}>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-describedby={`${ids}-msg`}>
        <Field label={t('code')} hint={t('codeHint')} value={code} onChange={(e) => setCode(e.target.value)} error={errors.code ?? null}
          autoComplete="off" spellCheck={false} required />
        <Field label={t('pin')} hint={t('pinHint')} value={pin} inputMode="numeric" maxLength={6} pattern="[0-9]{6}" error={errors.pin ?? null}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} autoComplete="off" required />
        <SubmitButton busy={busy} busyText={t('searching')} text={t('submit')} />
      </form>
      <Notice tone="error" id={`${ids}-msg`}>{message}</Notice>
      {view && (
        <section className="section" aria-labelledby={`${ids}-result`}>
          <h2 id={`${ids}-result`} ref={result} tabIndex={-1}>{t('resultTitle', { code: view.code })}</h2>
          <dl className="facts">
            <dt>{t('procedure')}</dt><dd>{view.procedureName}</dd>
            <dt>{t('status')}</dt><dd><StatusBadge t={tp} status={view.status} /></dd>
            <dt>{t('receivedAt')}</dt><dd>{formatAt(tp, view.receivedAt)}</dd>
            <dt>{t('dueAt')}</dt><dd>{formatAt(tp, view.dueAt)}</dd>
            <TrackingIntakeFacts view={view} />
            {/* whether it was rated, never the rating: rating needs a sign-in (or the counter) */}
            {(view.rated || canBeRated(view.status)) && (
              <><dt>{t('rating')}</dt><dd>{view.rated ? t('rated') : <>{t('notRated')}. {t('ratingHint')}</>}</dd></>
            )}
          </dl>
          {pickupAtCounter(view) && (
            <p><Link to={pickupPathFor(view.code)} className={buttonClass('primary')} data-testid="book-pickup">{t('bookPickup')}</Link></p>
          )}
          {view.supplement && (
            <div className="notice notice--info" role="status">
              <h3>{t('supplementTitle')}</h3>
              <p>{t('supplementIntro')}</p>
              <ol>{view.supplement.items.map((item, i) => <li key={i}>{item}</li>)}</ol>
              <p>
                {view.supplement.dueBy ? t('supplementDueBy', { at: formatAt(tp, view.supplement.dueBy) }) : t('supplementNoDue')}{' '}
                {t('supplementAsked', { at: formatAt(tp, view.supplement.requestedAt) })}
              </p>
            </div>
          )}
          <h3>{t('steps')}</h3>
          <ol className="timeline">
            {view.steps.map((s, i) => <li key={i}><time dateTime={s.at}>{formatAt(tp, s.at)}</time> {s.label}</li>)}
          </ol>
        </section>
      )}
    </div>
  );
}
