// The review before a bundle's intake: the bundle, the applicant, the papers per member (with a
// member's situation), the consent to keep the papers and the combined form read back, then "Tiếp nhận" (one request, one Idempotency-Key) or back to edit.
import { useId } from 'react';
import { Button } from '../../ui/Button';
import { formatCivilDate } from '../../ui/dates';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { papersToSend } from '../checklist';
import { memberRows } from './bundle-papers';
import type { ChosenUnit } from '../CommunePicker';
import { useCounterT } from '../i18n';
import type { BundleDefinition } from './bundle-api';
import { useCounterBundleT } from './bundle-i18n';
import { useBundleT } from '../../processing/bundle-i18n';
import { choiceText } from '../../processing/bundle-return/ReturnPart';
import type { BundleForm } from './useBundleForm';

export function BundleReviewStep({ form, definition, unit }: { readonly form: BundleForm; readonly definition: BundleDefinition; readonly unit: ChosenUnit }) {
  const t = useCounterT();
  const tb = useCounterBundleT();
  const b = useBundleT();
  const id = useId();
  const { applicant, fields, values } = form;
  const filled = fields.filter((f) => values[f.key] !== undefined && values[f.key] !== '' && values[f.key] !== false);
  const shownValue = (key: string, v: string | boolean | undefined) =>
    v === true ? t('yes') : fields.find((f) => f.key === key)?.kind === 'date' && typeof v === 'string' ? formatCivilDate(v) : String(v);
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1} data-focus="review">{tb('reviewTitle')}</h2>
      <p>{tb('reviewIntro')}</p>
      <dl className="facts">
        <dt>{tb('reviewGroup')}</dt><dd>{definition.name} ({definition.code})</dd>
        <dt>{t('name')}</dt><dd>{applicant.name}</dd>
        <dt>{t('personalId')}</dt><dd>{applicant.personalId}</dd>
        {applicant.birthDate && <><dt>{t('birthDate')}</dt><dd>{formatCivilDate(applicant.birthDate)}</dd></>}
        <dt>{t('phone')}</dt><dd>{applicant.phone}</dd>
        <dt>{t('commune')}</dt><dd>{unit.name}</dd>
        <dt>{tb('reviewReturn')}</dt><dd>{choiceText(b, { ...form.returnChoice, address: form.returnChoice.place === 'post' ? form.returnChoice.address.trim() : null })}</dd>
        <dt>{tb('reviewPapersLabel')}</dt>
        <dd><ul>{form.members.map((c) => (
          <li key={c.key}>{tb('reviewPapers', { name: c.name, count: papersToSend(memberRows(c, form.situations)).length })}
            {form.situations[c.key] && <><br /><span className="field__hint">{tb('reviewSituation', { name: c.name, situation: form.situations[c.key] ?? '' })}</span></>}</li>
        ))}</ul></dd>
        {!form.consentGivenAt && <><dt>{tb('reviewConsent')}</dt><dd>{tb(form.storeConsent ? 'reviewConsentYes' : 'reviewConsentNo')}</dd></>}
        {filled.map((f) => (
          <div key={f.key} className="facts__row"><dt>{f.title}</dt><dd>{shownValue(f.key, values[f.key])}</dd></div>
        ))}
      </dl>
      <ErrorNotice error={form.serverError} />
      <div className="form__actions">
        <Button kind="primary" onClick={() => void form.submit()} disabled={form.busy}>{form.busy ? tb('submitting') : tb('submit')}</Button>
        <Button kind="secondary" onClick={form.backToEdit} disabled={form.busy}>{tb('edit')}</Button>
      </div>
    </section>
  );
}
