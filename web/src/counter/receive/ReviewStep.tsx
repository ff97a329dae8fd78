// The review before intake: everything the clerk entered, read back, then "Tiếp nhận" or back to edit.
import { useId } from 'react';
import { useProcessingT } from '../../processing/i18n';
import { Button } from '../../ui/Button';
import { formatCivilDate } from '../../ui/dates';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { ProcedureDetail } from '../api';
import { papersToSend, paperSource } from '../checklist';
import type { ChosenUnit } from '../CommunePicker';
import { useCounterT } from '../i18n';
import { ChoicesReview } from './ChoicesReview';
import { CaseReview } from './CaseReview';
import type { ReceiveForm } from './useReceiveForm';

interface ReviewStepProps {
  readonly form: ReceiveForm;
  readonly procedure: ProcedureDetail;
  readonly unit: ChosenUnit;
}

export function ReviewStep({ form, procedure, unit }: ReviewStepProps) {
  const t = useCounterT();
  const tp = useProcessingT();
  const id = useId();
  const { applicant, shownRows: rows, fields, values } = form;
  const filled = fields.filter((f) => values[f.key] !== undefined && values[f.key] !== '' && values[f.key] !== false);
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1} data-focus="review">{t('reviewTitle')}</h2>
      <p>{t('reviewIntro')}</p>
      <dl className="facts">
        <dt>{tp('procedure')}</dt><dd>{procedure.name} ({procedure.code})</dd>
        <CaseReview form={form} />
        <dt>{t('name')}</dt><dd>{applicant.name}</dd>
        <dt>{t('personalId')}</dt><dd>{applicant.personalId}</dd>
        {applicant.birthDate && <><dt>{t('birthDate')}</dt><dd>{formatCivilDate(applicant.birthDate)}</dd></>}
        <dt>{t('phone')}</dt><dd>{applicant.phone}</dd>
        {applicant.email && <><dt>{t('email')}</dt><dd>{applicant.email}</dd></>}
        {applicant.address && <><dt>{t('address')}</dt><dd>{applicant.address}</dd></>}
        <dt>{t('commune')}</dt><dd>{unit.name}</dd>
        <ChoicesReview form={form} />
        <dt>{t('stepPapers')}</dt>
        <dd>
          {t('reviewPapers', { count: papersToSend(rows).length })}
          <ul>{rows.filter((r) => r.included).map((r) => <li key={r.key}>{r.name} — {t('paperOriginals')}: {r.originals}, {t('paperCopies')}: {r.copies}, {t(`source_${paperSource(r)}`)}</li>)}</ul>
        </dd>
        {filled.map((f) => (
          <div key={f.key} className="facts__row"><dt>{f.title}</dt><dd>{values[f.key] === true ? t('yes') : String(values[f.key])}</dd></div>
        ))}
      </dl>
      <ErrorNotice error={form.serverError} />
      <div className="form__actions">
        <Button kind="primary" onClick={() => void form.submit()} disabled={form.busy}>{form.busy ? t('submitting') : t('submit')}</Button>
        <Button kind="secondary" onClick={form.backToEdit} disabled={form.busy}>{t('edit')}</Button>
      </div>
    </section>
  );
}
