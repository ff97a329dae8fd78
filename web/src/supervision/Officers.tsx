// Progress per officer over a period: assigned, resolved, on time, late, open now.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodPreset } from '../dashboard/period';
import { DataTable } from '../ui/DataTable';
import { formatCivilDate } from '../ui/dates';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { fetchOfficers, type OfficerWorkload } from './api';
import { useSupervisionT } from './i18n';
import type { Loaded } from './loaded';
import { PeriodForm } from './PeriodForm';

export function Officers() {
  const t = useSupervisionT();
  const { t: tApp } = useTranslation();
  const headingId = useId();
  const initial = periodPreset('month', new Date());
  const [period, setPeriod] = useState(initial);
  const [state, setState] = useState<Loaded<{ rows: readonly OfficerWorkload[] }>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchOfficers(period.from, period.to, controller.signal).then(
      (r) => setState({ status: 'ready', rows: r.rows }),
      (error: unknown) => { if (!controller.signal.aborted) setState({ status: 'failed', error }); },
    );
    return () => controller.abort();
  }, [period]);
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('officers')}</h2>
      <p>{t('officersIntro')}</p>
      <PeriodForm from={initial.from} to={initial.to} submit={t('show')} onSubmit={(from, to) => setPeriod({ from, to })} />
      {state.status === 'loading' && <p role="status">{t('loading')}</p>}
      {state.status === 'failed' && <Notice tone="error">{errorMessage(state.error, tApp)}</Notice>}
      {state.status === 'ready' && (state.rows.length === 0 ? <p role="status">{t('officersEmpty')}</p> : (
        <DataTable caption={t('officersCaption', { from: formatCivilDate(period.from), to: formatCivilDate(period.to) })} rows={state.rows} rowKey={(r) => String(r.userId)} columns={[
          { key: 'name', header: t('colOfficer'), rowHeader: true, cell: (r) => r.name },
          { key: 'assigned', header: t('colAssigned'), numeric: true, cell: (r) => r.assigned },
          { key: 'resolved', header: t('colResolved'), numeric: true, cell: (r) => r.resolved },
          { key: 'onTime', header: t('colOnTime'), numeric: true, cell: (r) => r.onTime },
          { key: 'late', header: t('colLate'), numeric: true, cell: (r) => r.late },
          { key: 'open', header: t('colOpen'), numeric: true, cell: (r) => r.openNow },
          { key: 'openOverdue', header: t('colOpenOverdue'), numeric: true, cell: (r) => r.openOverdue },
        ]} />
      ))}
    </section>
  );
}
