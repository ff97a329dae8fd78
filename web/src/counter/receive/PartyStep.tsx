// Who the person at the counter files for: themself, an organisation they represent (name, tax
// code, legal representative) or another person (name, ID, the authorisation paper).
import { useId } from 'react';
import { applicantKinds } from '../../../../src/shared/applicant-kinds';
import { Field } from '../../ui/Field';
import { useChoicesT } from './choices-i18n';
import type { ReceiveForm } from './useReceiveForm';
import { Section } from '../../ui/Section';

export function PartyStep({ form, headingId }: { readonly form: ReceiveForm; readonly headingId: string }) {
  const t = useChoicesT();
  const ids = useId();
  const { choices: c, set } = form.choices;
  const errorOf = form.errorOf;
  return (
    <Section headingId={headingId} title={t('partyTitle')}>
      <fieldset className="field">
        <legend className="field__label">{t('partyLegend')}</legend>
        <p className="field__hint">{t('partyHint')}</p>
        {applicantKinds.map((k) => (
          <label key={k} className="choice">
            <input type="radio" name={`${ids}-kind`} value={k} checked={c.kind === k} onChange={() => set({ kind: k })} /> {t(`kind_${k}`)}
          </label>
        ))}
      </fieldset>
      {c.kind === 'organisation' && (
        <div className="form-grid">
          <Field label={t('organisationName')} value={c.organisationName} autoComplete="off" required error={errorOf('organisationName')}
            onChange={(e) => set({ organisationName: e.target.value })} />
          <Field label={t('taxCode')} hint={t('taxCodeHint')} value={c.taxCode} inputMode="numeric" maxLength={14} autoComplete="off" required
            error={errorOf('taxCode')} onChange={(e) => set({ taxCode: e.target.value.replace(/[^\d-]/g, '') })} />
          <Field label={t('representative')} value={c.representative} autoComplete="off" required error={errorOf('representative')}
            onChange={(e) => set({ representative: e.target.value })} />
        </div>
      )}
      {c.kind === 'proxy' && (
        <div className="form-grid">
          <Field label={t('principalName')} value={c.principalName} autoComplete="off" required error={errorOf('principalName')}
            onChange={(e) => set({ principalName: e.target.value })} />
          <Field label={t('principalPersonalId')} value={c.principalPersonalId} inputMode="numeric" maxLength={12} autoComplete="off"
            error={errorOf('principalPersonalId')} onChange={(e) => set({ principalPersonalId: e.target.value.replace(/\D/g, '') })} />
          <Field label={t('authorisation')} hint={t('authorisationHint')} value={c.authorisation} autoComplete="off" required
            error={errorOf('authorisation')} onChange={(e) => set({ authorisation: e.target.value })} />
        </div>
      )}
    </Section>
  );
}
