// Xác minh bản sao điện tử (public, no sign-in, /xac-minh/<id>): what the copy's QR code opens. It
// shows who issued the copy, when and for which agency, whether the stored copy is intact and what
// its signature is worth, and checks a file the visitor holds by its SHA-256, computed on their device.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDateTime } from '../ui/dates';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/page';
import { checkCopyHash, fetchVerification, sha256Of, type CopyVerification } from './api';
import { useDocumentsT, type DocumentsT } from './i18n';
import './documents.css';

function signatureText(t: DocumentsT, s: CopyVerification['signature']): string {
  if (s === null) return t('verifyNoSignature');
  const valid = s.valid ? t('signatureValid') : t('signatureInvalid');
  return s.legal ? t('verifyLegal', { provider: s.provider, valid }) : t('verifySimulated', { provider: s.provider, valid });
}

function FileCheck({ t, id }: { readonly t: DocumentsT; readonly id: string }) {
  const { t: tApp } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; matches: 'copy' | 'original' | 'none' | null; error: unknown }>({ busy: false, matches: null, error: null });
  const check = async (file: File | undefined) => {
    if (!file) return;
    setState({ busy: true, matches: null, error: null });
    try {
      const { matches } = await checkCopyHash(id, await sha256Of(file));
      setState({ busy: false, matches, error: null });
    } catch (error) {
      setState({ busy: false, matches: null, error });
    }
  };
  const message = state.matches === 'copy' ? t('matchCopy') : state.matches === 'original' ? t('matchOriginal') : state.matches === 'none' ? t('matchNone') : null;
  return (
    <section aria-labelledby="check-title" className="section">
      <h2 id="check-title">{t('checkTitle')}</h2>
      <p className="field__hint">{t('checkHint')}</p>
      <div className="field">
        <label className="field__label" htmlFor="verify-file">{t('checkFile')}</label>
        <input id="verify-file" type="file" className="field__input" onChange={(e) => void check(e.target.files?.[0])} />
      </div>
      <p role="status" className={state.matches === 'none' ? 'verify-result--bad' : state.matches ? 'verify-result--ok' : undefined}>
        {state.busy ? t('checking') : message}
      </p>
      <Notice tone="error">{state.error ? errorMessage(state.error, tApp) : null}</Notice>
    </section>
  );
}

export function VerifyPage({ id }: { readonly id: string }) {
  const t = useDocumentsT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('verifyTitle'));
  const [copy, setCopy] = useState<CopyVerification | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchVerification(id, controller.signal).then(setCopy, (e: unknown) => { if (!controller.signal.aborted) setError(e); });
    return () => controller.abort();
  }, [id]);
  const row = (label: string, value: string, className?: string) => (
    <div key={label}><dt>{label}</dt><dd className={className}>{value}</dd></div>
  );
  return (
    <div className="narrow verify-page">
      <h1 tabIndex={-1}>{t('verifyTitle')}</h1>
      <p className="lead">{t('verifyIntro')}</p>
      {!copy && !error && <p role="status">{t('verifyLoading')}</p>}
      <Notice tone="error">{error ? errorMessage(error, tApp) : null}</Notice>
      {copy && (
        <>
          <dl className="verify-facts">
            {row(t('verifyId'), copy.id)}
            {row(t('verifyResult'), copy.title)}
            {row(t('verifyDossier'), copy.dossierCode)}
            {row(t('verifyAgency'), copy.agencyName)}
            {row(t('verifyBy'), copy.certifiedByName)}
            {row(t('verifyAt'), formatVnDateTime(copy.certifiedAt))}
            {row(t('verifyStored'), copy.storedCopyIntact ? t('verifyStoredIntact') : t('verifyStoredBroken'), copy.storedCopyIntact ? 'verify-result--ok' : 'verify-result--bad')}
            {row(t('verifySignature'), signatureText(t, copy.signature))}
            {row(t('verifyOriginalHash'), copy.originalSha256, 'hash')}
            {row(t('verifyCopyHash'), copy.copySha256, 'hash')}
          </dl>
          <FileCheck t={t} id={copy.id} />
        </>
      )}
    </div>
  );
}
