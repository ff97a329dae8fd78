// Step 3: the procedure's papers, each ticked when handed over, with originals, copies and source.
import { useId } from 'react';
import { paperSources, type PaperSource } from '../api';
import { DataTable } from '../../ui/DataTable';
import { useCounterT } from '../i18n';
import type { ReceiveForm } from './useReceiveForm';

export function PapersStep({ form, headingId }: { readonly form: ReceiveForm; readonly headingId: string }) {
  const t = useCounterT();
  const ids = useId();
  const { procedure, rows, setRow } = form;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('stepPapers')}</h2>
      {!procedure ? <p>{t('procedureRequired')}</p> : rows.length === 0 ? <p>{t('papersNone')}</p> : (
        <>
          <p>{t('papersIntro')}</p>
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
            { key: 'source', header: t('paperSource'), cell: (r) => (
              <select value={r.source} aria-label={t('paperSourceLabel', { name: r.short })} onChange={(e) => setRow(r.key, { source: e.target.value as PaperSource })}>
                {paperSources.map((s) => <option key={s} value={s}>{t(`source_${s}`)}</option>)}
              </select>
            ) },
          ]} />
        </>
      )}
    </section>
  );
}
