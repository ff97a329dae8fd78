// Nộp phí, lệ phí (the citizen's "my dossiers" → a dossier awaiting payment): the fee items and
// their total, what is already paid, and "Thanh toán trực tuyến" to the gateway. The server
// answers what is due and paid; a dossier already paid shows its receipts instead of the button.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../routes';
import { errorMessage } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { Link } from '../../ui/router';
import { fetchPayState, type PayState } from './api';
import { usePaymentT } from './i18n';
import { PayButton } from './PayButton';
import './payment.css';

export function PayDossierPage({ code }: { readonly code: string }) {
  const t = usePaymentT();
  const { t: tApp } = useTranslation();
  const [loaded, setLoaded] = useState<{ status: 'done'; value: PayState } | { status: 'failed'; error: unknown } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchPayState({ kind: 'dossier', id: code }, controller.signal)
      .then((value) => setLoaded({ status: 'done', value }), (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); });
    return () => controller.abort();
  }, [code]);
  return (
    <div className="pay-page">
      <PageHeading title={t('dossierTitle', { code })} lead={t('dossierLead')} />
      {loaded?.status === 'done' ? <Due code={code} state={loaded.value} />
        : loaded?.status === 'failed' ? <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>
          : <p className="loading" role="status">{t('loading')}</p>}
      <p><Link to={`${paths.processingDossier}/${encodeURIComponent(code)}`}>{t('openDossier')}</Link> · <Link to={paths.myDossiers}>{t('myDossiers')}</Link></p>
    </div>
  );
}

function Due({ code, state }: { readonly code: string; readonly state: PayState }) {
  const t = usePaymentT();
  const vnd = (n: number) => t('amount', { amount: n.toLocaleString('vi-VN') });
  if (state.paid && state.paidVnd > 0) return <Notice tone="success">{t('alreadyPaid', { numbers: state.receiptNumbers.join(', ') })}</Notice>;
  if (state.items.length === 0) return <Notice tone="info">{t('nothingDue')}</Notice>;
  return (
    <section aria-labelledby="pay-items" className="pay-due">
      <h2 id="pay-items">{t('items')}</h2>
      <ul className="pay-items">
        {state.items.map((i) => <li key={i.label}><span>{i.label}</span><span className="pay-items__amount">{vnd(i.amountVnd)}</span></li>)}
      </ul>
      <p className="pay-total"><span>{t('total')}</span> <strong>{vnd(state.items.reduce((s, i) => s + i.amountVnd, 0))}</strong></p>
      <PayButton subject={{ kind: 'dossier', id: code }} />
    </section>
  );
}
