// "Ghi nhận sự cố": the tracking number of the leg, the kind, what happened and who reported it.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shownError } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { incidentKinds, type IncidentBody, type IncidentKind } from './api';
import { useIncidentsT } from './i18n';

const empty = { trackingNumber: '', kind: 'lost' as IncidentKind, description: '', reportedBy: '', reporterPhone: '' };

export function RecordIncidentForm({ busy, error, onRecord }: {
  readonly busy: boolean;
  readonly error: unknown;
  readonly onRecord: (trackingNumber: string, body: IncidentBody) => Promise<boolean>;
}) {
  const t = useIncidentsT();
  const { t: tApp } = useTranslation();
  const ids = useId();
  const [form, setForm] = useState(empty);
  const set = <K extends keyof typeof empty>(key: K, value: (typeof empty)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const phone = form.reporterPhone.trim();
    const body: IncidentBody = { kind: form.kind, description: form.description.trim(), reportedBy: form.reportedBy.trim(), ...(phone ? { reporterPhone: phone } : {}) };
    if (await onRecord(form.trackingNumber, body)) setForm(empty);
  };
  return (
    <form className="form" onSubmit={(e) => { void submit(e); }} aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('recordHeading')}</h2>
      <ErrorNotice error={error ? shownError(error, tApp) : null} />
      <Field label={t('trackingNumber')} hint={t('trackingHint')} value={form.trackingNumber} required autoComplete="off"
        maxLength={20} onChange={(e) => set('trackingNumber', e.target.value)} />
      <fieldset className="choice">
        <legend>{t('kindLegend')}</legend>
        {incidentKinds.map((k) => (
          <label key={k} className="choice__option">
            <input type="radio" name={`${ids}-kind`} checked={form.kind === k} onChange={() => set('kind', k)} />
            <span>{t(`kind_${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-d`} className="field__label">{t('description')}</label>
        <p id={`${ids}-dh`} className="field__hint">{t('descriptionHint')}</p>
        <textarea id={`${ids}-d`} className="field__textarea" rows={3} required maxLength={2000} aria-describedby={`${ids}-dh`}
          value={form.description} onChange={(e) => set('description', e.target.value)} />
      </div>
      <Field label={t('reportedBy')} hint={t('reportedByHint')} value={form.reportedBy} required maxLength={100} onChange={(e) => set('reportedBy', e.target.value)} />
      <Field label={t('reporterPhone')} type="tel" inputMode="tel" value={form.reporterPhone} maxLength={20} onChange={(e) => set('reporterPhone', e.target.value)} />
      <SubmitButton busy={busy} busyText={t('recording')} text={t('record')} />
    </form>
  );
}
