// Step 4 of a bundle's intake: the shared papers once (ticking one ticks it for every member that
// uses it), then each member's own papers; the ID shown at the counter is listed, not kept.
import { useId } from 'react';
import { DataTable } from '../../ui/DataTable';
import { Section } from '../../ui/Section';
import type { PaperRow } from '../checklist';
import { isShared, isSharedTicked, type MemberChecklist } from './bundle-papers';
import { useCounterBundleT } from './bundle-i18n';
import type { BundleForm } from './useBundleForm';

export function BundlePapersStep({ form, headingId }: { readonly form: BundleForm; readonly headingId: string }) {
  const tb = useCounterBundleT();
  const ids = useId();
  if (!form.definition) return null;
  if (form.membersLoading) return <Section headingId={headingId} title={tb('stepPapers')}><p role="status">{tb('loadingMembers')}</p></Section>;
  return (
    <Section headingId={headingId} title={tb('stepPapers')}>
      <p>{tb('papersIntro')}</p>
      <h3>{tb('sharedTitle')}</h3>
      <ul className="bundle-shared">
        {form.shared.map((s, i) => {
          const usedBy = tb('sharedUsedBy', { names: s.members.map(form.memberName).join(', ') });
          return s.papers.length === 0 ? (
            <li key={s.name}><strong>{s.name}</strong> — {tb('sharedShowOnly')}<br /><span className="field__hint">{usedBy}</span></li>
          ) : (
            <li key={s.name} className={form.errorOf(`shared:${s.name}`) ? 'field--invalid' : undefined}>
              <label className="choice__option">
                <input type="checkbox" checked={isSharedTicked(s, form.members)} aria-describedby={`${ids}-s${i}`}
                  aria-invalid={form.errorOf(`shared:${s.name}`) ? true : undefined} onChange={(e) => form.setShared(s, e.target.checked)} />
                <span>{s.name}</span>
              </label>
              <span id={`${ids}-s${i}`} className="field__hint">{usedBy}</span>
            </li>
          );
        })}
      </ul>
      {form.members.map((c) => <MemberPapers key={c.key} form={form} checklist={c} idBase={`${ids}-${c.key}`} />)}
    </Section>
  );
}

function MemberPapers({ form, checklist, idBase }: { readonly form: BundleForm; readonly checklist: MemberChecklist; readonly idBase: string }) {
  const tb = useCounterBundleT();
  const rows = checklist.rows.filter((r) => !isShared(form.shared, checklist.key, r.key)).map((r, i) => ({ ...r, short: `${i + 1}`, nameId: `${idBase}-p${i}` }));
  return (
    <>
      <h3>{tb('memberPapers', { name: checklist.name })}</h3>
      {rows.length === 0 ? <p>{tb('memberPapersNone')}</p> : (
        <DataTable className="checklist" rows={rows} rowKey={(r) => r.key} columns={[
          { key: 'include', header: tb('paperInclude'), cell: (r: PaperRow & { short: string; nameId: string }) => (
            <input type="checkbox" checked={r.included} aria-label={tb('paperIncludeLabel', { name: `${checklist.name} ${r.short}` })} aria-describedby={r.nameId}
              aria-invalid={form.errorOf(`paper:${checklist.key}:${r.key}`) ? true : undefined} onChange={(e) => form.setPaper(checklist.key, r.key, e.target.checked)} />
          ) },
          { key: 'name', header: tb('paperName'), cell: (r) => (
            <span id={r.nameId}>{r.short}. {r.name} {r.required && <span className="req">({tb('paperRequired')})</span>}{r.note && <span className="field__hint"> — {r.note}</span>}</span>
          ) },
        ]} />
      )}
    </>
  );
}
