// "Giải quyết sự cố": what was done and, when paid, the compensation (amount, to whom, how);
// the server numbers the compensation voucher (0001/BT-2026).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, SubmitButton } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shownError } from '../../ui/errors';
import { Field } from '../../ui/Field';
import type { Incident, ResolveBody } from './api';
import { useIncidentsT } from './i18n';

export function ResolveIncidentForm({ incident, busy, error, onResolve, onCancel }: {
  readonly incident: Incident;
  readonly busy: boolean;
  readonly error: unknown;
  readonly onResolve: (body: ResolveBody) => Promise<void>;
  readonly onCancel: () => void;
}) {
  const t = useIncidentsT();
  const { t: tApp } = useTranslation();
  const ids = useId();
  const [resolution, setResolution] = useState('');
  const [compensate, setCompensate] = useState(incident.kind === 'lost' || incident.kind === 'damaged');
  const [amount, setAmount] = useState('');
  const [recipientName, setRecipientName] = useState(incident.applicantName);
  const [method, setMethod] = useState<'cash' | 'transfer'>('cash');
  const amountVnd = Number(amount.replace(/[.\s]/g, ''));
  const amountError = compensate && amount !== '' && !(Number.isInteger(amountVnd) && amountVnd > 0) ? t('amountInvalid') : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (amountError) return;
    void onResolve({ resolution: resolution.trim(), ...(compensate ? { compensation: { amountVnd, recipientName: recipientName.trim(), paymentMethod: method } } : {}) });
  };
  return (
    <form className="form section courier-step" onSubmit={submit} aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} tabIndex={-1}>{t('resolveHeading', { trackingNumber: incident.trackingNumber })}</h2>
      <p>{incident.kindLabel}: {incident.description}</p>
      <ErrorNotice error={error ? shownError(error, tApp) : null} />
      <div className="field">
        <label htmlFor={`${ids}-r`} className="field__label">{t('resolution')}</label>
        <p id={`${ids}-rh`} className="field__hint">{t('resolutionHint')}</p>
        <textarea id={`${ids}-r`} className="field__textarea" rows={3} required maxLength={2000} aria-describedby={`${ids}-rh`}
          value={resolution} onChange={(e) => setResolution(e.target.value)} />
      </div>
      <label className="choice__option">
        <input type="checkbox" checked={compensate} onChange={(e) => setCompensate(e.target.checked)} />
        <span>{t('compensate')}</span>
      </label>
      {compensate && (
        <>
          <Field label={t('amount')} inputMode="numeric" required value={amount} error={amountError} onChange={(e) => setAmount(e.target.value)} />
          <Field label={t('recipientName')} required maxLength={100} value={recipientName} onChange={(e) => setRecipientName(e.target.value)} />
          <fieldset className="choice">
            <legend>{t('methodLegend')}</legend>
            {(['cash', 'transfer'] as const).map((m) => (
              <label key={m} className="choice__option">
                <input type="radio" name={`${ids}-m`} checked={method === m} onChange={() => setMethod(m)} />
                <span>{t(`method_${m}`)}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      <SubmitButton busy={busy} busyText={t('saving')} text={t('saveResolution')}>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </SubmitButton>
    </form>
  );
}
