// How the applicant will receive the result (form 01 item 6): at the counter, by post to an
// address (required then; the applicant's own address in one click) or online.
import { useId } from 'react';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { useChoicesT } from './choices-i18n';
import type { DeliveryMethod } from './useIntakeChoices';
import type { ReceiveForm } from './useReceiveForm';
import { Section } from '../../ui/Section';

const methods: readonly DeliveryMethod[] = ['counter', 'post', 'online'];

export function DeliveryStep({ form, headingId }: { readonly form: ReceiveForm; readonly headingId: string }) {
  const t = useChoicesT();
  const ids = useId();
  const { choices: c, set } = form.choices;
  const p = form.procedure;
  const offered = (m: DeliveryMethod) => !p || (m === 'post' ? p.postalAllowed : m === 'online' ? p.onlineLevel !== 'none' : true);
  const error = form.errorOf('delivery');
  return (
    <Section headingId={headingId} title={t('deliveryTitle')}>
      <fieldset className={error ? 'field field--invalid' : 'field'}>
        <legend className="field__label">{t('deliveryLegend')}</legend>
        {error && <p className="field__error">{error}</p>}
        {methods.filter(offered).map((m) => (
          <label key={m} className="choice">
            <input type="radio" name={`${ids}-delivery`} value={m} checked={c.delivery === m} onChange={() => set({ delivery: m })} /> {t(`delivery_${m}`)}
          </label>
        ))}
      </fieldset>
      {c.delivery === 'post' && (
        <>
          <Field label={t('deliveryAddress')} hint={t('deliveryAddressHint')} value={c.deliveryAddress} autoComplete="off" required maxLength={300}
            error={form.errorOf('deliveryAddress')} onChange={(e) => set({ deliveryAddress: e.target.value })} />
          {form.applicant.address.trim() !== '' && c.deliveryAddress.trim() === '' && (
            <Button kind="secondary" onClick={() => set({ deliveryAddress: form.applicant.address.trim() })}>{t('useApplicantAddress')}</Button>
          )}
        </>
      )}
    </Section>
  );
}
