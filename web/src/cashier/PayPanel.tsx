// A payment for a dossier at the counter: the code, what is due item by item (the server's
// answer), cash or card, then the numbered receipt to print. Cash needs the open shift.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { shownError } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { dossierDue, money, receiptPdfUrl, takePayment, type DossierDue } from './api';
import { useCashierT } from './i18n';

type Method = 'cash' | 'card';

export function PayPanel({ onPaid }: { readonly onPaid: () => void }) {
  const t = useCashierT();
  const { t: tApp } = useTranslation();
  const [code, setCode] = useState('');
  const [due, setDue] = useState<{ code: string; state: DossierDue } | null>(null);
  const [method, setMethod] = useState<Method>('cash');
  const [state, setState] = useState<{ busy: boolean; error: unknown; paid: { id: number; number: string; amountVnd: number } | null }>({ busy: false, error: null, paid: null });
  const find = async () => {
    setState({ busy: true, error: null, paid: null });
    setDue(null);
    try {
      setDue({ code: code.trim(), state: await dossierDue(code.trim()) });
      setState({ busy: false, error: null, paid: null });
    } catch (error) { setState({ busy: false, error, paid: null }); }
  };
  const collect = async () => {
    if (!due) return;
    setState({ busy: true, error: null, paid: null });
    try {
      const paid = await takePayment(due.code, method);
      setState({ busy: false, error: null, paid });
      setDue(null);
      onPaid();
    } catch (error) { setState({ busy: false, error, paid: null }); }
  };
  const payable = due && !(due.state.paid && due.state.paidVnd > 0) && due.state.items.length > 0;
  return (
    <section className="cashier-panel" aria-labelledby="cashier-pay">
      <h2 id="cashier-pay">{t('payTitle')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void (payable ? collect() : find()); }} noValidate>
        <Field label={t('dossierCode')} hint={t('dossierHint')} value={code} autoComplete="off" onChange={(e) => { setCode(e.target.value); setDue(null); }} />
        {due && (due.state.paid && due.state.paidVnd > 0 ? <Notice tone="info">{t('alreadyPaid', { numbers: due.state.receiptNumbers.join(', ') })}</Notice>
          : due.state.items.length === 0 ? <Notice tone="info">{t('nothingDue')}</Notice> : <DueItems state={due.state} />)}
        {payable && (
          <fieldset className="cashier-methods">
            <legend>{t('method')}</legend>
            {(['cash', 'card'] as const).map((m) => (
              <label key={m}><input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} /> {t(m)}</label>
            ))}
          </fieldset>
        )}
        <ErrorNotice error={state.error ? shownError(state.error, tApp) : null} />
        {payable ? <Button kind="primary" type="submit" disabled={state.busy}>{state.busy ? t('collecting') : t('collect')}</Button>
          : <Button kind="primary" type="submit" disabled={state.busy || code.trim() === ''}>{state.busy ? t('finding') : t('find')}</Button>}
      </form>
      {state.paid && (
        <div className="cashier-paid">
          <Notice tone="success">{t('collected', { amount: money(state.paid.amountVnd), number: state.paid.number })}</Notice>
          <a className="button button--secondary" href={receiptPdfUrl(state.paid.id)} target="_blank" rel="noopener">{t('printReceipt')}</a>
        </div>
      )}
    </section>
  );
}

function DueItems({ state }: { readonly state: DossierDue }) {
  const t = useCashierT();
  return (
    <div className="cashier-due">
      <p className="cashier-due__title">{t('dueItems')}</p>
      <ul>{state.items.map((i) => <li key={i.label}><span>{i.label}</span> <span>{t('vnd', { amount: money(i.amountVnd) })}</span></li>)}</ul>
      <p className="cashier-due__total"><span>{t('dueTotal')}</span> <strong>{t('vnd', { amount: money(state.items.reduce((s, i) => s + i.amountVnd, 0)) })}</strong></p>
    </div>
  );
}
