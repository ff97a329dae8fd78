// Progress per officer over a period: assigned, resolved, on time, late, open now.
import { useState } from 'react';
import { periodPreset } from '../dashboard/period';
import { DataTable } from '../ui/DataTable';
import { formatCivilDate } from '../ui/dates';
import { LoadedView } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { fetchOfficers } from './api';
import { useSupervisionT } from './i18n';
import { PeriodForm } from './PeriodForm';
import { Section } from '../ui/Section';

export function Officers() {
  const t = useSupervisionT();
  const initial = periodPreset('month', new Date());
  const [period, setPeriod] = useState(initial);
  const { loaded } = useLoad((signal) => fetchOfficers(period.from, period.to, signal), `${period.from}|${period.to}`);
  return (
    <Section title={t('officers')}>
      <p>{t('officersIntro')}</p>
      <PeriodForm from={initial.from} to={initial.to} submit={t('show')} onSubmit={(from, to) => setPeriod({ from, to })} />
      <LoadedView loaded={loaded} loadingText={t('loading')}>{({ rows }) => (rows.length === 0 ? <p role="status">{t('officersEmpty')}</p> : (
        <DataTable caption={t('officersCaption', { from: formatCivilDate(period.from), to: formatCivilDate(period.to) })} rows={rows} rowKey={(r) => String(r.userId)} columns={[
          { key: 'name', header: t('colOfficer'), rowHeader: true, cell: (r) => r.name },
          { key: 'assigned', header: t('colAssigned'), numeric: true, cell: (r) => r.assigned },
          { key: 'resolved', header: t('colResolved'), numeric: true, cell: (r) => r.resolved },
          { key: 'onTime', header: t('colOnTime'), numeric: true, cell: (r) => r.onTime },
          { key: 'late', header: t('colLate'), numeric: true, cell: (r) => r.late },
          { key: 'open', header: t('colOpen'), numeric: true, cell: (r) => r.openNow },
          { key: 'openOverdue', header: t('colOpenOverdue'), numeric: true, cell: (r) => r.openOverdue },
        ]} />
      ))}</LoadedView>
    </Section>
  );
}
