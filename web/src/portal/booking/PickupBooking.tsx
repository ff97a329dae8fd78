// Booking a time to pick up a dossier's result (issue 14 §2), reached from the dossier's page
// (`/dat-lich?ho-so=<code>`): the place is where the dossier was received — results are returned
// there — and the procedure is the dossier's; the citizen picks a time from the day the result is
// due, confirms their phone, and gets the booking's code for the kiosk.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatCivilDate, formatVnDate, vnTimeParts } from '../../ui/dates';
import { shownError, type ShownError } from '../../ui/errors';
import { PageHeading } from '../../ui/PageHeading';
import { createBooking, fetchPickup, type BookingWithLink, type Pickup, type Slot } from '../api';
import { usePortalT } from '../i18n';
import { BookingSummary } from './BookingSummary';
import { ContactStep, type Contact } from './ContactStep';
import { Done } from './Done';
import { SlotPicker } from './SlotPicker';

export function PickupBooking({ dossierCode }: { readonly dossierCode: string }) {
  const t = usePortalT();
  const { t: tApp } = useTranslation();
  const [pickup, setPickup] = useState<Pickup | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [booked, setBooked] = useState<BookingWithLink | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchPickup(dossierCode, controller.signal).then(setPickup, (e: unknown) => { if (!controller.signal.aborted) setError(shownError(e, tApp)); });
    return () => controller.abort();
  }, [dossierCode, tApp]);

  const book = async (contact: Contact): Promise<ShownError | null> => {
    if (!pickup || !slot) return null;
    try {
      setBooked(await createBooking({
        servicePointCode: pickup.servicePoint.code, procedureCode: pickup.procedureCode, purpose: 'pickup', dossierCode: pickup.dossierCode, startsAt: slot.startsAt,
        name: contact.name, phone: contact.phone, phoneVerification: contact.phoneVerification, ...(contact.personalId ? { personalId: contact.personalId } : {}),
      }));
      return null;
    } catch (e) {
      return shownError(e, tApp);
    }
  };

  if (booked) {
    return (
      <section className="portal-page">
        <PageHeading title={t('pickupDoneTitle')} lead={booked.servicePoint.name} />
        <BookingSummary booking={booked} token={booked.manageToken} />
      </section>
    );
  }
  return (
    <section className="portal-page">
      <PageHeading title={t('pickupTitle', { code: dossierCode })} lead={t('pickupIntro')} />
      <ErrorNotice error={error} />
      {pickup && (
        <>
          <section className="section" aria-label={t('stepPlace')}>
            <Done label={t('procedure')} value={pickup.procedureName} />
            <Done label={t('where')} value={pickup.servicePoint.name} />
            <p className="field__hint">{pickup.servicePoint.address}</p>
            <p className="field__hint">{pickup.ready ? t('pickupReady') : t('pickupDue', { date: formatCivilDate(pickup.fromDate) })}</p>
          </section>
          <section className="section" aria-label={t('pickupStepSlot')}>
            <h2>{t('pickupStepSlot')}</h2>
            {slot ? <Done label={t('when')} value={t('chosenSlot', { time: vnTimeParts(slot.startsAt)?.time ?? '', date: formatVnDate(slot.startsAt) })} onChange={() => setSlot(null)} />
              : <SlotPicker servicePointCode={pickup.servicePoint.code} procedureCode={pickup.procedureCode} purpose="pickup" from={pickup.fromDate} onChoose={setSlot} />}
          </section>
          {slot && (
            <section className="section" aria-label={t('pickupStepContact')}>
              <h2>{t('pickupStepContact')}</h2>
              <ContactStep onBook={book} />
            </section>
          )}
        </>
      )}
      {error && <Button kind="secondary" onClick={() => window.history.back()}>{t('back')}</Button>}
    </section>
  );
}
