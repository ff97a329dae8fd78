// Bổ sung hồ sơ (the citizen's "my dossiers" → an online dossier awaiting a supplement): what the
// one-stop or the agency asked for once (form 02), a file uploaded for each item, then "Gửi bổ
// sung" — the dossier goes back where it was asked. The server says what may be sent and when.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadWithProgress } from '../../online/upload';
import { paths } from '../../routes';
import { Button } from '../../ui/Button';
import { formatVnDate, formatVnDateTime } from '../../ui/dates';
import { errorMessage } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { Link } from '../../ui/router';
import { fetchSupplement, sendSupplement, type Supplement } from './api';
import { useSupplementT } from './i18n';
import './supplement.css';

type ItemFile =
  | { readonly state: 'uploading'; readonly percent: number }
  | { readonly state: 'uploaded'; readonly fileId: number; readonly sizeBytes: number }
  | { readonly state: 'failed'; readonly message: string };

type Loaded = { readonly status: 'done'; readonly value: Supplement } | { readonly status: 'failed'; readonly error: unknown } | null;

/** The page's state: the request, a file per item, the sending. */
function useSupplement(code: string) {
  const { t: tApp } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [files, setFiles] = useState<ReadonlyMap<string, ItemFile>>(new Map());
  const [sending, setSending] = useState<{ busy: boolean; error: unknown; status: string | null }>({ busy: false, error: null, status: null });
  useEffect(() => {
    const controller = new AbortController();
    fetchSupplement(code, controller.signal)
      .then((value) => setLoaded({ status: 'done', value }), (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); });
    return () => controller.abort();
  }, [code]);
  const setFile = (item: string, f: ItemFile) => setFiles((m) => new Map(m).set(item, f));
  const upload = (item: string, file: File) => {
    setFile(item, { state: 'uploading', percent: 0 });
    uploadWithProgress(file, (percent) => setFile(item, { state: 'uploading', percent })).then(
      (f) => setFile(item, { state: 'uploaded', fileId: f.id, sizeBytes: f.sizeBytes }),
      (e: unknown) => setFile(item, { state: 'failed', message: errorMessage(e, tApp) }),
    );
  };
  const request = loaded?.status === 'done' ? loaded.value : null;
  const items = request?.request?.items ?? [];
  const ready = items.flatMap((item) => { const f = files.get(item); return f?.state === 'uploaded' ? [{ item, fileId: f.fileId }] : []; });
  const send = () => {
    if (!request || ready.length !== items.length) return;
    setSending({ busy: true, error: null, status: null });
    sendSupplement(code, { papers: ready, expectedVersion: request.version }).then(
      (r) => setSending({ busy: false, error: null, status: r.status }),
      (error: unknown) => setSending({ busy: false, error, status: null }),
    );
  };
  return { loaded, request, items, files, upload, missing: items.length - ready.length, send, sending };
}

function ItemRow({ item, file, onFile, disabled }: { readonly item: string; readonly file: ItemFile | undefined; readonly onFile: (f: File) => void; readonly disabled: boolean }) {
  const t = useSupplementT();
  const id = useId();
  return (
    <li className="supplement-item">
      <p className="supplement-item__name"><strong>{item}</strong></p>
      <label htmlFor={id} className="field__label">{file?.state === 'uploaded' ? t('change') : t('upload')}</label>
      <input id={id} type="file" accept="image/*,application/pdf" disabled={disabled} onChange={(e) => { const f = e.target.files?.[0]; if (f) onFile(f); }} />
      {file?.state === 'uploading' && <progress max={100} value={file.percent} aria-label={t('uploading', { percent: file.percent })}>{file.percent}%</progress>}
      {file?.state === 'uploaded' && <p role="status" className="notice notice--success">{t('uploaded', { size: Math.max(1, Math.round(file.sizeBytes / 1024)) })}</p>}
      {file?.state === 'failed' && <p role="alert" className="field__error">{file.message}</p>}
    </li>
  );
}

export function SupplementPage({ code }: { readonly code: string }) {
  const t = useSupplementT();
  const { t: tApp } = useTranslation();
  const s = useSupplement(code);
  const r = s.request;
  const done = s.sending.status !== null;
  return (
    <div className="supplement-page">
      <PageHeading title={t('title', { code })} lead={t('lead')} />
      {s.loaded === null && <p className="loading" role="status">{t('loading')}</p>}
      {s.loaded?.status === 'failed' && <Notice tone="error">{errorMessage(s.loaded.error, tApp)}</Notice>}
      {r && !r.request && <Notice tone="info">{t('noRequest')}</Notice>}
      {r?.request && (
        <>
          <dl className="supplement-facts">
            <dt>{t('procedure')}</dt><dd>{r.procedure.name}</dd>
            {r.request.reason && <><dt>{t('reason')}</dt><dd>{r.request.reason}</dd></>}
            <dt>{t('requestedAt')}</dt><dd>{formatVnDate(r.request.requestedAt)}</dd>
            {r.request.dueBy && <><dt>{t('dueBy')}</dt><dd><strong>{formatVnDate(r.request.dueBy)}</strong></dd></>}
          </dl>
          {r.sentAt && !done && <Notice tone="success">{t('sentBefore', { at: formatVnDateTime(r.sentAt) })}</Notice>}
          {!r.sentAt && !r.canSend && <Notice tone="info">{t('notOnline')}</Notice>}
          {r.canSend && (
            <section aria-labelledby="supplement-items">
              <h2 id="supplement-items">{t('items')}</h2>
              <ol className="supplement-items">
                {s.items.map((item) => <ItemRow key={item} item={item} file={s.files.get(item)} onFile={(f) => s.upload(item, f)} disabled={done || s.sending.busy} />)}
              </ol>
              {!done && s.missing > 0 && <p className="field__hint">{t('missing', { count: s.missing })}</p>}
              {!done && (
                <p><Button kind="primary" onClick={s.send} disabled={s.missing > 0 || s.sending.busy} aria-busy={s.sending.busy || undefined}>
                  {s.sending.busy ? t('sending') : t('send')}
                </Button></p>
              )}
            </section>
          )}
          <Notice tone="error">{s.sending.error ? errorMessage(s.sending.error, tApp) : null}</Notice>
          <Notice tone="success">{done ? t('sent', { where: s.sending.status === 'submitted' ? t('whereOneStop') : t('whereAgency') }) : null}</Notice>
        </>
      )}
      <p><Link to={`${paths.processingDossier}/${encodeURIComponent(code)}`}>{t('openDossier')}</Link> · <Link to={paths.myDossiers}>{t('myDossiers')}</Link></p>
    </div>
  );
}
