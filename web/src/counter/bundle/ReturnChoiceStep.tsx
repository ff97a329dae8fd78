// Step 5 of a bundle's intake (issue 17 §4): how the applicant wants the results back — all
// together or each as it comes, at the counter or by one postal delivery to an address. Post is
// offered only when every member allows postal return (the server refuses it otherwise).
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { RadioChoice } from '../../ui/RadioChoice';
import { Section } from '../../ui/Section';
import { useBundleT } from '../../processing/bundle-i18n';
import { useCounterBundleT } from './bundle-i18n';
import type { BundleForm } from './useBundleForm';

const timings = ['together', 'asReady'] as const;
const places = ['counter', 'post'] as const;

export function ReturnChoiceStep({ form, headingId }: { readonly form: BundleForm; readonly headingId: string }) {
  const b = useBundleT();
  const tb = useCounterBundleT();
  if (!form.definition || form.membersLoading) return null;
  const { returnChoice: c, setReturnChoice: set, postalBlockers } = form;
  return (
    <Section headingId={headingId} title={tb('stepReturn')}>
      <div className="bundle-choice">
        <RadioChoice legend={b('timingLegend')} name={`${headingId}-timing`} options={timings} value={c.timing} label={(o) => b(`timing_${o}`)} onChange={(timing) => set({ timing })} />
        <RadioChoice legend={b('placeLegend')} name={`${headingId}-place`} options={postalBlockers.length === 0 ? places : ['counter']} value={c.place}
          label={(o) => b(`place_${o}`)} onChange={(place) => set({ place })} />
      </div>
      {postalBlockers.length > 0 && <p className="field__hint">{tb('postNotAllowed', { names: postalBlockers.join(', ') })}</p>}
      {c.place === 'post' && (
        <>
          <Field label={b('address')} hint={b('addressHint')} value={c.address} autoComplete="off" required maxLength={400}
            error={form.errorOf('returnAddress')} onChange={(e) => set({ address: e.target.value })} />
          {form.applicant.address.trim() !== '' && c.address.trim() === '' && (
            <Button kind="secondary" onClick={() => set({ address: form.applicant.address.trim() })}>{tb('useApplicantAddress')}</Button>
          )}
        </>
      )}
    </Section>
  );
}
