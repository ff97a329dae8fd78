// The postal panel of the dashboard (issue 13 §5): volume, legs within their J+n target, failed
// deliveries, incidents and money collected, per post office — `GET /api/v1/postal/stats` in the
// reader's scope, for the dashboard's period.
import type { PostalStatsResponse } from '../../../src/postal/schemas';
import { request } from '../api/client';
import { defineBundle } from '../i18n/bundle';
import { DataTable } from '../ui/DataTable';
import { LoadedView } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { queryString, type PeriodQuery } from './api';
import { fmt, pct } from './tables';
import { PostalQuarterlyExport } from './PostalQuarterlyExport';
import vi from './PostalPanel.i18n.vi.json';
import en from './PostalPanel.i18n.en.json';

const usePostalT = defineBundle('dashboardPostal', vi, en);
export type PostalT = ReturnType<typeof usePostalT>;
type Row = PostalStatsResponse['postOffices'][number];

export function PostalPanel({ query }: { readonly query: PeriodQuery }) {
  const t = usePostalT();
  const period = queryString({ from: query.from, to: query.to });
  const { loaded } = useLoad((signal) => request<PostalStatsResponse>('GET', `/api/v1/postal/stats?${period}`, { signal }), period);
  return (
    <>
      <LoadedView loaded={loaded} loadingText={t('loading')}>{(stats) => <PostalStats stats={stats} />}</LoadedView>
      <PostalQuarterlyExport t={t} {...(query.unit ? { unit: query.unit } : {})} />
    </>
  );
}

function PostalStats({ stats }: { readonly stats: PostalStatsResponse }) {
  const t = usePostalT();
  const s = stats.total;
  return (
    <section className="postal-panel" aria-label={t('heading')}>
      <h2>{t('heading')}</h2>
      <div className="kpis">
        <Kpi label={t('kpi_legs')} value={fmt(s.legs)} hint={t('kpi_legsHint', { pickup: fmt(s.legsByKind.pickup), result: fmt(s.legsByKind.result) })} />
        <Kpi label={t('kpi_onTime')} value={s.ended === 0 ? '—' : pct(Math.round((s.onTime / s.ended) * 1000) / 10)} hint={t('kpi_onTimeHint', { onTime: fmt(s.onTime), ended: fmt(s.ended) })} />
        <Kpi label={t('kpi_failed')} value={fmt(s.failedAttempts)} hint={t('kpi_failedHint', { returned: fmt(s.returnedToAgency) })} />
        <Kpi label={t('kpi_incidents')} value={fmt(s.incidents)}
          hint={t('kpi_incidentsHint', { lost: fmt(s.incidentsByKind.lost), damaged: fmt(s.incidentsByKind.damaged), compensation: fmt(s.compensationVnd) })} />
        <Kpi label={t('kpi_money')} value={fmt(s.postageVnd + s.feesVnd)} hint={t('kpi_moneyHint', { postage: fmt(s.postageVnd), fees: fmt(s.feesVnd) })} />
      </div>
      {stats.postOffices.length === 0 ? <p className="muted">{t('none')}</p> : (
        <DataTable<Row> caption={t('caption')} rows={stats.postOffices} rowKey={(r) => String(r.servicePointId)} columns={[
          { key: 'name', header: t('col_postOffice'), cell: (r) => r.name, rowHeader: true },
          { key: 'legs', header: t('col_legs'), cell: (r) => fmt(r.legs), numeric: true },
          { key: 'onTime', header: t('col_onTime'), cell: (r) => fmt(r.onTime), numeric: true },
          { key: 'late', header: t('col_late'), cell: (r) => fmt(r.late), numeric: true },
          { key: 'failed', header: t('col_failed'), cell: (r) => fmt(r.failedAttempts), numeric: true },
          { key: 'incidents', header: t('col_incidents'), cell: (r) => fmt(r.incidents), numeric: true },
        ]} />
      )}
    </section>
  );
}

function Kpi({ label, value, hint }: { readonly label: string; readonly value: string; readonly hint: string }) {
  return <div className="kpi"><div className="kpi-label">{label}</div><div className="kpi-value">{value}</div><div className="kpi-hint">{hint}</div></div>;
}
