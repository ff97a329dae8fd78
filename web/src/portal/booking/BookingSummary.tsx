// A booking as the citizen reads it: its code (typed at the kiosk), when, where, what, the papers
// to bring, the calendar file and the link to change or cancel it.
import { formatVnDate, vnTimeParts } from '../../ui/dates';
import { calendarUrl, manageUrl, type Booking, type BookingWithLink } from '../api';
import { usePortalT } from '../i18n';

export function BookingSummary({ booking, token }: { readonly booking: Booking | BookingWithLink; readonly token: string }) {
  const t = usePortalT();
  const papers = 'papers' in booking ? booking.papers : [];
  const store = 'store' in booking ? booking.store : null;
  return (
    <div className="portal-summary">
      <p className="portal-code-label">{t('bookingCode')}</p>
      <p className="portal-code" data-testid="booking-code">{booking.code}</p>
      <p>{t(booking.purpose === 'home' ? 'homeCodeUse' : 'codeUse')}</p>
      <dl className="portal-facts">
        <dt>{t('when')}</dt><dd>{vnTimeParts(booking.startsAt)?.time}–{vnTimeParts(booking.endsAt)?.time}, {formatVnDate(booking.startsAt)}</dd>
        {booking.purpose === 'home'
          ? <><dt>{t('homeWhere')}</dt><dd>{booking.address}<br />{t('homeSentBy', { point: booking.servicePoint.name })}</dd></>
          : <><dt>{t('where')}</dt><dd>{booking.servicePoint.name}<br />{booking.servicePoint.address}</dd></>}
        <dt>{t('procedure')}</dt><dd>{booking.procedureName}</dd>
        <dt>{t('status')}</dt><dd>{booking.statusLabel}</dd>
      </dl>
      {papers.length > 0 && (
        <>
          <h2>{t('papers')}</h2>
          <ul className="portal-papers">
            {papers.map((p) => (
              <li key={p.name}>
                {p.name} — {t('paperCount', { originals: p.originals, copies: p.copies })}{p.requirement === 'conditional' ? ` ${t('paperConditional')}` : ''}
                {p.inStore && <> <span className="badge portal-held">{t('paperInStore')}</span></>}
              </li>
            ))}
          </ul>
          {store && store.held > 0 && <p className="field__hint" data-testid="store-held">{t('storeHeldNamed', { held: store.held, of: store.of })}</p>}
        </>
      )}
      {booking.status === 'booked' && (
        <p className="portal-links">
          <a className="button button--secondary" href={calendarUrl(booking.code, token)} download>{t('downloadIcs')}</a>
          {'papers' in booking && <a className="button button--secondary" href={manageUrl(booking.code, token)}>{t('manageLink')}</a>}
        </p>
      )}
      {'papers' in booking && <p className="field__hint">{t('manageHint')}</p>}
    </div>
  );
}
