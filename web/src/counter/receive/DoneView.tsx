// After intake: the dossier's code, its due time, the agency that decides it, the receipt slip to
// print, and a fresh form.
import { useEffect, useId, useState } from 'react';
import { fetchDossier, slipUrl } from '../../processing/api';
import { dossierPath } from '../../processing/DossierPage';
import { useProcessingT } from '../../processing/i18n';
import { useIntakeFactsT } from '../../processing/intake-facts-i18n';
import { formatAt } from '../../processing/labels';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Link } from '../../ui/router';
import type { IntakeResult } from '../api';
import { useCounterT } from '../i18n';

/** The competent agency's name (the intake answers its identifier only); null until loaded. */
function useCompetentAgencyName(code: string): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchDossier(code, controller.signal).then((d) => setName(d.competentAgency.name), () => undefined); // a nicety: the dossier page names it too
    return () => controller.abort();
  }, [code]);
  return name;
}

export function DoneView({ result, onStartOver }: { readonly result: IntakeResult; readonly onStartOver: () => void }) {
  const t = useCounterT();
  const tp = useProcessingT();
  const tf = useIntakeFactsT();
  const id = useId();
  const agency = useCompetentAgencyName(result.code);
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1} data-focus="done">{t('doneTitle')}</h2>
      <Notice tone="success">
        <p className="done-code">{t('doneCode', { code: result.code })}</p>
        <p>{t('doneDue', { at: formatAt(tp, result.dueAt) })}</p>
        {result.ledger && <p>{tf('ledger')}: {tf('ledgerEntry', { book: result.ledger.book, serial: result.ledger.serial })}</p>}
        {agency && <p>{t('doneAgency', { agency })}</p>}
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
