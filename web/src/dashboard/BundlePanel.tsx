// The bundles' panel of the dashboard (issue 17 §5): a bundle counts once as a submission, and its
// members per agency for timeliness — `GET /api/v1/reports/bundles` in the reader's scope, for the
// dashboard's period (from the roll-ups).
import type { BundleFigures } from '../../../src/reports/schemas';
import { request } from '../api/client';
import { defineBundle } from '../i18n/bundle';
import { DataTable } from '../ui/DataTable';
import { LoadedView } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { queryString, type PeriodQuery } from './api';
import { fmt, pct } from './tables';
import vi from './BundlePanel.i18n.vi.json';
import en from './BundlePanel.i18n.en.json';

const useBundleFiguresT = defineBundle('dashboardBundles', vi, en);
type Row = BundleFigures['byAgency'][number];

export function BundlePanel({ query }: { readonly query: PeriodQuery }) {
  const t = useBundleFiguresT();
  const q = queryString({ from: query.from, to: query.to, ...(query.unit ? { unit: query.unit } : {}), ...(query.asOf ? { asOf: query.asOf } : {}) });
  const { loaded } = useLoad((signal) => request<BundleFigures>('GET', `/api/v1/reports/bundles?${q}`, { signal }), q);
  return <LoadedView loaded={loaded} loadingText={t('loading')}>{(figures) => <BundleFiguresView figures={figures} />}</LoadedView>;
}

function BundleFiguresView({ figures }: { readonly figures: BundleFigures }) {
  const t = useBundleFiguresT();
  return (
    <section className="postal-panel" aria-labelledby="bundle-figures-title">
      <h2 id="bundle-figures-title">{t('heading')}</h2>
      <div className="kpis">
        <div className="kpi"><div className="kpi-label">{t('kpi_bundles')}</div><div className="kpi-value">{fmt(figures.bundlesReceived)}</div><div className="kpi-hint">{t('kpi_bundlesHint', { members: fmt(figures.membersReceived) })}</div></div>
        <div className="kpi"><div className="kpi-label">{t('kpi_once')}</div><div className="kpi-value">{fmt(figures.receivedCountingBundlesOnce)}</div><div className="kpi-hint">{t('kpi_onceHint', { received: fmt(figures.received) })}</div></div>
      </div>
      {figures.byAgency.length === 0 ? <p className="muted">{t('none')}</p> : (
        <DataTable<Row> caption={t('caption')} rows={figures.byAgency} rowKey={(r) => String(r.agencyId)} columns={[
          { key: 'agency', header: t('col_agency'), cell: (r) => r.agencyName, rowHeader: true },
          { key: 'members', header: t('col_members'), cell: (r) => fmt(r.membersReceived), numeric: true },
          { key: 'onTime', header: t('col_onTime'), cell: (r) => fmt(r.resolvedOnTime), numeric: true },
          { key: 'late', header: t('col_late'), cell: (r) => fmt(r.resolvedLate), numeric: true },
          { key: 'share', header: t('col_share'), cell: (r) => pct(r.onTimeShare), numeric: true },
        ]} />
      )}
    </section>
  );
}
