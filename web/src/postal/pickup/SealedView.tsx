// The parcel sealed: the receipt number, the amount, the tracking number and the consignment note
// to print or show; the next stop is on the day's page.
import { useEffect, useState } from 'react';
import { buttonClass } from '../../ui/Button';
import { formatVnDateTime } from '../../ui/dates';
import { Link } from '../../ui/router';
import { paths } from '../../routes';
import { fetchCharges, notePdfUrl, type Charges, type Shipment } from '../api';
import { usePostalT } from '../i18n';
import { formatVnd } from '../money';

export function SealedView({ shipment }: { readonly shipment: Shipment }) {
  const t = usePostalT();
  const [receipt, setReceipt] = useState<Charges['receipt']>(null);
  useEffect(() => {
    const c = new AbortController();
    fetchCharges(shipment.id, 500, c.signal).then((charges) => setReceipt(charges.receipt), () => setReceipt(null));
    return () => c.abort();
  }, [shipment.id]);
  const leg = shipment.legs.find((l) => l.kind === 'pickup');
  return (
    <section className="section courier-done" aria-labelledby="sealed-h">
      <h2 id="sealed-h" tabIndex={-1}>{t('sealedTitle')}</h2>
      <dl className="charges">
        <div><dt>{t('trackingNumber')}</dt><dd><strong>{leg?.trackingNumber}</strong></dd></div>
        <div><dt>{t('sealedAt')}</dt><dd>{shipment.sealedAt ? formatVnDateTime(shipment.sealedAt) : '—'}</dd></div>
        <div><dt>{t('receiptNumber')}</dt><dd data-testid="receipt-number"><strong>{receipt ? receipt.number : shipment.receiptId ? '…' : t('noReceipt')}</strong></dd></div>
        <div><dt>{t('collected')}</dt><dd>{formatVnd(shipment.feeVnd + shipment.postageVnd)}</dd></div>
      </dl>
      <div className="task-card__actions">
        {leg && <a className={buttonClass('secondary')} href={notePdfUrl(leg.trackingNumber)} target="_blank" rel="noreferrer">{t('notePdf')}</a>}
        <Link to={paths.courierDay} className={buttonClass('primary')}>{t('backToDay')}</Link>
      </div>
    </section>
  );
}
