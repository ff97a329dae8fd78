// Step 4 of a bundle's intake: the shared papers once (ticking one ticks it for every member that
// uses it), then each member's own papers; the ID shown at the counter is listed, not kept. Each
// paper's electronic copy — scanned here or reused from the applicant's document store — with the
// single intake's parts (receive/PaperDigital, ScanPanel): a shared paper's copy serves every member
// paper it is. A member whose list is by situation (1.004222) asks the applicant's situation first
// and lists only its papers (receive/SituationChoice); the consent to keep the papers is asked once
// at the end (receive/StoreConsent).
import { useEffect, useId, useState } from 'react';
import { DataTable } from '../../ui/DataTable';
import { Section } from '../../ui/Section';
import type { PaperRow } from '../checklist';
import { PaperDigital } from '../receive/PaperDigital';
import { ScanPanel } from '../receive/ScanPanel';
import { SituationChoice } from '../receive/SituationChoice';
import { StoreConsent } from '../receive/StoreConsent';
import { situationsOf } from '../checklist';
import { useScanT } from '../receive/scan-i18n';
import { isShared, isSharedTicked, memberRowKey, memberRows, sharedRow, type MemberChecklist } from './bundle-papers';
import { useCounterBundleT } from './bundle-i18n';
import type { BundleForm } from './useBundleForm';

type OpenRow = PaperRow & { readonly short: string };

export function BundlePapersStep({ form, headingId }: { readonly form: BundleForm; readonly headingId: string }) {
  const tb = useCounterBundleT();
  const ids = useId();
  const [open, setOpen] = useState<OpenRow | null>(null);
  useEffect(() => { if (open) document.getElementById(`${ids}-scan`)?.focus(); }, [open, ids]);
  if (!form.definition) return null;
  if (form.membersLoading) return <Section headingId={headingId} title={tb('stepPapers')}><p role="status">{tb('loadingMembers')}</p></Section>;
  const toggle = (row: OpenRow) => setOpen((o) => (o?.key === row.key ? null : row));
  return (
    <Section headingId={headingId} title={tb('stepPapers')}>
      <p>{tb('papersIntro')}</p>
      <h3>{tb('sharedTitle')}</h3>
      <ul className="bundle-shared">
        {form.shared.map((s, i) => {
          const usedBy = tb('sharedUsedBy', { names: s.members.map(form.memberName).join(', ') });
          const row = sharedRow(s, i, form.members);
          return !row ? (
            <li key={s.name}><strong>{s.name}</strong> — {tb('sharedShowOnly')}<br /><span className="field__hint">{usedBy}</span></li>
          ) : (
            <li key={s.name} className={form.errorOf(`shared:${s.name}`) ? 'field--invalid' : undefined}>
              <label className="choice__option">
                <input type="checkbox" checked={isSharedTicked(s, form.members)} aria-describedby={`${ids}-s${i}`}
                  aria-invalid={form.errorOf(`shared:${s.name}`) ? true : undefined} onChange={(e) => form.setShared(s, e.target.checked)} />
                <span>{s.name}</span>
              </label>
              <span id={`${ids}-s${i}`} className="field__hint">{usedBy}</span>
              <Digital form={form} row={{ ...row, short: s.name }} open={open?.key === row.key} onToggle={toggle} />
            </li>
          );
        })}
      </ul>
      {form.members.map((c) => <MemberPapers key={c.key} form={form} checklist={c} idBase={`${ids}-${c.key}`} openKey={open?.key ?? null} onToggle={toggle} />)}
      {open && <ScanPanel row={open} scans={form.scans} headingId={`${ids}-scan`} />}
      <StoreConsent form={form} />
    </Section>
  );
}

function Digital({ form, row, open, onToggle }: { readonly form: BundleForm; readonly row: OpenRow; readonly open: boolean; readonly onToggle: (row: OpenRow) => void }) {
  return (
    <PaperDigital row={row} scans={form.scans} held={form.heldOf(row.key)} open={open} onToggle={() => onToggle(row)}
      onReuse={(documentId) => form.setRow(row.key, documentId === null ? { reusedDocumentId: null } : { reusedDocumentId: documentId, fileId: null, included: true })} />
  );
}

interface MemberProps {
  readonly form: BundleForm;
  readonly checklist: MemberChecklist;
  readonly idBase: string;
  readonly openKey: string | null;
  readonly onToggle: (row: OpenRow) => void;
}

function MemberPapers({ form, checklist, idBase, openKey, onToggle }: MemberProps) {
  const tb = useCounterBundleT();
  const tScan = useScanT();
  const situations = situationsOf(checklist.rows);
  const rows = memberRows(checklist, form.situations).filter((r) => !isShared(form.shared, checklist.key, r.key))
    .map((r, i) => ({ ...r, key: memberRowKey(checklist.key, r.key), paperKey: r.key, short: `${checklist.name} ${i + 1}`, n: `${i + 1}`, nameId: `${idBase}-p${i}` }));
  return (
    <>
      <h3>{tb('memberPapers', { name: checklist.name })}</h3>
      {situations.length > 0 && (
        <SituationChoice situations={situations} situation={form.situations[checklist.key] ?? null} onChoose={(s) => form.setSituation(checklist.key, s)}
          error={form.errorOf(`situation:${checklist.key}`)} legend={tb('situationLegendOf', { name: checklist.name })} />
      )}
      {rows.length === 0 ? <p>{tb('memberPapersNone')}</p> : (
        <DataTable className="checklist" rows={rows} rowKey={(r) => r.key} columns={[
          { key: 'include', header: tb('paperInclude'), cell: (r) => (
            <input type="checkbox" checked={r.included} aria-label={tb('paperIncludeLabel', { name: r.short })} aria-describedby={r.nameId}
              aria-invalid={form.errorOf(`paper:${checklist.key}:${r.paperKey}`) ? true : undefined} onChange={(e) => form.setPaper(checklist.key, r.paperKey, e.target.checked)} />
          ) },
          { key: 'name', header: tb('paperName'), cell: (r) => (
            <span id={r.nameId}>{r.n}. {r.name} {r.required && <span className="req">({tb('paperRequired')})</span>}{r.note && <span className="field__hint"> — {r.note}</span>}</span>
          ) },
          { key: 'digital', header: tScan('paperDigital'), cell: (r) => <Digital form={form} row={r} open={openKey === r.key} onToggle={onToggle} /> },
        ]} />
      )}
    </>
  );
}
