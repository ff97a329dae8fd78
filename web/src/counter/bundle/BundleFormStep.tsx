// Step 3 of a bundle's intake: the combined e-form — every member's fields, each asked once and
// prefilled from the applicant ("công dân không viết"), with the members it fills.
import { Section } from '../../ui/Section';
import { EformInput } from '../receive/EformStep';
import { useCounterBundleT } from './bundle-i18n';
import type { BundleForm } from './useBundleForm';

export function BundleFormStep({ form, headingId }: { readonly form: BundleForm; readonly headingId: string }) {
  const tb = useCounterBundleT();
  const d = form.definition;
  if (!d) return null;
  const usedBy = (key: string) => {
    const askers = d.form.askedBy[key] ?? [];
    // a field every member asks needs no note; one asked by some says whose it is
    return askers.length === d.members.length ? undefined : tb('askedBy', { names: askers.map(form.memberName).join(', ') });
  };
  return (
    <Section headingId={headingId} title={tb('stepForm')}>
      <p>{tb('formIntro')}</p>
      <div className="form-grid">
        {form.fields.map((f) => (
          <EformInput key={f.key} field={{ ...f, description: [f.description, usedBy(f.key)].filter(Boolean).join(' · ') || null }}
            value={form.values[f.key]} error={form.errorOf(`form:${f.key}`)} onChange={(v) => form.setValue(f.key, v)} />
        ))}
      </div>
    </Section>
  );
}
