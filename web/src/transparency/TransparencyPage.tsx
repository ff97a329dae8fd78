// Public transparency at /minh-bach (no sign-in): each procedure's median and 90th-percentile
// processing time in working days over the last 12 months, its on-time share, and the open
// dossiers that the figures leave out (overdue now, backlog from before the period).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../processing/processing.css';
import { errorMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { paths } from '../routes';
import { useDocumentTitle } from '../ui/page';
import { Link } from '../ui/router';
import { fetchTransparency, type ProcedureFigures, type TransparencyList } from './api';
import { useTransparencyT } from './i18n';
import { durationText, useCommonT } from '../i18n/common';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { formatCivilDate } from '../ui/dates';

type Loaded = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: unknown } | { readonly status: 'ready'; readonly list: TransparencyList };

export function TransparencyPage() {
  const t = useTransparencyT();
  const tc = useCommonT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('title'));
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<readonly ProcedureFigures[]>([]);
  const [offset, setOffset] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchTransparency(search, offset, controller.signal).then(
      (list) => {
        setItems((old) => (offset === 0 ? list.items : [...old, ...list.items]));
        setLoaded({ status: 'ready', list });
      },
      (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); },
    );
    return () => controller.abort();
  }, [search, offset]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setSearch(query.trim());
  };
  const num = (v: number | null) => (v === null ? t('none') : v.toLocaleString('vi-VN'));

  return (
    <div>
      <h1 tabIndex={-1}>{t('title')}</h1>
      {loaded.status === 'ready' && (
        <p className="lead">{t('intro', { from: formatCivilDate(loaded.list.window.from), to: formatCivilDate(loaded.list.window.to), hours: loaded.list.window.workingDayHours })}</p>
      )}
      <form className="form form--inline" onSubmit={submit} role="search">
        <Field label={t('search')} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        <div className="form__actions"><Button kind="primary" type="submit">{t('searchButton')}</Button></div>
      </form>
      {loaded.status === 'loading' && <p role="status">{t('loading')}</p>}
      {loaded.status === 'failed' && <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>}
      {loaded.status === 'ready' && (items.length === 0 ? <p role="status">{t('empty')}</p> : (
        <>
          <DataTable caption={t('caption', { shown: items.length, total: loaded.list.total })} rows={items} rowKey={(p) => p.code} columns={[
            { key: 'procedure', header: t('colProcedure'), rowHeader: true, cell: (p) => <>{p.name} <span className="muted">({p.code})</span></> },
            { key: 'duration', header: t('colDuration'), noWrap: true, cell: (p) => durationText(tc, p.duration.value, p.duration.unit) },
            { key: 'resolved', header: t('colResolved'), numeric: true, cell: (p) => p.resolved },
            { key: 'median', header: t('colMedian'), numeric: true, cell: (p) => num(p.medianWorkingDays) },
            { key: 'p90', header: t('colP90'), numeric: true, cell: (p) => num(p.p90WorkingDays) },
            { key: 'onTime', header: t('colOnTime'), numeric: true, cell: (p) => (p.onTimeShare === null ? t('none') : `${p.onTimeShare.toLocaleString('vi-VN')}%`) },
            { key: 'openOverdue', header: t('colOpenOverdue'), numeric: true, cell: (p) => p.openOverdue },
            { key: 'stale', header: t('colStale'), numeric: true, cell: (p) => p.staleOpen },
          ]} />
          <p>{t('note')}</p>
          {items.length < loaded.list.total && (
            <Button kind="secondary" onClick={() => setOffset(items.length)}>{t('more')}</Button>
          )}
        </>
      ))}
    </div>
  );
}

/** The link to this page from the login page. */
export function TransparencyLink() {
  const t = useTransparencyT();
  return <p className="narrow public-link"><Link to={paths.transparency}>{t('linkFromLogin')}</Link></p>;
}
