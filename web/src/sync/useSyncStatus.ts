// The state of the sync-status page: the counts and the sync rate of the last 30 days, the pages
// of failed records, and the administrator's retry of one of them (then everything reloads).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../ui/useLoad';
import { addDays, type IsoDate } from '../../../src/shared/civil-date';
import { vnToday } from '../ui/dates';
import { errorMessage } from '../ui/errors';
import type { NoticeMessage } from '../ui/Notice';
import { fetchSyncCounts, fetchSyncFailures, fetchSyncStats, retrySyncRow, type SyncFailureView } from './api';
import { useSyncT } from './i18n';

export const PERIOD_DAYS = 30;

export function useSyncStatus() {
  const t = useSyncT();
  const { t: tApp } = useTranslation();
  const [to] = useState(() => vnToday(Date.now()));
  const from = addDays(to as IsoDate, -(PERIOD_DAYS - 1));
  const [round, setRound] = useState(0);
  const summary = useLoad(async (signal) => {
    const [counts, stats] = await Promise.all([fetchSyncCounts(from, to, signal), fetchSyncStats(from, to, signal)]);
    return { counts, stats };
  }, `${from}:${round}`);
  const [extra, setExtra] = useState<{ items: readonly SyncFailureView[]; next: number | null } | null>(null);
  const failures = useLoad((signal) => fetchSyncFailures(null, signal), `failures:${round}`);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [message, setMessage] = useState<NoticeMessage | null>(null);

  const more = useCallback(async (before: number) => {
    try {
      const page = await fetchSyncFailures(before);
      setExtra((e) => ({ items: [...(e?.items ?? []), ...page.items], next: page.next }));
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error, tApp) });
    }
  }, [tApp]);

  const retry = useCallback(async (row: SyncFailureView) => {
    setBusyId(row.id);
    setMessage(null);
    try {
      const done = await retrySyncRow(row.id);
      setMessage({ tone: 'success', text: t('retried', { seq: done.seq, code: done.dossierCode }) });
      setExtra(null);
      setRound((r) => r + 1);
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error, tApp) });
    } finally {
      setBusyId(null);
    }
  }, [t, tApp]);

  const reload = useCallback(() => { setExtra(null); setRound((r) => r + 1); }, []);
  return { from, to, summary: summary.loaded, failures: failures.loaded, extra, more, retry, busyId, message, reload };
}
