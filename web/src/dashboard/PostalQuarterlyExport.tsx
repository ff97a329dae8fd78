// The post's quarterly report (TT 17/2017/TT-BTTTT arts. 12–14: volume, revenue, complaints, lost
// or damaged items, compensation) as XLSX through the one export runner (kind
// `postal-quarterly-xlsx`): choose a quarter, start the export, download the workbook.
import { useId, useState } from 'react';
import { Button } from '../ui/Button';
import { vnToday } from '../ui/dates';
import { FailedNotice } from '../ui/Loaded';
import { exportFileUrl } from './api';
import type { PostalT } from './PostalPanel';
import { useExportJob } from './useExportJob';

/** The first and last day of quarter `q` (1–4) of `year`, yyyy-mm-dd. */
export function quarterPeriod(year: number, q: number): { from: string; to: string } {
  const first = (q - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(first + 2)}-${lastDay}` };
}

/** The last quarter that has ended by `today` (yyyy-mm-dd): the one a report is due for. */
function lastEndedQuarter(today: string): { year: number; quarter: number } {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}

export function PostalQuarterlyExport({ t, unit }: { readonly t: PostalT; readonly unit?: string }) {
  const ids = useId();
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState(() => lastEndedQuarter(vnToday(Date.now())));
  const { job, start, running } = useExportJob(setError);
  const years = Array.from({ length: 4 }, (_, i) => lastEndedQuarter(vnToday(Date.now())).year - i);
  const run = () => { setError(null); start({ ...quarterPeriod(chosen.year, chosen.quarter), ...(unit ? { unit } : {}) }, 'postal-quarterly-xlsx'); };
  return (
    <section className="postal-quarterly" aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>{t('quarterlyHeading')}</h3>
      <p className="muted">{t('quarterlyLead')}</p>
      <div className="dash-exports">
        <label htmlFor={`${ids}-y`}>{t('quarterlyYear')}</label>
        <select id={`${ids}-y`} value={chosen.year} onChange={(e) => setChosen({ ...chosen, year: Number(e.target.value) })}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
        <label htmlFor={`${ids}-q`}>{t('quarterlyQuarter')}</label>
        <select id={`${ids}-q`} value={chosen.quarter} onChange={(e) => setChosen({ ...chosen, quarter: Number(e.target.value) })}>
          {[1, 2, 3, 4].map((q) => <option key={q} value={q}>{t('quarterlyOption', { q, year: chosen.year })}</option>)}
        </select>
        <Button kind="primary" onClick={run} disabled={running}>{t('quarterlyExport')}</Button>
        {job && (
          <span role="status">
            {job.status === 'done'
              ? <a href={exportFileUrl(job.id)}>{t('quarterlyDownload')}</a>
              : job.status === 'failed'
                ? t('quarterlyFailed', { error: job.error ?? '' })
                : <><progress max={100} value={job.progress} aria-label={t('quarterlyProgress')} /> {job.progress}%</>}
          </span>
        )}
      </div>
      <FailedNotice error={error} />
    </section>
  );
}
