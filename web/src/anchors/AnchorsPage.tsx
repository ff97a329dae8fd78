// Public anchors at /cong-khai/neo (no sign-in): the public key and, newest first, each anchored
// day with its digest, the previous day's, and the signature, so that anyone can keep a copy and
// later check that the dossier log was not rewritten. The digests are long: one block per day
// (a table would not fit 360 px).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCivilDate } from '../ui/dates';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { anchorsJsonPath, fetchAnchors, type Anchor, type Anchors } from './api';
import { useAnchorsT } from './i18n';
import './anchors.css';

type Loaded = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: unknown } | { readonly status: 'ready'; readonly anchors: Anchors };

function AnchorDay({ anchor }: { readonly anchor: Anchor }) {
  const t = useAnchorsT();
  const headingId = useId();
  const rows: readonly [string, string][] = [
    [t('heads'), String(anchor.heads)],
    [t('digest'), anchor.digest],
    [t('prevDigest'), anchor.prevDigest],
    [t('signature'), anchor.signature],
    [t('anchorKeyId'), anchor.keyId],
  ];
  return (
    <section className="anchor-day" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('day', { day: formatCivilDate(anchor.day) })}</h3>
      <dl>
        {rows.map(([term, value], i) => (
          <div key={term}><dt>{term}</dt><dd>{i === 0 ? value : <code>{value}</code>}</dd></div>
        ))}
      </dl>
    </section>
  );
}

export function AnchorsPage() {
  const t = useAnchorsT();
  const { t: tApp } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchAnchors(controller.signal).then(
      (anchors) => setLoaded({ status: 'ready', anchors }),
      (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); },
    );
    return () => controller.abort();
  }, []);

  return (
    <div className="anchors">
      <PageHeading title={t('title')} lead={t('intro')} />
      {loaded.status === 'loading' && <p role="status">{t('loading')}</p>}
      {loaded.status === 'failed' && <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>}
      {loaded.status === 'ready' && (
        <>
          <h2>{t('keyTitle')}</h2>
          {loaded.anchors.publicKey === null ? <p>{t('keyNone')}</p> : (
            <dl>
              <div><dt>{t('keyId')}</dt><dd><code>{loaded.anchors.keyId}</code></dd></div>
              <div><dt>{t('keyText')}</dt><dd><code>{loaded.anchors.publicKey}</code></dd></div>
            </dl>
          )}
          <h2>{t('daysTitle', { count: loaded.anchors.anchors.length })}</h2>
          <p>{t('machineReadable')} <a href={anchorsJsonPath}>{anchorsJsonPath}</a></p>
          {loaded.anchors.anchors.length === 0
            ? <p>{t('daysNone')}</p>
            : [...loaded.anchors.anchors].reverse().map((a) => <AnchorDay key={a.day} anchor={a} />)}
        </>
      )}
    </div>
  );
}
