// The national portal sync at /quan-tri/dong-bo (administrators and supervisors, in their scope):
// what is not yet on the portal, the sync rate of the last 30 days, and the failed records with
// the portal's answer; an administrator sends a failed record again, or backfills a period.
import { useEffect, useState } from 'react';
import { LoadedView } from '../ui/Loaded';
import { Button } from '../ui/Button';
import { formatCivilDate } from '../ui/dates';
import { MessageNotice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { useSyncT } from './i18n';
import { SyncBackfill } from './SyncBackfill';
import { SyncFailures } from './SyncFailures';
import { SyncSummary } from './SyncSummary';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

export function SyncStatusPage() {
  const t = useSyncT();
  const s = useSyncStatus();
  const mayRetry = s.summary.status === 'ready' && s.summary.data.counts.mayRetry;
  // kept while the figures reload (after a backfill), so that the backfill's answer stays shown
  const [mayBackfill, setMayBackfill] = useState(false);
  useEffect(() => { if (mayRetry) setMayBackfill(true); }, [mayRetry]);
  return (
    <div className="sync-status">
      <PageHeading title={t('title')} lead={t('intro')} />
      <p>{t('periodNote', { from: formatCivilDate(s.from), to: formatCivilDate(s.to) })}</p>
      <MessageNotice message={s.message} />
      <LoadedView loaded={s.summary} loadingText={t('loading')}>
        {(d) => <SyncSummary counts={d.counts} stats={d.stats} />}
      </LoadedView>
      <h2>{t('failuresTitle')}</h2>
      <LoadedView loaded={s.failures} loadingText={t('loading')}>
        {(first) => {
          const rows = [...first.items, ...(s.extra?.items ?? [])];
          const next = s.extra ? s.extra.next : first.next;
          return rows.length === 0 ? <p>{t('failuresNone')}</p> : (
            <>
              <p role="status">{t('failuresFound', { count: rows.length })}</p>
              <SyncFailures rows={rows} mayRetry={mayRetry} busyId={s.busyId} onRetry={(r) => { void s.retry(r); }} />
              {next !== null && <Button onClick={() => { void s.more(next); }}>{t('more')}</Button>}
            </>
          );
        }}
      </LoadedView>
      {mayBackfill && <SyncBackfill from={s.from} to={s.to} onDone={s.reload} />}
    </div>
  );
}
