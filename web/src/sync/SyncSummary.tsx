// The counts of the sync outbox and the sync rate (F766 indicator 1.4) of the period.
import type { SyncCountsView, SyncStatsView } from './api';
import { formatVnDateTime } from '../ui/dates';
import { useSyncT } from './i18n';

export function SyncSummary({ counts, stats }: { readonly counts: SyncCountsView; readonly stats: SyncStatsView }) {
  const t = useSyncT();
  const figures: readonly [string, string][] = [
    [t('pending'), String(counts.pending)],
    [t('failing'), String(counts.failing)],
    [t('gaveUp'), String(counts.gaveUp)],
    [t('sentInPeriod'), String(counts.sentInPeriod)],
    [t('oldestPending'), counts.oldestPendingAt ? formatVnDateTime(counts.oldestPendingAt) : t('oldestNone')],
  ];
  return (
    <>
      <h2>{t('countsTitle')}</h2>
      <dl className="sync-figures">
        {figures.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}
      </dl>
      <h2>{t('rateTitle')}</h2>
      <p>
        {stats.rate === null
          ? t('rateNone')
          : t('rate', { rate: (Math.round(stats.rate * 10_000) / 100).toLocaleString('vi-VN'), synced: stats.synced, received: stats.received })}
      </p>
    </>
  );
}
