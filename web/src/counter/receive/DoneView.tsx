// After intake: the dossier's code, its due time, the receipt slip to print, and a fresh form.
import { useId } from 'react';
import { slipUrl } from '../../processing/api';
import { dossierPath } from '../../processing/DossierPage';
import { useProcessingT } from '../../processing/i18n';
import { useIntakeFactsT } from '../../processing/intake-facts-i18n';
import { formatAt } from '../../processing/labels';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Link } from '../../ui/router';
import type { IntakeResult } from '../api';
import { useCounterT } from '../i18n';

export function DoneView({ result, onStartOver }: { readonly result: IntakeResult; readonly onStartOver: () => void }) {
  const t = useCounterT();
  const tp = useProcessingT();
  const tf = useIntakeFactsT();
  const id = useId();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1} data-focus="done">{t('doneTitle')}</h2>
      <Notice tone="success">
        <p className="done-code">{t('doneCode', { code: result.code })}</p>
        <p>{t('doneDue', { at: formatAt(tp, result.dueAt) })}</p>
        {result.ledger && <p>{tf('ledger')}: {tf('ledgerEntry', { book: result.ledger.book, serial: result.ledger.serial })}</p>}
      </Notice>
      <ul className="plain-list">
        <li><a href={slipUrl(result.code, 'receipt')} target="_blank" rel="noopener" data-slip="receipt">{t('printReceipt')} {tp('slipPdf')}</a></li>
        <li><Link to={dossierPath(result.code)}>{t('openDossier')}</Link></li>
      </ul>
      <div className="form__actions">
        <Button kind="primary" onClick={onStartOver}>{t('newDossier')}</Button>
      </div>
    </section>
  );
}
