// The dossier page's electronic results (issue 12 §5): the result files with a download link (the
// clerk prints from it), the agency's form to attach the signed result, and the certified
// electronic copy of a result. Shown to whoever reads the dossier; the server decides who may do what.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { userCan, type User } from '../api/types';
import { Button, SubmitButton } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { DateField } from '../ui/DateField';
import { formatCivilDate, formatVnDateTime } from '../ui/dates';
import { errorMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { attachResult, certifyCopy, fetchResultFiles, fileUrl, resultFileUrl, uploadFile, type CertifiedCopy, type ResultFiles } from './api';
import { useDocumentsT, type DocumentsT } from './i18n';
import './documents.css';

interface Props {
  readonly code: string;
  readonly user: User;
  /** the dossier's allowed actions: attaching is offered when they include `attachResult` */
  readonly canAttach: boolean;
  /** the result's name from the catalogue, to prefill the form */
  readonly resultName?: string;
  /** called after a result was attached (the page reloads the dossier) */
  readonly onAttached?: () => void;
}

function AttachForm({ t, code, resultName, onAttached }: { readonly t: DocumentsT; readonly code: string; readonly resultName: string; readonly onAttached: (title: string) => void }) {
  const { t: tApp } = useTranslation();
  const file = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState(resultName);
  const [validUntil, setValidUntil] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) { setState({ busy: false, error: t('chooseFile') }); return; }
    setState({ busy: true, error: null });
    try {
      const uploaded = await uploadFile(chosen);
      await attachResult(code, { fileId: uploaded.id, title: title.trim(), ...(validUntil ? { validUntil } : {}) });
      setState({ busy: false, error: null });
      if (file.current) file.current.value = '';
      onAttached(title.trim());
    } catch (error) {
      setState({ busy: false, error: errorMessage(error, tApp) });
    }
  };
  return (
    <form className="result-attach" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('attachTitle')}</h3>
      <p className="field__hint">{t('attachHint')}</p>
      <div className="field">
        <label className="field__label" htmlFor={`result-file-${code}`}>{t('attachFile')}</label>
        <input id={`result-file-${code}`} ref={file} type="file" accept="application/pdf,image/jpeg,image/png" className="field__input" />
      </div>
      <Field label={t('attachName')} value={title} onChange={(e) => setTitle(e.target.value)} required minLength={2} maxLength={300} />
      <DateField label={t('attachValidUntil')} value={validUntil} onChange={(v) => setValidUntil(v)} />
      <Notice tone="error">{state.error}</Notice>
      <SubmitButton busy={state.busy} busyText={t('attaching')} text={t('attachSubmit')} />
    </form>
  );
}

function CopyNotice({ t, copy }: { readonly t: DocumentsT; readonly copy: CertifiedCopy }) {
  const line = copy.signature === null ? t('copyUnsigned') : copy.signature.legal ? t('copySigned', { provider: copy.signature.provider }) : t('copySimulated');
  return (
    <div className="copy-notice" role="status">
      <p>{t('certified', { id: copy.id })} {line}</p>
      <p><a href={fileUrl(copy.fileId)}>{t('copyDownload')}</a> · <a href={copy.verifyUrl} target="_blank" rel="noopener">{t('copyVerify')}</a></p>
    </div>
  );
}

export function ResultFilesPart({ code, user, canAttach, resultName = '', onAttached }: Props) {
  const t = useDocumentsT();
  const { t: tApp } = useTranslation();
  const [files, setFiles] = useState<ResultFiles | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [copy, setCopy] = useState<CertifiedCopy | null>(null);
  const [certifying, setCertifying] = useState<number | null>(null);
  const mayCertify = userCan(user, 'documents.result');

  useEffect(() => {
    const controller = new AbortController();
    fetchResultFiles(code, controller.signal).then(setFiles, (e: unknown) => { if (!controller.signal.aborted) setError(e); });
    return () => controller.abort();
  }, [code, reload]);

  const certify = async (fileId: number) => {
    setCertifying(fileId);
    setError(null);
    try {
      setCopy(await certifyCopy(code, fileId));
    } catch (e) {
      setError(e);
    } finally {
      setCertifying(null);
    }
  };

  const items = files?.items ?? [];
  return (
    <section aria-labelledby="results-title" className="section result-files">
      <h2 id="results-title">{t('resultsTitle')}</h2>
      <Notice tone="success">{done}</Notice>
      <Notice tone="error">{error ? errorMessage(error, tApp) : null}</Notice>
      {files === null && !error && <p role="status">{t('resultsLoading')}</p>}
      {files !== null && items.length === 0 && <p>{t('resultsNone')}</p>}
      {items.length > 0 && (
        <DataTable rows={items} rowKey={(r) => String(r.fileId)} columns={[
          { key: 'title', header: t('colResult'), rowHeader: true, cell: (r) => r.title },
          { key: 'at', header: t('colAttached'), cell: (r) => formatVnDateTime(r.attachedAt) },
          { key: 'until', header: t('colValidUntil'), cell: (r) => (r.validUntil ? formatCivilDate(r.validUntil) : t('noEnd')) },
          { key: 'file', header: t('colFile'), cell: (r) => (
            <span className="result-files__actions">
              <a href={resultFileUrl(code, r.fileId)} aria-label={t('downloadOf', { title: r.title })}>{t('download')}</a>
              {mayCertify && (
                <Button kind="secondary" onClick={() => void certify(r.fileId)} disabled={certifying !== null} aria-label={t('certifyOf', { title: r.title })}>
                  {certifying === r.fileId ? t('certifying') : t('certify')}
                </Button>
              )}
            </span>
          ) },
        ]} />
      )}
      {copy && <CopyNotice t={t} copy={copy} />}
      {canAttach && (
        <AttachForm t={t} code={code} resultName={resultName} onAttached={(title) => {
          setDone(t('attached', { title }));
          setReload((n) => n + 1);
          onAttached?.();
        }} />
      )}
    </section>
  );
}
