// Giấy tờ của tôi: the signed-in citizen's document store (issue 12 §4) — the digitized papers and
// electronic results of the dossiers they filed, whether each may be reused, and their consent to
// keep and reuse them (given or withdrawn here, recorded with its time and purpose).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchOwnStore, fileUrl, giveConsent, withdrawConsent, type Store, type StoreDocument } from '../documents/api';
import { useDocumentsT, type DocumentsT } from '../documents/i18n';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { formatCivilDate, formatVnDate } from '../ui/dates';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/page';
import { Link } from '../ui/router';
import { dossierPath } from '../processing/DossierPage';
import '../documents/documents.css';

const kindOf = (t: DocumentsT, d: StoreDocument) => (d.docType ? t(`doc_${d.docType}`) : t('doc_other'));
const reuseOf = (t: DocumentsT, d: StoreDocument) => (d.reusable ? t('reusable') : t(`why_${d.notReusable ?? 'oneDossierOnly'}`));

function ConsentBox({ t, store, onChanged }: { readonly t: DocumentsT; readonly store: Store; readonly onChanged: (message: string) => void }) {
  const { t: tApp } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const run = async (action: () => Promise<unknown>, message: string) => {
    setState({ busy: true, error: null });
    try {
      await action();
      setState({ busy: false, error: null });
      onChanged(message);
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  const c = store.consent;
  return (
    <section aria-labelledby="consent-title" className="consent-box">
      <h2 id="consent-title">{t('consentTitle')}</h2>
      {c ? <p>{t('consentGiven', { date: formatVnDate(c.givenAt), via: t(`via_${c.givenVia}`) })}</p>
        : <p>{t('consentNone', { purpose: 'Lưu giữ giấy tờ đã số hóa và kết quả điện tử để sử dụng lại khi thực hiện thủ tục hành chính sau này, không phải nộp lại.' })}</p>}
      {c ? <Button kind="danger" disabled={state.busy} onClick={() => void run(withdrawConsent, t('consentWithdrawn'))}>{t('consentWithdraw')}</Button>
        : <Button kind="primary" disabled={state.busy} onClick={() => void run(giveConsent, t('consentSaved'))}>{t('consentGive')}</Button>}
      <Notice tone="error">{state.error ? errorMessage(state.error, tApp) : null}</Notice>
    </section>
  );
}

export function MyPapersPage() {
  const t = useDocumentsT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('papersTitle'));
  const [store, setStore] = useState<Store | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchOwnStore(controller.signal).then(setStore, (e: unknown) => { if (!controller.signal.aborted) setError(e); });
    return () => controller.abort();
  }, [reload]);

  const docs = store?.documents ?? [];
  return (
    <div className="my-papers">
      <h1 tabIndex={-1}>{t('papersTitle')}</h1>
      <p className="lead">{t('papersIntro')}</p>
      <Notice tone="success">{done}</Notice>
      <Notice tone="error">{error ? errorMessage(error, tApp) : null}</Notice>
      {!store && !error && <p role="status">{t('papersLoading')}</p>}
      {store && <ConsentBox t={t} store={store} onChanged={(m) => { setDone(m); setReload((n) => n + 1); }} />}
      {store && docs.length === 0 && <p className="empty-state">{t('papersEmpty')}</p>}
      {docs.length > 0 && (
        <DataTable caption={t('papersCaption', { count: docs.length })} rows={docs} rowKey={(d) => String(d.id)} columns={[
          { key: 'title', header: t('colPaper'), rowHeader: true, cell: (d) => <a href={fileUrl(d.fileId)}>{d.title}</a> },
          { key: 'kind', header: t('colKind'), cell: (d) => `${kindOf(t, d)} · ${d.sourceKind === 'result' ? t('kindResult') : t('kindDigitized')}` },
          { key: 'source', header: t('colSource'), noWrap: true, cell: (d) => <Link to={dossierPath(d.sourceDossierCode)}>{d.sourceDossierCode}</Link> },
          { key: 'until', header: t('colValidUntil'), cell: (d) => (d.validUntil ? formatCivilDate(d.validUntil) : t('noEnd')) },
          { key: 'reuse', header: t('colReuse'), cell: (d) => reuseOf(t, d) },
        ]} />
      )}
    </div>
  );
}
