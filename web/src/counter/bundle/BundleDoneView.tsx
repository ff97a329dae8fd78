// After a bundle's intake: the parent's code, and each member's code, deciding agency and due time
// (dd/mm/yyyy HH:mm, Vietnam time; a member waiting for another's result says so), with its receipt
// slip (form 01) once its clock runs, and the bundle's page.
import { useId } from 'react';
import { slipUrl } from '../../processing/api';
import { dossierPath } from '../../processing/DossierPage';
import { useProcessingT } from '../../processing/i18n';
import { formatAt } from '../../processing/labels';
import { paths } from '../../routes';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { LoadedView } from '../../ui/Loaded';
import { Notice } from '../../ui/Notice';
import { Link } from '../../ui/router';
import { useLoad } from '../../ui/useLoad';
import { fetchBundle, type BundleReceived, type BundleView } from './bundle-api';
import { useCounterBundleT } from './bundle-i18n';

type Member = BundleView['members'][number];

export const bundlePath = (code: string) => `${paths.processingBundle}/${encodeURIComponent(code)}`;

export function BundleDoneView({ result, onStartOver }: { readonly result: BundleReceived; readonly onStartOver: () => void }) {
  const tb = useCounterBundleT();
  const tp = useProcessingT();
  const id = useId();
  const { loaded } = useLoad((signal) => fetchBundle(result.code, signal), result.code);
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1} data-focus="done">{tb('doneTitle')}</h2>
      <Notice tone="success">
        <p className="done-code">{tb('doneCode', { code: result.code })}</p>
        {result.statutoryDueAt && <p>{tb('statutoryDue', { at: formatAt(tp, result.statutoryDueAt) })}</p>}
      </Notice>
      <p>{tb('doneLead')}</p>
      <LoadedView loaded={loaded} loadingText={tb('doneLoading')}>
        {(bundle) => {
          const nameOf = (key: string) => bundle.members.find((m) => m.key === key)?.name ?? key;
          return (
            <DataTable className="bundle-done" rows={bundle.members} rowKey={(m: Member) => m.key} columns={[
              { key: 'member', header: tb('colMember'), rowHeader: true, cell: (m) => m.name },
              { key: 'code', header: tb('colCode'), noWrap: true, cell: (m) => <Link to={dossierPath(m.dossier.code)}>{m.dossier.code}</Link> },
              { key: 'agency', header: tb('colAgency'), cell: (m) => m.dossier.competentAgency.name },
              { key: 'due', header: tb('colDue'), cell: (m) => (m.dossier.dueAt ? formatAt(tp, m.dossier.dueAt) : m.waitsFor ? tb('dueWaiting', { name: nameOf(m.waitsFor) }) : formatAt(tp, null)) },
              { key: 'receipt', header: tb('colReceipt'), cell: (m) => (m.dossier.receivedAt
                ? <a href={slipUrl(m.dossier.code, 'receipt')} target="_blank" rel="noopener" data-slip="receipt" aria-label={tb('printReceiptOf', { code: m.dossier.code })}>{tb('printReceipt')}</a>
                : tb('receiptLater')) },
            ]} />
          );
        }}
      </LoadedView>
      <ul className="plain-list">
        <li><Link to={bundlePath(result.code)}>{tb('openBundle', { code: result.code })}</Link></li>
      </ul>
      <div className="form__actions">
        <Button kind="primary" onClick={onStartOver}>{tb('newBundle')}</Button>
      </div>
    </section>
  );
}
