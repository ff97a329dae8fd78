// The page the payment gateway sends the payer back to (/thanh-toan/ket-qua?order=…). The query
// string only names the order: what happened is read from the server, which alone learnt it from
// the gateway's signed notification. Paid: the receipt's number and PDF; cancelled or failed: no
// money taken and how to go on; still pending: it looks again by itself.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { paths } from '../../routes';
import { buttonClass, Button } from '../../ui/Button';
import { formatVnDateTime } from '../../ui/dates';
import { errorMessage } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { Link } from '../../ui/router';
import { PortalLayout } from '../frame/PortalLayout';
import { fetchOutcome, receiptPdfUrl, type Outcome } from './api';
import { usePaymentT, type PaymentT } from './i18n';
import './payment.css';

const orderInUrl = (): string | null => {
  const v = new URLSearchParams(window.location.search).get('order');
  return v && /^MC[0-9A-F]{14}$/.test(v) ? v : null;
};
/** Looks again while the gateway's notification has not come: every 2 s, ten times. */
const POLLS = 10;

export function PayResultPage() {
  const t = usePaymentT();
  const { t: tApp } = useTranslation();
  const order = orderInUrl();
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ status: 'done'; value: Outcome } | { status: 'failed'; error: unknown } | null>(null);
  // the order's state from the server; while it is pending, again every 2 s (ten times at most)
  useEffect(() => {
    if (order === null) return undefined;
    const controller = new AbortController();
    let timer = 0;
    fetchOutcome(order, controller.signal).then((value) => {
      setLoaded({ status: 'done', value });
      if (value.status === 'pending' && attempt < POLLS) timer = window.setTimeout(() => setAttempt((n) => n + 1), 2000);
    }, (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); });
    return () => { controller.abort(); window.clearTimeout(timer); };
  }, [order, attempt]);
  const missing = order === null || (loaded?.status === 'failed' && loaded.error instanceof ApiError && loaded.error.status === 404);
  return (
    <PortalLayout>
      <div className="portal-page pay-page">
        {loaded?.status === 'done' ? <OutcomeView outcome={loaded.value} onCheck={() => setAttempt((n) => n + 1)} />
          : <PageHeading title={t('resultTitle')} lead="" />}
        {missing ? <Notice tone="error">{t('noOrder')}</Notice>
          : loaded?.status === 'failed' ? <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>
            : loaded?.status !== 'done' && <p className="loading" role="status">{t('loading')}</p>}
      </div>
    </PortalLayout>
  );
}

const heading = (t: PaymentT, o: Outcome): { title: string; lead: string; tone: 'success' | 'info' | 'error' } => {
  const amount = o.amountVnd.toLocaleString('vi-VN');
  switch (o.status) {
    case 'paid': return { title: t('paid'), lead: t('paidLead', { amount, at: o.paidAt ? formatVnDateTime(o.paidAt) : '' }), tone: 'success' };
    case 'pending': return { title: t('pending'), lead: t('pendingLead'), tone: 'info' };
    case 'cancelled': return { title: t('cancelled'), lead: t('cancelledLead'), tone: 'info' };
    case 'failed': return { title: t('failed'), lead: t('failedLead'), tone: 'error' };
    case 'duplicate': return { title: t('duplicate'), lead: t('duplicateLead'), tone: 'info' };
    case 'refunded': return { title: t('refunded'), lead: t('refundedLead'), tone: 'info' };
  }
};

/** Where the payer goes on: the draft's submission, or the dossier (its payment page to try again). */
const nextPath = (o: Outcome, retry: boolean): string | null =>
  o.draftId !== null && o.procedureCode ? `${paths.onlineSubmit}/${encodeURIComponent(o.procedureCode)}?ban-nhap=${o.draftId}`
    : o.dossierCode ? `${retry ? paths.payDossier : paths.processingDossier}/${encodeURIComponent(o.dossierCode)}` : null;

function OutcomeView({ outcome: o, onCheck }: { readonly outcome: Outcome; readonly onCheck: () => void }) {
  const t = usePaymentT();
  const h = heading(t, o);
  const retry = o.status === 'cancelled' || o.status === 'failed';
  const next = nextPath(o, retry);
  return (
    <>
      <PageHeading title={h.title} lead="" />
      <div className={`pay-outcome pay-outcome--${h.tone}`}>
        <p className="pay-outcome__lead">{h.lead}</p>
        {o.receiptNumber && <p className="pay-outcome__receipt"><strong>{t('receipt', { number: o.receiptNumber })}</strong></p>}
        <p className="field__hint">{t('order', { order: o.orderId })}{o.dossierCode && <><br />{t('dossier', { code: o.dossierCode })}</>}</p>
      </div>
      <div className="pay-next">
        {next && <Link to={next} className={buttonClass(retry ? 'secondary' : 'primary')}>{retry ? t('tryAgain') : o.draftId !== null ? t('continueDraft') : t('openDossier')}</Link>}
        {o.receiptId !== null && <a href={receiptPdfUrl(o.receiptId)} className={buttonClass('secondary')} download>{t('receiptPdf')}</a>}
        {o.status === 'pending' && <Button onClick={onCheck}>{t('checkAgain')}</Button>}
        <Link to={paths.myDossiers}>{t('myDossiers')}</Link>
      </div>
      {o.receiptId !== null && <p className="field__hint">{t('receiptSignIn')}</p>}
    </>
  );
}
