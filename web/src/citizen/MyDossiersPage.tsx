// Hồ sơ của tôi: the signed-in citizen's own dossiers, newest first, each linked to its page,
// where the citizen follows it and, once it has its result or decision, rates it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canBeRated } from '../processing/api';
import { dossierPath } from '../processing/DossierPage';
import { useProcessingT } from '../processing/i18n';
import { paths } from '../routes';
import { formatAt, StatusBadge, TimelinessBadge } from '../processing/labels';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/page';
import { Link } from '../ui/router';
import { fetchMyDossiers, fetchProcedureName, type MyDossiers } from './api';
import { useCitizenT } from './i18n';
import '../processing/processing.css';
import './citizen.css';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { DossierTimeline } from './DossierTimeline';

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly page: MyDossiers };

/** Procedure names by code; a name that cannot be read leaves its code shown alone. */
function useProcedureNames(codes: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(codes)].sort().join('|');
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    void Promise.all(key.split('|').map((code) => fetchProcedureName(code, controller.signal).then(
      (name) => [code, name] as const,
      () => null, // a nicety: the code is shown without it
    ))).then((pairs) => {
      if (!controller.signal.aborted) setNames(new Map(pairs.filter((p) => p !== null)));
    });
    return () => controller.abort();
  }, [key]);
  return names;
}

export function MyDossiersPage() {
  const t = useCitizenT();
  const tp = useProcessingT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('myDossiersTitle'));
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const items: MyDossiers['items'] = loaded.status === 'ready' ? loaded.page.items : [];
  const names = useProcedureNames(items.map((i) => i.procedureCode));

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    fetchMyDossiers(0, controller.signal).then(
      (page) => setLoaded({ status: 'ready', page }),
      (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); },
    );
    return () => controller.abort();
  }, [reload]);

  // older dossiers, a page at a time, after those shown
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const hasMore = loaded.status === 'ready' && (loaded.page.total > items.length || loaded.page.totalIsLowerBound === true);
  const loadMore = () => {
    if (loaded.status !== 'ready') return;
    setMore({ busy: true, error: null });
    fetchMyDossiers(items.length).then(
      (page) => { setLoaded({ status: 'ready', page: { ...page, items: [...items, ...page.items] } }); setMore({ busy: false, error: null }); },
      (error: unknown) => setMore({ busy: false, error }),
    );
  };
  const status = loaded.status === 'loading' ? t('loading')
    : loaded.status === 'ready' ? (items.length === 0 ? t('empty') : t('loadedCount', { count: items.length })) : '';

  const procedureOf = (code: string) => {
    const name = names.get(code);
    return name ? `${name} (${code})` : code;
  };

  return (
    <div className="my-dossiers">
      <h1 tabIndex={-1}>{t('myDossiersTitle')}</h1>
      <p className="lead">{t('myDossiersIntro')}</p>
      <div className="toolbar">
        <Button kind="secondary" onClick={() => setReload((n) => n + 1)}>{t('refresh')}</Button>
      </div>
      {/* always in the page, so that screen readers announce what appears in them */}
      <p role="status" className={loaded.status !== 'ready' ? undefined : items.length === 0 ? 'empty-state' : 'visually-hidden'}>{status}</p>
      <Notice tone="error">{loaded.status === 'failed' ? errorMessage(loaded.error, tApp) : more.error ? errorMessage(more.error, tApp) : null}</Notice>
      {loaded.status === 'ready' && items.length > 0 && (
        <>
          {items.some((i) => canBeRated(i.status) && !i.rated) && <p className="rate-hint">{t('rateHint')}</p>}
          <DataTable
            caption={loaded.page.total > items.length || loaded.page.totalIsLowerBound
              ? t('captionPartial', { shown: items.length, total: loaded.page.totalIsLowerBound ? `${loaded.page.total}+` : loaded.page.total })
              : t('caption', { count: items.length })}
            rows={items} rowKey={(i) => i.code} columns={[
              { key: 'code', header: tp('colCode'), rowHeader: true, noWrap: true, cell: (i) => <Link to={dossierPath(i.code)}>{i.code}</Link> },
              { key: 'procedure', header: tp('colProcedure'), cell: (i) => procedureOf(i.procedureCode) },
              { key: 'status', header: tp('colStatus'), cell: (i) => <>
                <StatusBadge t={tp} status={i.status} />
                {i.status === 'awaitingPayment' && <> <Link to={`${paths.payDossier}/${encodeURIComponent(i.code)}`} className="pay-link">
                  {t('payLink')}<span className="visually-hidden"> {t('payLinkCode', { code: i.code })}</span>
                </Link></>}
                {/* an online dossier returned for a supplement: the papers asked for, sent from here */}
                {i.status === 'awaitingSupplement' && <> <Link to={`${paths.supplementDossier}/${encodeURIComponent(i.code)}`} className="pay-link">
                  {t('supplementLink')}<span className="visually-hidden"> {t('payLinkCode', { code: i.code })}</span>
                </Link></>}
                <DossierTimeline code={i.code} />
              </> },
              { key: 'received', header: tp('colReceived'), cell: (i) => formatAt(tp, i.receivedAt) },
              { key: 'due', header: tp('colDue'), cell: (i) => <>{formatAt(tp, i.dueAt)} {i.dueAt && <TimelinessBadge t={tp} value={i.timeliness} />}</> },
              { key: 'rating', header: t('colRating'), cell: (i) => (i.rated ? t('rated') : canBeRated(i.status) && (
                <Link to={dossierPath(i.code)} className="rate-link">
                  {t('rateLink')}<span className="visually-hidden"> {t('rateLinkCode', { code: i.code })}</span>
                </Link>
              )) },
            ]} />
          {hasMore && (
            <p><Button kind="secondary" onClick={loadMore} disabled={more.busy} aria-busy={more.busy || undefined}>
              {more.busy ? t('loadingMore') : t('loadMore')}
            </Button></p>
          )}
        </>
      )}
    </div>
  );
}
