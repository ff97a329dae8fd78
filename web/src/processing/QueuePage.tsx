// The work queue: the user's open dossiers, least working time left first, with badges.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../routes';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/page';
import { Link } from '../ui/router';
import { fetchQueue, type QueueFilter, type WorkItem } from './api';
import { dossierPath } from './DossierPage';
import { useProcessingT, type ProcessingT } from './i18n';
import { formatAt, formatRemaining, StatusBadge, TimelinessBadge } from './labels';
import './processing.css';
import type { User } from '../api/types';
import { queueViewFor } from './queueFilters';
import { Button } from '../ui/Button';
import { WaitingFor } from './WaitingFor';
import { DataTable, type Column } from '../ui/DataTable';

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly items: readonly WorkItem[] };


/** Least working time left first; dossiers without a due time last (the server's order, kept stable). */
export function byTimeLeft<T extends Pick<WorkItem, 'remainingWorkingMinutes' | 'dueAt'>>(items: readonly T[]): T[] {
  const key = (i: T) => i.remainingWorkingMinutes ?? (i.dueAt ? Date.parse(i.dueAt) / 60_000 : Number.POSITIVE_INFINITY);
  return items.map((item, index) => ({ item, index }))
    .sort((a, b) => key(a.item) - key(b.item) || a.index - b.index)
    .map((x) => x.item);
}

const queueColumns = (t: ProcessingT): readonly Column<WorkItem>[] => [
  { key: 'code', header: t('colCode'), rowHeader: true, noWrap: true, cell: (i) => <Link to={dossierPath(i.code)}>{i.code}</Link> },
  { key: 'procedure', header: t('colProcedure'), cell: (i) => <>{i.procedureName} <span className="field__hint">({i.procedureCode})</span></> },
  { key: 'applicant', header: t('colApplicant'), cell: (i) => i.applicantName },
  { key: 'assignee', header: t('colAssignee'), cell: (i) => i.assigneeName ?? '—' },
  { key: 'status', header: t('colStatus'), cell: (i) => <><StatusBadge t={t} status={i.status} />{i.waitingFor !== null && <><br /><WaitingFor code={i.waitingFor} /></>}</> },
  { key: 'due', header: t('colDue'), cell: (i) => <>{formatAt(t, i.dueAt)}{i.handoverDueAt && <><br /><span className="field__hint">{t('handoverBy', { time: formatAt(t, i.handoverDueAt) })}</span></>}</> },
  { key: 'remaining', header: t('colRemaining'), numeric: true, cell: (i) => formatRemaining(t, i.remainingWorkingMinutes) },
  { key: 'timeliness', header: t('colTimeliness'), cell: (i) => <TimelinessBadge t={t} value={i.timeliness} /> },
];

export function QueuePage({ user }: { readonly user: User }) {
  const t = useProcessingT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('queueTitle'));
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  // the filters this desk needs (queueFilters.ts); the approver opens on what awaits approval
  const [{ filters, initial }] = useState(() => queueViewFor(user));
  const [filter, setFilter] = useState<QueueFilter>(initial);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    fetchQueue(filter, controller.signal).then(
      (items) => setLoaded({ status: 'ready', items: byTimeLeft(items) }),
      (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); },
    );
    return () => controller.abort();
  }, [reload, filter]);

  return (
    <div>
      <h1 tabIndex={-1}>{t('queueTitle')}</h1>
      <p className="lead">{t('queueIntro')}</p>
      <div className="tabs" role="group" aria-label={t('queueFilter')}>
        {filters.map((f) => (
          <button key={f} type="button" className="button button--quiet" aria-pressed={filter === f} onClick={() => setFilter(f)}>{t(`queueFilter_${f}`)}</button>
        ))}
      </div>
      <div className="toolbar">
        <Button kind="secondary" onClick={() => setReload((n) => n + 1)}>{t('refresh')}</Button>
        <Link to={paths.dossierSearch}>{t('searchLink')}</Link>
      </div>
      {loaded.status === 'loading' && <p role="status">{t('queueLoading')}</p>}
      {loaded.status === 'failed' && <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>}
      {loaded.status === 'ready' && (loaded.items.length === 0 ? <p role="status">{t('queueEmpty')}</p> : (
        <DataTable caption={t('queueCaption', { count: loaded.items.length })} rows={loaded.items} rowKey={(i) => i.code} columns={queueColumns(t)} />
      ))}
    </div>
  );
}
