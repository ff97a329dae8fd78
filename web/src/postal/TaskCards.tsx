// The courier's tasks as large cards, one per stop or task: what to do, when, where, for whom, the
// tracking number, and one big button — open it, or take it.
import { addressLine } from '../../../src/shared/address-line';
import { buttonClass, Button } from '../ui/Button';
import { formatVnDate, vnTimeParts } from '../ui/dates';
import { Link } from '../ui/router';
import type { DayStop } from './api';
import { usePostalT } from './i18n';
import { paths } from '../routes';
import { pickupPath, resultPath, taskPath, transferPath } from './paths';
import type { Task } from './useCourierDay';

const hhmm = (iso: string) => vnTimeParts(iso)?.time ?? '—';

export function StopCard({ stop, n }: { readonly stop: DayStop; readonly n: number }) {
  const t = usePostalT();
  if (stop.kind === 'agency') return <AgencyStopCard stop={stop} n={n} />;
  const to = stop.kind === 'delivery' ? resultPath(stop.shipmentId) : pickupPath(stop.shipmentId);
  const window = stop.windowFrom && stop.windowTo ? `${stop.windowFrom}–${stop.windowTo}` : t('noWindow');
  return (
    <li className={stop.lateMinutes > 0 ? 'task-card task-card--late' : 'task-card'}>
      <p className="task-card__when"><span className="task-card__n" aria-hidden="true">{n}</span>
        <strong>{window}</strong> · {t('arriveAt', { time: stop.arriveAt })}
        {stop.lateMinutes > 0 && <span className="badge badge--late">{t('lateBy', { minutes: stop.lateMinutes })}</span>}</p>
      <h3>{t(`stop_${stop.kind}`)}: {stop.applicantName}</h3>
      <p>{addressLine(stop.address, stop.communeName)}</p>
      <p className="field__hint">{stop.procedureName}</p>
      {stop.note && <p data-testid="stop-note">{stop.note}</p>}
      <p className="task-card__tracking">{t('trackingNumber')}: <strong>{stop.trackingNumber}</strong></p>
      <div className="task-card__actions">
        <Link to={to} className={buttonClass('primary')} aria-label={t('openStop', { n, name: stop.applicantName })}>{t('open')}</Link>
        <a href={`tel:${stop.phone}`} className={buttonClass('secondary')} aria-label={t('callLabel', { name: stop.applicantName })}>{t('call')} {stop.phone}</a>
      </div>
    </li>
  );
}

/** One agency's desk: the sealed parcels to hand over (one record) and the transfers to collect or hand over there. */
function AgencyStopCard({ stop, n }: { readonly stop: DayStop; readonly n: number }) {
  const t = usePostalT();
  const handOver = stop.parcels.some((p) => p.legKind === 'toAgency');
  return (
    <li className="task-card">
      <p className="task-card__when"><span className="task-card__n" aria-hidden="true">{n}</span>
        {t('arriveAt', { time: stop.arriveAt })} · {t('agencyParcels', { count: stop.parcels.length })}</p>
      <h3>{t('stop_agency')}: {stop.applicantName}</h3>
      {stop.address !== stop.applicantName && <p data-testid="agency-address">{stop.address}</p>}
      <ul className="task-card__parcels">
        {stop.parcels.map((p) => (
          <li key={p.trackingNumber}>
            <strong>{t(p.legKind === 'toAgency' ? 'parcel_toAgency_handOver' : p.action === 'collect' ? 'parcel_transfer_collect' : 'parcel_transfer_handOver')}</strong> · {t('trackingNumber')}: <strong>{p.trackingNumber}</strong>
            {p.dossierCodes.length > 0 && <span className="field__hint"> · {p.dossierCodes.join(', ')}</span>}
          </li>
        ))}
      </ul>
      <div className="task-card__actions">
        {handOver && <Link to={paths.courierHandover} className={buttonClass('primary')}>{t('openHandoverRecord')}</Link>}
        {stop.parcels.filter((p) => p.legKind === 'transfer').map((p) => (
          <Link key={p.trackingNumber} to={transferPath(p.shipmentId)} className={buttonClass(handOver ? 'secondary' : 'primary')}>{t('openTransfer', { number: p.trackingNumber })}</Link>
        ))}
        {stop.phone && <a href={`tel:${stop.phone.replace(/\s/g, '')}`} className={buttonClass('secondary')} aria-label={t('callLabel', { name: stop.applicantName })}>{t('call')} {stop.phone}</a>}
      </div>
    </li>
  );
}

export function TaskCard({ task, onTake, busy }: { readonly task: Task; readonly onTake?: (trackingNumber: string) => void; readonly busy?: boolean }) {
  const t = usePostalT();
  const { shipment: s, leg } = task;
  const to = taskPath(leg.kind, s.id);
  const window = s.windowFrom && s.windowTo ? `${formatVnDate(s.windowFrom)} ${hhmm(s.windowFrom)}–${hhmm(s.windowTo)}` : t('noWindow');
  return (
    <li className="task-card">
      <p className="task-card__when"><strong>{window}</strong> · <span className="badge">{leg.statusLabel}</span></p>
      <h3>{t(leg.kind === 'result' ? 'stop_delivery' : leg.kind === 'transfer' ? 'stop_transfer' : 'stop_pickup')}: {s.applicant.name}</h3>
      <p>{addressLine(s.address, s.commune.name)}</p>
      <p className="field__hint">{s.procedureName}{leg.dossierCodes.length > 0 ? '' : s.dossierCode ? ` · ${s.dossierCode}` : ''}</p>
      {leg.dossierCodes.length > 0 && <p className="field__hint">{t('parcelDossiers', { codes: leg.dossierCodes.join(', ') })}</p>}
      <p className="task-card__tracking">{t('trackingNumber')}: <strong>{leg.trackingNumber}</strong></p>
      <div className="task-card__actions">
        {onTake && <Button kind="primary" disabled={busy} onClick={() => onTake(leg.trackingNumber)} aria-label={t('takeLabel', { number: leg.trackingNumber })}>{t('take')}</Button>}
        <Link to={to} className={buttonClass('secondary')} aria-label={t('viewLabel', { number: leg.trackingNumber })}>{t('view')}</Link>
      </div>
    </li>
  );
}
