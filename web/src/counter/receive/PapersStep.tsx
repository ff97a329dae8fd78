// Step 3: the procedure's papers, each ticked when handed over, with originals, copies and source.
import { useId } from 'react';
import { paperSources, type PaperSource } from '../api';
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
          <div className="table-scroll">
            <table className="dossier-table checklist">
              <caption>{t('papersCaption')}</caption>
              <thead>
                <tr><th scope="col">{t('paperInclude')}</th><th scope="col">{t('paperName')}</th><th scope="col">{t('paperOriginals')}</th><th scope="col">{t('paperCopies')}</th><th scope="col">{t('paperSource')}</th></tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const short = `${i + 1}`;
                  const missing = form.errorOf(`paper:${r.key}`);
                  return (
                    <tr key={r.key}>
                      <td><input type="checkbox" checked={r.included} aria-label={t('paperIncludeLabel', { name: short })} aria-describedby={`${ids}-p${i}`}
                        aria-invalid={missing ? true : undefined} onChange={(e) => setRow(r.key, { included: e.target.checked })} /></td>
                      <td id={`${ids}-p${i}`}>{short}. {r.name} {r.required && <span className="req">({t('paperRequired')})</span>}{r.note && <span className="field__hint"> — {r.note}</span>}</td>
                      <td><input type="number" min={0} max={100} value={r.originals} aria-label={t('paperOriginalsLabel', { name: short })}
                        onChange={(e) => setRow(r.key, { originals: Number(e.target.value) || 0 })} /></td>
                      <td><input type="number" min={0} max={100} value={r.copies} aria-label={t('paperCopiesLabel', { name: short })}
                        onChange={(e) => setRow(r.key, { copies: Number(e.target.value) || 0 })} /></td>
                      <td>
                        <select value={r.source} aria-label={t('paperSourceLabel', { name: short })} onChange={(e) => setRow(r.key, { source: e.target.value as PaperSource })}>
                          {paperSources.map((s) => <option key={s} value={s}>{t(`source_${s}`)}</option>)}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
