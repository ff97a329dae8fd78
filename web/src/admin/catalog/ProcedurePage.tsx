// One procedure for the administrator: its versions by effective date (which one is in force,
// which is scheduled), the content of a chosen version, a new version from an edit, the history.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../routes';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { formatCivilDate } from '../../ui/dates';
import { errorMessage } from '../../ui/errors';
import { MessageNotice, Notice, type NoticeMessage } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/page';
import { Link } from '../../ui/router';
import { useLoad } from '../../ui/useLoad';
import { fetchProcedure, type ProcedureDetail, type ProcedureVersion } from './api';
import { HistoryList } from './HistoryList';
import { useCatalogAdminT, type CatalogAdminT } from './i18n';
import { VersionEditor } from './VersionEditor';
import { VersionView } from './VersionView';
import '../admin.css';
import './catalog.css';

/** The code in `/quan-tri/thu-tuc/<code>`. */
export const procedureCodeOf = (path: string) => decodeURIComponent(path.slice(paths.adminCatalog.length + 1));

function stateOf(v: ProcedureVersion, detail: ProcedureDetail, t: CatalogAdminT): string {
  if (v.version === detail.inForceVersion) return t('inForceBadge');
  const inForce = detail.versions.find((x) => x.version === detail.inForceVersion);
  return !inForce || v.effectiveFrom > inForce.effectiveFrom ? t('scheduledBadge') : t('endedBadge');
}

export function ProcedurePage({ code }: { readonly code: string }) {
  const t = useCatalogAdminT();
  const { t: tApp } = useTranslation();
  const ids = useId();
  const { loaded, reload } = useLoad((signal) => fetchProcedure(code, signal), code);
  const [chosen, setChosen] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  // after a save the page reloads: keep showing what was there (and the success message) meanwhile
  const lastReady = useRef<ProcedureDetail | null>(null);
  if (loaded.status === 'ready') lastReady.current = loaded.data;
  const shownDetail = loaded.status === 'ready' ? loaded.data : lastReady.current;
  const latest = shownDetail?.versions[0];
  useDocumentTitle(latest ? t('procedureTitle', { code, name: latest.name }) : code);

  if (!shownDetail || !latest) {
    return (
      <div className="admin-page">
        <p><Link to={paths.adminCatalog}>{t('back')}</Link></p>
        <h1 tabIndex={-1}>{code}</h1>
        {loaded.status === 'loading' && <p role="status">{t('loading')}</p>}
        {loaded.status === 'failed' && <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>}
      </div>
    );
  }
  const detail = shownDetail;
  const shownVersion = detail.versions.find((v) => v.version === (chosen ?? detail.inForceVersion ?? latest.version)) ?? latest;
  const columns = [
    { key: 'version', header: t('colVersion'), cell: (v: ProcedureVersion) => v.version, numeric: true },
    { key: 'from', header: t('colValid'), cell: (v: ProcedureVersion) => formatCivilDate(v.effectiveFrom) },
    { key: 'to', header: t('colTo'), cell: (v: ProcedureVersion) => (v.effectiveTo ? formatCivilDate(v.effectiveTo) : '—') },
    { key: 'state', header: t('colState'), cell: (v: ProcedureVersion) => <span className="badge">{stateOf(v, detail, t)}</span> },
    {
      key: 'open', header: t('colActions'), cell: (v: ProcedureVersion) => (
        <Button onClick={() => setChosen(v.version)} aria-pressed={v.version === shownVersion.version}>{t('showVersion', { version: v.version })}</Button>
      ),
    },
  ];

  return (
    <div className="admin-page">
      <p><Link to={paths.adminCatalog}>{t('back')}</Link></p>
      <h1 tabIndex={-1}>{t('procedureTitle', { code, name: latest.name })}</h1>
      {detail.inForceVersion === null && <p className="muted">{t('noneInForce')}</p>}
      <MessageNotice message={message} />
      {loaded.status === 'failed' && <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>}
      {editing ? (
        <VersionEditor latest={latest} onCancel={() => setEditing(false)} onSaved={(saved) => {
          setEditing(false);
          setChosen(saved.version);
          setMessage({ tone: 'success', text: t('saved', { version: saved.version, from: formatCivilDate(saved.effectiveFrom) }) });
          reload();
        }} />
      ) : <p><Button kind="primary" onClick={() => { setEditing(true); setMessage(null); }}>{t('newVersion')}</Button></p>}
      <section aria-labelledby={`${ids}-versions`}>
        <h2 id={`${ids}-versions`}>{t('versionsTitle')}</h2>
        <DataTable columns={columns} rows={detail.versions} rowKey={(v) => String(v.version)} />
      </section>
      <section className="admin-panel" aria-labelledby={`${ids}-shown`}>
        <h2 id={`${ids}-shown`}>{t('versionNo', { version: shownVersion.version })}
          {' '}<span className="badge">{stateOf(shownVersion, detail, t)}</span></h2>
        <VersionView version={shownVersion} />
      </section>
      <HistoryList history={detail.history} headingId={`${ids}-history`} />
    </div>
  );
}
