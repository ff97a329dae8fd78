// The counter's bundles whose results go back all together (issue 17 §4), once every member with a
// result has it: each shown once — parent code, applicant, its members' results — with the one
// action that returns them all; a bundle chosen by post whose parcel came back undelivered is
// returned here too, said so. `onHeld` gives the ready members the one-by-one list leaves out.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { Link } from '../../ui/router';
import { useBundleT } from '../bundle-i18n';
import { useProcessingT } from '../i18n';
import { formatAt, StatusBadge } from '../labels';
import { paths } from '../../routes';
import { fetchBundlesToReturn, type BundleToReturn } from './api';
import { ReturnForm } from './ReturnForm';

type Loaded = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: unknown } | { readonly status: 'ready'; readonly items: readonly BundleToReturn[] };

interface Props {
  /** bump to load again (after a return) */
  readonly reload: number;
  readonly onHeld: (codes: readonly string[]) => void;
  readonly onReturned: (r: { code: string; count: number }) => void;
}

export function BundleReadyList({ reload, onHeld, onReturned }: Props) {
  const b = useBundleT();
  const t = useProcessingT();
  const { t: tApp } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchBundlesToReturn(controller.signal).then(
      (r) => { setLoaded({ status: 'ready', items: r.items }); onHeld(r.heldCodes); },
      (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); },
    );
    return () => controller.abort();
  }, [reload, onHeld]);
  if (loaded.status === 'loading') return <p role="status">{b('toReturnLoading')}</p>;
  if (loaded.status === 'failed') return <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>;
  if (loaded.items.length === 0) return <p role="status">{b('toReturnEmpty')}</p>;
  return (
    <>
      {loaded.items.map((item) => (
        <article key={item.code} className="card bundle-return" aria-labelledby={`bundle-${item.code}`}>
          <h3 id={`bundle-${item.code}`}><Link to={`${paths.processingBundle}/${item.code}`}>{item.code}</Link></h3>
          <p>{item.applicantName} · {item.definitionName} · {b('receivedAt')} {formatAt(t, item.receivedAt)}</p>
          {item.backFromPost && <Notice tone="info">{b('backFromPost', { address: item.returnChoice.address ?? '' })}</Notice>}
          <ul className="bundle-return__members">
            {item.members.map((m) => (
              <li key={m.key}>{m.name} — {m.dossier.code} <StatusBadge t={t} status={m.dossier.status} />
                {m.dossier.resultNumber ? ` · ${b('resultNumber', { value: m.dossier.resultNumber })}` : ''}</li>
            ))}
          </ul>
          <ReturnForm code={item.code} applicantName={item.applicantName} count={item.returnable.now.length} onReturned={onReturned} />
        </article>
      ))}
    </>
  );
}
