// "Trả kết quả": the bundles returned all together once their results are ready (each once, one
// action for all its members), the dossiers whose result is ready at this service point, listed (or
// one found by search), and the return recorded with the channel and the recipient's signature.
import { useCallback, useEffect, useState } from 'react';
import { BundleReadyList } from '../processing/bundle-return/BundleReadyList';
import { useBundleT } from '../processing/bundle-i18n';
import type { DossierDetail } from '../processing/api';
import { fetchDossier } from '../processing/api';
import { ActionDialog } from '../processing/ActionDialog';
import { DossierSearch } from '../processing/DossierSearch';
import { dossierPath } from '../processing/DossierPage';
import '../processing/processing.css';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/page';
import { Link } from '../ui/router';
import { useCounterT } from './i18n';
import './counter.css';
import { Button } from '../ui/Button';
import { ReadyList } from './ReadyList';

/** `?ho-so=<code>` (routes.ts `counterReturnOf`): the dossier to return, when the counter calls a booked result pickup. */
const codeInAddress = () => new URLSearchParams(window.location.search).get('ho-so')?.trim().slice(0, 60) ?? '';

export function ReturnPage() {
  const t = useCounterT();
  useDocumentTitle(t('returnTitle'));
  const [dossier, setDossier] = useState<DossierDetail | null>(null);
  const [done, setDone] = useState<{ code: string } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [searchKey, setSearchKey] = useState(0);
  const [held, setHeld] = useState<readonly string[]>([]);
  const [bundleDone, setBundleDone] = useState<{ code: string; count: number } | null>(null);
  const b = useBundleT();
  const onHeld = useCallback((codes: readonly string[]) => setHeld(codes), []);

  const open = async (item: { readonly code: string }) => {
    setDone(null);
    setFailed(null);
    try {
      setDossier(await fetchDossier(item.code));
    } catch {
      setFailed(item.code);
    }
  };

  // a called pickup ticket opens its dossier's return at once
  useEffect(() => {
    const code = codeInAddress();
    if (code) void open({ code });
  }, []);

  const chooseButton = (item: { readonly code: string; readonly applicantName: string }) => (
    <Button kind="primary" onClick={() => void open(item)} aria-label={t('returnFor', { code: item.code, name: item.applicantName })}>
      {t('returnChoose')}
    </Button>
  );

  return (
    <div>
      <h1 tabIndex={-1}>{t('returnTitle')}</h1>
      <p className="lead">{t('returnIntro')}</p>
      <Notice tone="success">{done && <p>{t('returnDone', { code: done.code })} <Link to={dossierPath(done.code)}>{done.code}</Link></p>}</Notice>
      <Notice tone="success">{bundleDone && <p>{b('returned', bundleDone)}</p>}</Notice>
      <Notice tone="error">{failed}</Notice>
      <section className="section" aria-labelledby="bundles-ready-title">
        <h2 id="bundles-ready-title">{b('toReturnTitle')}</h2>
        <BundleReadyList reload={searchKey} onHeld={onHeld} onReturned={(r) => { setBundleDone(r); setSearchKey((k) => k + 1); }} />
      </section>
      <section className="section" aria-labelledby="ready-title">
        <h2 id="ready-title">{t('readyTitle')}</h2>
        <ReadyList reload={searchKey} renderAction={chooseButton} hiddenCodes={held} />
      </section>
      <section className="section" aria-labelledby="return-search-title">
        <h2 id="return-search-title">{t('searchTitle')}</h2>
        <DossierSearch key={searchKey} status="resultReady" action={{ header: t('returnAction'), render: chooseButton }} />
      </section>
      {dossier && (
        <ActionDialog dossier={dossier} action="return"
          onClose={() => setDossier(null)}
          onDone={(r) => { setDossier(null); setDone({ code: r.code }); setSearchKey((k) => k + 1); }} />
      )}
    </div>
  );
}
