// The return screen's list: every dossier whose result is ready at this service point (the
// desk's "results ready" work list), the longest waiting first, each with its return button; the
// search below finds one that is not listed.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchQueue, type WorkItem } from '../processing/api';
import { useProcessingT } from '../processing/i18n';
import { formatAt } from '../processing/labels';
import { DataTable } from '../ui/DataTable';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { useCounterT } from './i18n';

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly items: readonly WorkItem[] };

interface Props {
  /** bump to load the list again (after a return) */
  readonly reload: number;
  readonly renderAction: (item: WorkItem) => ReactNode;
  /** a bundle's members returned all together (listed with their bundle above): left out here */
  readonly hiddenCodes?: readonly string[];
}

export function ReadyList({ reload, renderAction, hiddenCodes = [] }: Props) {
  const t = useCounterT();
  const tp = useProcessingT();
  const { t: tApp } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchQueue('resultReady', controller.signal).then(
      (items) => setLoaded({ status: 'ready', items }),
      (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); },
    );
    return () => controller.abort();
  }, [reload]);

  if (loaded.status === 'loading') return <p role="status">{t('readyLoading')}</p>;
  if (loaded.status === 'failed') return <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>;
  const items = loaded.items.filter((i) => !hiddenCodes.includes(i.code));
  if (items.length === 0) return <p role="status">{t('readyEmpty')}</p>;
  return (
    <DataTable caption={t('readyCaption', { count: items.length })} rows={items} rowKey={(i) => i.code}
      columns={[
        { key: 'code', header: tp('colCode'), cell: (i) => i.code },
        { key: 'applicant', header: tp('colApplicant'), cell: (i) => i.applicantName },
        { key: 'procedure', header: tp('colProcedure'), cell: (i) => i.procedureName },
        { key: 'due', header: tp('colDue'), cell: (i) => formatAt(tp, i.dueAt) },
        { key: 'action', header: t('returnAction'), cell: renderAction },
      ]} />
  );
}
