// The free times of a place for a procedure: first a day, then a time of that day (Vietnam time),
// each with the seats left. Used to book and to reschedule.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdayOf as weekdayOfDay, vnDayNumberOfInstant } from '../../../../src/shared/civil-date';
import { formatVnDate, vnTimeParts } from '../../ui/dates';
import { errorMessage } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { listSlots, type Purpose, type Slot } from '../api';
import { usePortalT } from '../i18n';

const weekdayKeys = ['weekday0', 'weekday1', 'weekday2', 'weekday3', 'weekday4', 'weekday5', 'weekday6'] as const;
const weekdayKeyOf = (iso: string) => weekdayKeys[weekdayOfDay(vnDayNumberOfInstant(Date.parse(iso)))] ?? 'weekday0';

export function SlotPicker({ servicePointCode, procedureCode, onChoose, purpose = 'intake', from, communeCode }: {
  readonly servicePointCode: string; readonly procedureCode: string; readonly onChoose: (slot: Slot) => void;
  /** a result's pickup has its own (shorter) slots; `from`: not before this date (the result's due date) */
  readonly purpose?: Purpose; readonly from?: string;
  /** a visit at home: the address's commune (its couriers' slots) */
  readonly communeCode?: string | undefined;
}) {
  const t = usePortalT();
  const { t: tApp } = useTranslation();
  const [slots, setSlots] = useState<readonly Slot[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [day, setDay] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setSlots(null);
    listSlots(servicePointCode, procedureCode, controller.signal, purpose, from, communeCode).then((r) => setSlots(r.slots.filter((s) => s.free > 0)), (e: unknown) => { if (!controller.signal.aborted) setError(e); });
    return () => controller.abort();
  }, [servicePointCode, procedureCode, purpose, from, communeCode]);
  const days = useMemo(() => [...new Set((slots ?? []).map((s) => formatVnDate(s.startsAt)))], [slots]);
  const chosenDay = day ?? days[0] ?? null;

  if (error) return <Notice tone="error">{errorMessage(error, tApp)}</Notice>;
  if (!slots) return <p role="status">{t('slotsLoading')}</p>;
  if (slots.length === 0) return <Notice tone="info">{t('slotsNone')}</Notice>;
  return (
    <div className="portal-slots">
      <fieldset className="portal-days">
        <legend>{t('day')}</legend>
        {days.map((d) => {
          const first = slots.find((s) => formatVnDate(s.startsAt) === d);
          return (
            <button key={d} type="button" className="portal-chip" aria-pressed={d === chosenDay} onClick={() => setDay(d)}>
              {first ? t(weekdayKeyOf(first.startsAt)) : ''}<br />{d}
            </button>
          );
        })}
      </fieldset>
      <ul className="portal-times" aria-label={chosenDay ?? ''}>
        {slots.filter((s) => formatVnDate(s.startsAt) === chosenDay).map((s) => (
          <li key={s.startsAt}>
            <button type="button" className="portal-time" onClick={() => onChoose(s)}>
              <strong>{vnTimeParts(s.startsAt)?.time}</strong><span>{t('free', { count: s.free })}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
