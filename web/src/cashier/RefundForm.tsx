// Hoàn tiền one receipt: how much (all that is left by default) and why; the server refunds it the
// way it was paid and refuses more than is left.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { shownError } from '../ui/errors';
import { Field } from '../ui/Field';
import { money, parseMoney, refund, type Receipt } from './api';
import { useCashierT } from './i18n';

export function RefundForm({ receipt, onCancel, onDone }: { readonly receipt: Receipt; readonly onCancel: () => void; readonly onDone: (text: string) => void }) {
  const t = useCashierT();
  const { t: tApp } = useTranslation();
  const left = receipt.amountVnd - receipt.refundedVnd;
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: unknown; invalid: boolean }>({ busy: false, error: null, invalid: false });
  const submit = async () => {
    const value = amount.trim() === '' ? undefined : parseMoney(amount);
    if (value === null) return setState({ busy: false, error: null, invalid: true });
    setState({ busy: true, error: null, invalid: false });
    try {
      const r = await refund(receipt.id, reason.trim(), value);
      onDone(t('refundDone', { amount: money(r.amountVnd), number: r.receiptNumber, method: t(r.method as 'cash') }));
    } catch (error) { setState({ busy: false, error, invalid: false }); }
  };
  return (
    <form className="cashier-refund" aria-labelledby="cashier-refund-title" onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
      <h2 id="cashier-refund-title">{t('refundOf', { number: receipt.number })}</h2>
      <Field label={t('refundAmount')} hint={t('refundAmountHint', { amount: money(left) })} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} error={state.invalid ? t('invalidMoney') : null} />
      <Field label={t('refundReason')} hint={t('refundReasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} required />
      <ErrorNotice error={state.error ? shownError(state.error, tApp) : null} />
      <p className="cashier-actions">
        <Button kind="primary" type="submit" disabled={state.busy}>{state.busy ? t('refunding') : t('refundConfirm')}</Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </p>
    </form>
  );
}
