// Booking a time (issue 14 §2–3, the portal's pages), at a counter or by a courier at home: place
// (or address and commune) → procedure → day and time → applicant and phone verified by SMS code →
// confirmation with the code, the papers to bring, the calendar file and the link to change or
// cancel. One step open at a time; done steps can be changed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchProcedure } from '../counter/api';
import { ProcedurePicker } from '../counter/ProcedurePicker';
import { Button } from '../ui/Button';
import { formatVnDate, vnTimeParts } from '../ui/dates';
import { shownError, type ShownError } from '../ui/errors';
import { PageHeading } from '../ui/PageHeading';
import { createBooking, dossierOfSearch, procedureOfSearch, type BookingWithLink, type ServicePointHit, type Slot } from './api';
import { BookingSummary } from './booking/BookingSummary';
import { ContactStep, type Contact } from './booking/ContactStep';
import { Done } from './booking/Done';
import { PickupBooking } from './booking/PickupBooking';
import { HomePlaceStep, type HomePlace } from './booking/HomePlaceStep';
import { PlaceStep } from './booking/PlaceStep';
import { SlotPicker } from './booking/SlotPicker';
import { usePortalT } from './i18n';

/** `/dat-lich`: a time to file a dossier; `?ho-so=<code>`: a time to pick up that dossier's result. */
export function PortalBookingPage() {
  const dossierCode = dossierOfSearch(window.location.search);
  return dossierCode ? <PickupBooking dossierCode={dossierCode} /> : <IntakeBooking />;
}

function IntakeBooking() {
  const t = usePortalT();
  const { t: tApp } = useTranslation();
  const [mode, setMode] = useState<'counter' | 'home'>('counter');
  const [counter, setCounter] = useState<ServicePointHit | null>(null);
  const [home, setHome] = useState<HomePlace | null>(null);
  // where the slots come from: the chosen point, or the point whose couriers visit the commune
  const place = mode === 'home' ? home?.servicePoint ?? null : counter;
  const [procedure, setProcedure] = useState<{ code: string; name: string } | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [booked, setBooked] = useState<BookingWithLink | null>(null);

  const chooseProcedure = async (code: string) => {
    try { const p = await fetchProcedure(code); setProcedure({ code: p.code, name: p.name }); } catch { setProcedure({ code, name: code }); }
  };
  // reached from a procedure's page (/thu-tuc/<code>): that procedure is already chosen
  useEffect(() => {
    const code = procedureOfSearch(window.location.search);
    if (code) void fetchProcedure(code).then((p) => setProcedure((now) => now ?? { code: p.code, name: p.name }), () => undefined);
  }, []);
  const book = async (contact: Contact): Promise<ShownError | null> => {
    if (!place || !procedure || !slot) return null;
    try {
      setBooked(await createBooking({
        servicePointCode: place.code, procedureCode: procedure.code, startsAt: slot.startsAt,
        ...(mode === 'home' && home ? { purpose: 'home', address: home.address, communeCode: home.communeCode } : { purpose: 'intake' }),
        name: contact.name, phone: contact.phone, phoneVerification: contact.phoneVerification, ...(contact.personalId ? { personalId: contact.personalId } : {}),
      }));
      return null;
    } catch (e) {
      return shownError(e, tApp);
    }
  };
  const restart = () => { setCounter(null); setHome(null); setProcedure(null); setSlot(null); setBooked(null); };
  const changePlace = () => { setCounter(null); setHome(null); setSlot(null); };

  if (booked) {
    return (
      <section className="portal-page">
        <PageHeading title={t('doneTitle')} lead={booked.servicePoint.name} />
        <BookingSummary booking={booked} token={booked.manageToken} />
        <Button kind="secondary" onClick={restart}>{t('bookAnother')}</Button>
      </section>
    );
  }
  return (
    <section className="portal-page">
      <PageHeading title={t('title')} lead={mode === 'home' ? t('homeIntro') : t('intro')} />
      <fieldset className="portal-days">
        <legend>{t('modeLegend')}</legend>
        {(['counter', 'home'] as const).map((m) => (
          <button key={m} type="button" className="portal-chip" aria-pressed={mode === m} onClick={() => { setMode(m); changePlace(); }}>
            {t(m === 'home' ? 'modeHome' : 'modeCounter')}
          </button>
        ))}
      </fieldset>
      <section className="section" aria-label={mode === 'home' ? t('homeStepPlace') : t('stepPlace')}>
        <h2>{mode === 'home' ? t('homeStepPlace') : t('stepPlace')}</h2>
        {mode === 'home'
          ? (home ? <Done label={t('homeWhere')} value={`${home.address}, ${home.communeName} — ${t('homeSentBy', { point: home.servicePoint.name })}`} onChange={changePlace} /> : <HomePlaceStep onChoose={setHome} />)
          : (counter ? <Done label={t('where')} value={counter.name} onChange={changePlace} /> : <PlaceStep onChoose={setCounter} />)}
      </section>
      {place && (
        <section className="section" aria-label={t('stepProcedure')}>
          <h2>{t('stepProcedure')}</h2>
          {procedure ? <Done label={t('procedure')} value={procedure.name} onChange={() => { setProcedure(null); setSlot(null); }} />
            : <ProcedurePicker onChoose={(code) => void chooseProcedure(code)} />}
        </section>
      )}
      {place && procedure && (
        <section className="section" aria-label={t('stepSlot')}>
          <h2>{t('stepSlot')}</h2>
          {slot ? <Done label={t('when')} value={t('chosenSlot', { time: vnTimeParts(slot.startsAt)?.time ?? '', date: formatVnDate(slot.startsAt) })} onChange={() => setSlot(null)} />
            : <SlotPicker servicePointCode={place.code} procedureCode={procedure.code} onChoose={setSlot} {...(mode === 'home' && home ? { purpose: 'home' as const, communeCode: home.communeCode } : {})} />}
        </section>
      )}
      {place && procedure && slot && (
        <section className="section" aria-label={t('stepContact')}>
          <h2>{t('stepContact')}</h2>
          <ContactStep onBook={book} />
        </section>
      )}
    </section>
  );
}
