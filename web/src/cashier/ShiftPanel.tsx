// The clerk's cash drawer for one shift: opened with the cash in the drawer, then what came in and
// went out in cash, and closed by counting it — a difference needs its reason (the server checks).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { formatVnDateTime } from '../ui/dates';
import { ErrorNotice } from '../ui/ErrorNotice';
import { shownError } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { closeShift, money, openShift, parseMoney, type Shift } from './api';
import { useCashierT } from './i18n';

export function ShiftPanel({ shift, onChange }: { readonly shift: Shift | null; readonly onChange: (s: Shift | null) => void }) {
  const t = useCashierT();
  return (
    <section className="cashier-panel" aria-labelledby="cashier-shift">
      <h2 id="cashier-shift">{t('shiftTitle')}</h2>
      {shift ? <OpenShift shift={shift} onClosed={() => onChange(null)} /> : <OpenForm onOpened={onChange} />}
    </section>
  );
}

function OpenForm({ onOpened }: { readonly onOpened: (s: Shift) => void }) {
  const t = useCashierT();
  const { t: tApp } = useTranslation();
  const [text, setText] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: unknown; invalid: boolean }>({ busy: false, error: null, invalid: false });
  const submit = async () => {
    const amount = parseMoney(text);
    if (amount === null) return setState({ busy: false, error: null, invalid: true });
    setState({ busy: true, error: null, invalid: false });
    try { onOpened(await openShift(amount)); } catch (error) { setState({ busy: false, error, invalid: false }); }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
      <p>{t('noShift')}</p>
      <Field label={t('openingCash')} hint={t('openingHint')} inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} error={state.invalid ? t('invalidMoney') : null} />
      <ErrorNotice error={state.error ? shownError(state.error, tApp) : null} />
      <Button kind="primary" type="submit" disabled={state.busy}>{state.busy ? t('opening') : t('openShift')}</Button>
    </form>
  );
}

function OpenShift({ shift, onClosed }: { readonly shift: Shift; readonly onClosed: () => void }) {
  const t = useCashierT();
  const { t: tApp } = useTranslation();
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: unknown; invalid: boolean; closed: Shift | null }>({ busy: false, error: null, invalid: false, closed: null });
  const amount = parseMoney(counted);
  const difference = amount === null ? null : amount - shift.expectedCashVnd;
  const submit = async () => {
    if (amount === null) return setState({ ...state, invalid: true });
    setState({ ...state, busy: true, error: null, invalid: false });
    try {
      const closed = await closeShift(amount, note);
      setState({ busy: false, error: null, invalid: false, closed });
    } catch (error) { setState({ ...state, busy: false, error }); }
  };
  if (state.closed) {
    const c = state.closed;
    return (
      <>
        <Notice tone="success">{t('closed', { expected: money(c.expectedCashVnd), counted: money(c.countedCashVnd ?? 0), difference: money(c.differenceVnd ?? 0) })}</Notice>
        <Button onClick={onClosed}>{t('openShift')}</Button>
      </>
    );
  }
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
      <p>{t('shiftOpenedAt', { at: formatVnDateTime(shift.openedAt) })}</p>
      <dl className="cashier-figures">
        <dt>{t('shiftOpening')}</dt><dd>{t('vnd', { amount: money(shift.openingCashVnd) })}</dd>
        <dt>{t('shiftCashIn')}</dt><dd>{t('vnd', { amount: money(shift.cashInVnd) })}</dd>
        <dt>{t('shiftCashOut')}</dt><dd>{t('vnd', { amount: money(shift.cashOutVnd) })}</dd>
        <dt>{t('shiftExpected')}</dt><dd><strong>{t('vnd', { amount: money(shift.expectedCashVnd) })}</strong></dd>
      </dl>
      <Field label={t('countedCash')} inputMode="numeric" value={counted} onChange={(e) => setCounted(e.target.value)} error={state.invalid ? t('invalidMoney') : null} />
      {difference !== null && difference !== 0 && <p className="cashier-difference" role="status">{t('difference', { amount: money(difference) })}</p>}
      <Field label={t('differenceNote')} hint={t('differenceHint')} value={note} onChange={(e) => setNote(e.target.value)} />
      <ErrorNotice error={state.error ? shownError(state.error, tApp) : null} />
      <Button kind="primary" type="submit" disabled={state.busy}>{state.busy ? t('closing') : t('closeShift')}</Button>
    </form>
  );
}
