// Đồng bộ bù (administrators): every dossier changed in a period whose newest change the national
// portal has not acknowledged is queued for the push again (POST /api/v1/sync/backfill); running it
// twice sends nothing twice. The answer says how many were queued, retried, waiting, acknowledged.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { errorMessage } from '../ui/errors';
import { MessageNotice, type NoticeMessage } from '../ui/Notice';
import { backfillSync } from './api';
import { useSyncT } from './i18n';

export function SyncBackfill({ from: initialFrom, to: initialTo, onDone }: { readonly from: string; readonly to: string; readonly onDone: () => void }) {
  const t = useSyncT();
  const { t: tApp } = useTranslation();
  const [period, setPeriod] = useState({ from: initialFrom, to: initialTo });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await backfillSync(period.from, period.to);
      setMessage({ tone: 'success', text: t('backfillDone', { dossiers: r.dossiers, queued: r.queued, retried: r.retried, pending: r.pending, acknowledged: r.acknowledged }) });
      onDone();
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error, tApp) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="sync-backfill" className="sync-backfill">
      <h2 id="sync-backfill">{t('backfillTitle')}</h2>
      <p>{t('backfillIntro')}</p>
      <form className="sync-backfill__form" onSubmit={(e) => { e.preventDefault(); void run(); }} noValidate>
        <DateField label={t('backfillFrom')} value={period.from} onChange={(iso) => setPeriod((p) => ({ ...p, from: iso }))} required />
        <DateField label={t('backfillTo')} value={period.to} onChange={(iso) => setPeriod((p) => ({ ...p, to: iso }))} required />
        <p><Button kind="primary" type="submit" disabled={busy || period.from === '' || period.to === ''} aria-busy={busy || undefined}>{busy ? t('backfillRunning') : t('backfillRun')}</Button></p>
      </form>
      <MessageNotice message={message} />
    </section>
  );
}
