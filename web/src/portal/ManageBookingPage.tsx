// A booking opened from its signed link (`/dat-lich/<code>?t=<token>`, in the SMS): see it, download
// the calendar file, move it to another free time, or cancel it. A changed booking has a new link.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { shownError, type ShownError } from '../ui/errors';
import { PageHeading } from '../ui/PageHeading';
import { navigate } from '../ui/router';
import { bookingByLink, cancelBooking, manageUrl, rescheduleBooking, type Booking, type Slot } from './api';
import { BookingSummary } from './booking/BookingSummary';
import { SlotPicker } from './booking/SlotPicker';
import { usePortalT } from './i18n';

/** '/dat-lich/<code>' → the code. */
export const bookingCodeOf = (path: string): string => decodeURIComponent(path.split('/')[2] ?? '');

export function ManageBookingPage({ code }: { readonly code: string }) {
  const t = usePortalT();
  const { t: tApp } = useTranslation();
  const token = new URLSearchParams(window.location.search).get('t') ?? '';
  const [booking, setBooking] = useState<Booking | null>(null);
  const [missing, setMissing] = useState(false);
  const [mode, setMode] = useState<'view' | 'reschedule' | 'cancel'>('view');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    bookingByLink(code, token, controller.signal).then(setBooking, () => { if (!controller.signal.aborted) setMissing(true); });
    return () => controller.abort();
  }, [code, token]);

  const run = async (action: () => Promise<{ code: string; manageToken: string } & Booking>, done: string) => {
    setBusy(true); setError(null);
    try {
      const changed = await action();
      setBooking(changed);
      setMode('view');
      setMessage(done);
      navigate(manageUrl(changed.code, changed.manageToken), { replace: true }); // the old link is dead
    } catch (e) {
      setError(shownError(e, tApp));
    } finally {
      setBusy(false);
    }
  };

  if (missing) return <section className="portal-page"><PageHeading title={t('manageTitle', { code })} lead="" /><Notice tone="error">{t('manageNotFound')}</Notice></section>;
  if (!booking) return <p role="status">{t('loading')}</p>;
  const live = booking.status === 'booked';
  return (
    <section className="portal-page">
      <PageHeading title={t('manageTitle', { code: booking.code })} lead={booking.servicePoint.name} />
      {message && <Notice tone="success">{message}</Notice>}
      <BookingSummary booking={booking} token={new URLSearchParams(window.location.search).get('t') ?? token} />
      <ErrorNotice error={error} />
      {live && mode === 'view' && (
        <div className="form__actions">
          <Button kind="primary" onClick={() => setMode('reschedule')}>{t('reschedule')}</Button>
          <Button kind="danger" onClick={() => setMode('cancel')}>{t('cancel')}</Button>
        </div>
      )}
      {live && mode === 'reschedule' && (
        <section className="section">
          <h2>{t('reschedule')}</h2>
          <SlotPicker servicePointCode={booking.servicePoint.code} procedureCode={booking.procedureCode} purpose={booking.purpose} communeCode={booking.communeCode ?? undefined}
            onChoose={(slot: Slot) => void run(() => rescheduleBooking(booking.code, currentToken(token), slot.startsAt), t('rescheduled'))} />
          <Button kind="secondary" disabled={busy} onClick={() => setMode('view')}>{t('back')}</Button>
        </section>
      )}
      {live && mode === 'cancel' && (
        <Notice tone="info">
          <p>{t('cancelConfirm')}</p>
          <div className="form__actions">
            <Button kind="danger" disabled={busy} onClick={() => void run(() => cancelBooking(booking.code, currentToken(token)), t('cancelled'))}>{t('cancelYes')}</Button>
            <Button kind="secondary" onClick={() => setMode('view')}>{t('cancelNo')}</Button>
          </div>
        </Notice>
      )}
    </section>
  );
}

/** The link's token as the address bar has it now (a reschedule replaced it). */
const currentToken = (fallback: string) => new URLSearchParams(window.location.search).get('t') ?? fallback;
