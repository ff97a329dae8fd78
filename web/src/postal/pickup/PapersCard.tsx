// The procedure's case (when it has several), then its papers as a checklist the courier ticks as the applicant hands them over; each
// paper's scan through the counter's scanning panel (the phone's camera or a file), attached to
// the draft once saved.
import { useState } from 'react';
import { ScanPanel } from '../../counter/receive/ScanPanel';
import { Button } from '../../ui/Button';
import { RadioChoice } from '../../ui/RadioChoice';
import { isUnnamedCase } from '../../../../src/shared/case-names';
import { usePostalT } from '../i18n';
import type { PickupTask } from './usePickupTask';

export function PapersCard({ task }: { readonly task: PickupTask }) {
  const t = usePostalT();
  const [open, setOpen] = useState<string | null>(null);
  const openRow = task.rows.find((r) => r.key === open);
  // the procedure's case changes its fees, papers and time limit: asked only when there are several the
  // applicant can recognise (the import's unnamed cases are never asked)
  const cases = (task.procedure?.cases ?? []).filter((c) => !isUnnamedCase(c.name));
  return (
    <section className="section courier-step" aria-labelledby="papers-h">
      <h2 id="papers-h">{t('stepPapers')}</h2>
      {cases.length > 1 && (
        <RadioChoice legend={t('caseLegend')} name="case" options={cases.map((c) => c.key)} value={task.caseKey || null}
          label={(key) => cases.find((c) => c.key === key)?.name ?? key} onChange={task.chooseCase} />
      )}
      {task.situations.length > 0 && (
        <RadioChoice legend={t('situationLegend')} name="situation" options={task.situations} value={task.situation}
          label={(s) => s} onChange={task.chooseSituation} />
      )}
      {task.rows.length === 0 ? <p>{t('papersNone')}</p> : (
        <ul className="paper-list">
          {task.rows.map((r, i) => (
            <li key={r.key} className="paper-item">
              <label className="paper-item__tick">
                <input type="checkbox" checked={r.included} onChange={(e) => task.setRow(r.key, { included: e.target.checked })} />
                <span>{i + 1}. {r.name}{r.required ? ` (${t('required')})` : ''}</span>
              </label>
              <p className="field__hint">{t('paperCounts', { originals: r.originals, copies: r.copies })} · {r.fileId ? t('scanAttached') : t('scanMissing')}</p>
              <Button kind="secondary" aria-expanded={open === r.key} aria-label={t('scanPaperLabel', { n: i + 1 })}
                onClick={() => setOpen((k) => (k === r.key ? null : r.key))}>{open === r.key ? t('scanClose') : t('scanPaper')}</Button>
            </li>
          ))}
        </ul>
      )}
      {openRow && <ScanPanel row={openRow} scans={task.scans} headingId="scan-h" />}
    </section>
  );
}
