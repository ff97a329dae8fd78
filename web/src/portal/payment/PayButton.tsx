// "Thanh toán trực tuyến": a payment order for a dossier or a draft (src/payments) and the
// redirect to the gateway — the local simulator in tests and the demo — which sends the payer
// back to the result page (/thanh-toan/ket-qua), where the server says what happened.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { createOrder, type PaySubject } from './api';
import { usePaymentT } from './i18n';

export function PayButton({ subject }: { readonly subject: PaySubject }) {
  const t = usePaymentT();
  const { t: tApp } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const pay = async () => {
    setState({ busy: true, error: null });
    try {
      window.location.assign((await createOrder(subject)).redirectUrl);
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  return (
    <div className="pay-action">
      <Button kind="primary" disabled={state.busy} onClick={() => void pay()}>{state.busy ? t('paying') : t('pay')}</Button>
      <p className="field__hint">{t('payHint')}</p>
      <Notice tone="error">{state.error ? errorMessage(state.error, tApp) : null}</Notice>
    </div>
  );
}
