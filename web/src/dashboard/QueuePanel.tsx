// The dashboard's queue panel (issue 14 §4): waits at the counters (average, share called within
// 15 minutes, absent when called) and the period's bookings by outcome and channel, in the
// reader's scope, from GET /api/v1/appointments/stats (src/appointments/stats.ts).
import type { AppointmentStatsResponse } from '../../../src/appointments/schemas';
import { request } from '../api/client';
import { defineBundle } from '../i18n/bundle';
import { FailedNotice } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import type { PeriodQuery } from './api';
import { DataTable, fmt, pct } from './tables';
import vi from './QueuePanel.i18n.vi.json';
import en from './QueuePanel.i18n.en.json';

const useQueuePanelT = defineBundle('dashboardQueue', vi, en);

const fetchAppointmentStats = (q: PeriodQuery, signal: AbortSignal) =>
  request<AppointmentStatsResponse>('GET', `/api/v1/appointments/stats?from=${encodeURIComponent(q.from)}&to=${encodeURIComponent(q.to)}`, { signal });

function Figure({ label, value, hint }: { readonly label: string; readonly value: string; readonly hint?: string }) {
  return (
    <div className="kpi">
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {hint ? <div className="kpi-hint">{hint}</div> : null}
    </div>
  );
}

export function QueuePanel({ query }: { readonly query: PeriodQuery }) {
  const t = useQueuePanelT();
  const { loaded } = useLoad((signal) => fetchAppointmentStats(query, signal), `${query.from}|${query.to}`);
  const stats = loaded.status === 'ready' ? loaded.data : null;

  return (
    <section aria-labelledby="dashboard-queue-heading">
      <h2 id="dashboard-queue-heading">{t('heading')}</h2>
      {loaded.status === 'loading' && <p>{t('loading')}</p>}
      {loaded.status === 'failed' && <FailedNotice error={loaded.error} />}
      {stats ? (
        <>
          <div className="kpis">
            <Figure label={t('averageWait')} value={stats.queue.averageWaitMinutes === null ? '—' : t('averageWaitValue', { minutes: stats.queue.averageWaitMinutes.toLocaleString('vi-VN') })} />
            <Figure label={t('within15')} value={pct(stats.queue.calledWithin15Percent)} hint={t('within15Hint', { called: fmt(stats.queue.called), issued: fmt(stats.queue.issued) })} />
            <Figure label={t('ticketNoShow')} value={fmt(stats.queue.noShow)} />
            <Figure label={t('bookings')} value={fmt(stats.bookings.total)} hint={t('bookingsHint', { arrived: fmt(stats.bookings.arrived), cancelled: fmt(stats.bookings.cancelled) })} />
            <Figure label={t('bookingNoShow')} value={fmt(stats.bookings.noShow)} hint={t('bookingNoShowHint', { share: pct(stats.bookings.noShowPercent) })} />
          </div>
          <DataTable caption={t('byChannel')} rows={stats.bookings.byChannel} rowKey={(r) => r.channel} columns={[
            { key: 'channel', header: t('col_channel'), rowHeader: true, cell: (r) => t(`channel_${r.channel}`) },
            { key: 'count', header: t('col_count'), numeric: true, cell: (r) => fmt(r.count) },
          ]} />
        </>
      ) : null}
    </section>
  );
}
