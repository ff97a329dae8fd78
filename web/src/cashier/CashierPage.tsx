// Thu phí, lệ phí (/quay/thu-phi): the clerk's shift (opening cash, the drawer's figures, closing
// by counting) beside the payment of a dossier with its receipt. Issue 15 §4.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { currentShift, type Shift } from './api';
import { useCashierT } from './i18n';
import { PayPanel } from './PayPanel';
import { ShiftPanel } from './ShiftPanel';
import './cashier.css';

export function CashierPage() {
  const t = useCashierT();
  const { t: tApp } = useTranslation();
  const [shift, setShift] = useState<{ status: 'loading' } | { status: 'ready'; shift: Shift | null } | { status: 'failed'; error: unknown }>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    currentShift(controller.signal).then((r) => setShift({ status: 'ready', shift: r.shift }), (error: unknown) => { if (!controller.signal.aborted) setShift({ status: 'failed', error }); });
    return () => controller.abort();
  }, [version]);
  return (
    <div className="cashier">
      <PageHeading title={t('title')} lead={t('lead')} />
      <Notice tone="error">{shift.status === 'failed' ? errorMessage(shift.error, tApp) : null}</Notice>
      <div className="cashier-columns">
        {shift.status === 'ready' && <ShiftPanel key={`${version}`} shift={shift.shift} onChange={(s) => setShift({ status: 'ready', shift: s })} />}
        <PayPanel onPaid={() => setVersion((v) => v + 1)} />
      </div>
    </div>
  );
}
