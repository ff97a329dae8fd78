// The scans of the user's dossiers whose text could not be read, with "read again" for who may ask it.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { formatVnDateTime } from '../ui/dates';
import { errorDetails, errorMessage } from '../ui/errors';
import { MessageNotice, type NoticeMessage } from '../ui/Notice';
import { fetchOcrFailures, retryOcr, scanUrl, type OcrFailure } from './api';
import { useOcrT } from './i18n';

export function OcrFailures({ canRetry }: { readonly canRetry: boolean }) {
  const t = useOcrT();
  const { t: tApp } = useTranslation();
  const [items, setItems] = useState<readonly OcrFailure[] | null>(null);
  const [busyFile, setBusyFile] = useState<number | null>(null);
  const [message, setMessage] = useState<NoticeMessage | null>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      setItems((await fetchOcrFailures(signal)).items);
    } catch (e) {
      if (!signal?.aborted) setMessage({ tone: 'error', text: errorMessage(e, tApp), details: errorDetails(e) });
    }
  }, [tApp]);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const retry = async (fileId: number) => {
    setBusyFile(fileId);
    try {
      await retryOcr(fileId);
      setMessage({ tone: 'success', text: t('retried', { fileId }) });
      await load();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e, tApp), details: errorDetails(e) });
    } finally {
      setBusyFile(null);
    }
  };

  return (
    <section aria-labelledby="ocr-failures">
      <h2 id="ocr-failures">{t('failures')}</h2>
      <p>{t('failuresIntro')}</p>
      <MessageNotice message={message} />
      {items === null ? <p>{t('loading')}</p> : items.length === 0 ? <p>{t('failuresEmpty')}</p> : (
        <DataTable caption={t('failuresCaption')} rows={items} rowKey={(f) => String(f.fileId)} columns={[
          { key: 'dossier', header: t('colDossier'), rowHeader: true, noWrap: true, cell: (f) => f.papers.map((p) => p.dossierCode).join(', ') },
          { key: 'paper', header: t('colPaper'), cell: (f) => <a href={scanUrl(f.fileId)}>{f.papers.map((p) => p.paperName).join('; ')}</a> },
          { key: 'status', header: t('colStatus'), cell: (f) => (f.status === 'failed' || f.nextAttemptAt === null
            ? t('statusFailed', { attempts: f.attempts }) : t('statusPending', { at: formatVnDateTime(f.nextAttemptAt) })) },
          { key: 'reason', header: t('colReason'), cell: (f) => f.reason },
          ...(canRetry ? [{ key: 'retry', header: t('retry'), cell: (f: OcrFailure) => (
            <Button kind="secondary" disabled={busyFile !== null} onClick={() => void retry(f.fileId)}>{busyFile === f.fileId ? t('retrying') : t('retry')}</Button>
          ) }] : []),
        ]} />
      )}
    </section>
  );
}
