// The payment step of an end-to-end online procedure with a fee: a payment order for the draft
// (src/payments, POST /api/v1/payments/orders) and the redirect to the gateway — the local gateway
// simulator in tests and the demo — which returns here with the draft's address.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { useOnlineT } from '../../online/i18n';

export function PaymentStep({ draftId, returnUrl }: { readonly draftId: number; readonly returnUrl: string }) {
  const t = useOnlineT();
  const { t: tApp } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const pay = async () => {
    setState({ busy: true, error: null });
    try {
      const order = await api.post<{ orderId: string; redirectUrl: string }>('/api/v1/payments/orders', { subject: { kind: 'draft', id: String(draftId) }, returnUrl });
      window.location.assign(order.redirectUrl);
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  return (
    <div className="online-pay">
      <Button kind="primary" disabled={state.busy} onClick={() => void pay()}>{state.busy ? t('paymentPaying') : t('paymentPay')}</Button>
      <Notice tone="error">{state.error ? errorMessage(state.error, tApp) : null}</Notice>
    </div>
  );
}
