// Step 3: the procedure's papers, each ticked when handed over, with originals and copies, and its
// electronic copy: scanned here (ScanPanel) or reused from the applicant's document store.
import { useEffect, useId, useState } from 'react';
import { DataTable } from '../../ui/DataTable';
import { useCounterT } from '../i18n';
import { PaperDigital } from './PaperDigital';
import { ScanPanel } from './ScanPanel';
import { SituationChoice } from './SituationChoice';
import { StoreConsent } from './StoreConsent';
import { useScanT } from './scan-i18n';
import type { ReceiveForm } from './useReceiveForm';
import { Section } from '../../ui/Section';

export function PapersStep({ form, headingId }: { readonly form: ReceiveForm; readonly headingId: string }) {
  const t = useCounterT();
  const tScan = useScanT();
  const ids = useId();
  const { procedure, shownRows: rows, setRow, scans, held } = form;
  const [openKey, setOpenKey] = useState<string | null>(null);
  const openRow = rows.find((r) => r.key === openKey);
  useEffect(() => { if (openKey) document.getElementById(`${ids}-scan`)?.focus(); }, [openKey, ids]);
  const heldCount = rows.filter((r) => (held.get(r.key)?.length ?? 0) > 0).length;
  return (
    <Section headingId={headingId} title={t('stepPapers')}>
      {!procedure ? <p>{t('procedureRequired')}</p> : rows.length === 0 ? <p>{t('papersNone')}</p> : (
        <>
          <p>{t('papersIntro')}</p>
          {form.situations.length > 0 && <SituationChoice situations={form.situations} situation={form.situation} onChoose={form.setSituation} error={form.errorOf('situation')} />}
          {heldCount > 0 && <p className="store-summary">{tScan('storeSummary', { count: heldCount })}</p>}
          <DataTable className="checklist" caption={t('papersCaption')} rows={rows.map((r, i) => ({ ...r, short: `${i + 1}`, nameId: `${ids}-p${i}` }))} rowKey={(r) => r.key} columns={[
            { key: 'include', header: t('paperInclude'), cell: (r) => (
              <input type="checkbox" checked={r.included} aria-label={t('paperIncludeLabel', { name: r.short })} aria-describedby={r.nameId}
                aria-invalid={form.errorOf(`paper:${r.key}`) ? true : undefined} onChange={(e) => setRow(r.key, { included: e.target.checked })} />
            ) },
            { key: 'name', header: t('paperName'), cell: (r) => (
              <span id={r.nameId}>{r.short}. {r.name} {r.required && <span className="req">({t('paperRequired')})</span>}{r.note && <span className="field__hint"> — {r.note}</span>}</span>
            ) },
            { key: 'originals', header: t('paperOriginals'), cell: (r) => (
              <input type="number" min={0} max={100} value={r.originals} aria-label={t('paperOriginalsLabel', { name: r.short })}
                onChange={(e) => setRow(r.key, { originals: Number(e.target.value) || 0 })} />
            ) },
            { key: 'copies', header: t('paperCopies'), cell: (r) => (
              <input type="number" min={0} max={100} value={r.copies} aria-label={t('paperCopiesLabel', { name: r.short })}
                onChange={(e) => setRow(r.key, { copies: Number(e.target.value) || 0 })} />
            ) },
            { key: 'digital', header: tScan('paperDigital'), cell: (r) => (
              <PaperDigital row={r} scans={scans} held={held.get(r.key) ?? []} open={openKey === r.key}
                onToggle={() => setOpenKey((k) => (k === r.key ? null : r.key))}
                onReuse={(documentId) => setRow(r.key, documentId === null ? { reusedDocumentId: null } : { reusedDocumentId: documentId, fileId: null, included: true })} />
            ) },
          ]} />
          {openRow && <ScanPanel row={openRow} scans={scans} headingId={`${ids}-scan`} />}
          <StoreConsent form={form} />
        </>
      )}
    </Section>
  );
}
