// Step 1 of a bundle's intake: which group of procedures (the definitions in force), with its
// members — the order in which they start — and its legal basis.
import { RadioChoice } from '../../ui/RadioChoice';
import { LoadedView } from '../../ui/Loaded';
import { Section } from '../../ui/Section';
import { useCounterBundleT } from './bundle-i18n';
import type { BundleForm } from './useBundleForm';

export function BundleChoiceStep({ form, headingId }: { readonly form: BundleForm; readonly headingId: string }) {
  const tb = useCounterBundleT();
  const d = form.definition;
  const error = form.errorOf('bundle');
  return (
    <Section headingId={headingId} title={tb('stepBundle')}>
      <LoadedView loaded={form.definitions} loadingText={tb('loadingDefinitions')}>
        {(items) => items.length === 0 ? <p>{tb('noDefinitions')}</p> : (
          <div className={error ? 'field field--invalid bundle-choice' : 'field bundle-choice'}>
            {error && <p className="field__error">{error}</p>}
            <RadioChoice legend={tb('bundleLegend')} name={`${headingId}-bundle`} options={items.map((i) => i.code)} value={d?.code ?? null}
              label={(code) => { const i = items.find((x) => x.code === code); return i ? `${i.name} (${i.code})` : code; }}
              onChange={(code) => { const i = items.find((x) => x.code === code); if (i) void form.chooseDefinition(i); }} />
          </div>
        )}
      </LoadedView>
      {d && (
        <div className="bundle-members">
          <p>{tb('membersLead', { count: d.members.length })}</p>
          <ol>
            {d.members.map((m) => <li key={m.key}>{m.waitsFor ? tb('memberWaits', { name: m.name, after: form.memberName(m.waitsFor) }) : m.name}</li>)}
          </ol>
          <p className="field__hint">
            {tb('legalBasis', { text: d.legalBasis })}
            {d.duration && d.duration.unit === 'working_days' && <> · {tb('groupLimit', { count: d.duration.value })}</>}
          </p>
        </div>
      )}
    </Section>
  );
}
