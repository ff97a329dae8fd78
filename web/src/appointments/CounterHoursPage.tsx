// Opening hours per counter (issue 14 §1), for the service point's administrators
// (`appointments.configure`): which counters keep their own week — open only mornings, serving
// Saturday intake — and their exceptional days. Bookings follow at once (src/appointments/slots.ts).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { hoursLines } from '../admin/directory/hours';
import { useDirectoryT } from '../admin/directory/i18n';
import { Button, SubmitButton } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { shownError, type ShownError } from '../ui/errors';
import { CounterHoursCard } from './CounterHoursCard';
import { CourierAreasSection } from './CourierAreasSection';
import { fetchCounterHours, saveCounterHours, type CounterHours } from './counter-hours-api';
import { draftsOf, itemsOfDrafts, type CounterDraft, type DraftCheck } from './counter-hours-draft';
import { useCounterHoursT } from './i18n';
import '../admin/admin.css';
import './queue.css';

const POINT_PARAM = 'diem';

export function CounterHoursPage({ user }: { readonly user: User }) {
  const t = useCounterHoursT();
  const tDir = useDirectoryT();
  const { t: tApp } = useTranslation();
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get(POINT_PARAM) ?? user.scopeCode ?? '');
  const [opened, setOpened] = useState(code);
  const [data, setData] = useState<CounterHours | null>(null);
  const [drafts, setDrafts] = useState<CounterDraft[]>([]);
  const [check, setCheck] = useState<DraftCheck | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!opened) return;
    const controller = new AbortController();
    setData(null); setError(null); setSaved(false);
    fetchCounterHours(opened, controller.signal).then(
      (d) => { setData(d); setDrafts(draftsOf(d)); setCheck(null); },
      (e: unknown) => { if (!controller.signal.aborted) setError(shownError(e, tApp)); },
    );
    return () => controller.abort();
  }, [opened, tApp]);

  const change = (next: CounterDraft) => { setDrafts((ds) => ds.map((d) => (d.code === next.code ? next : d))); setSaved(false); };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!data || busy) return;
    const found = itemsOfDrafts(drafts);
    setCheck(found);
    if (Object.keys(found.badDays).length > 0 || found.badExceptions.length > 0) return;
    setBusy(true); setError(null);
    try {
      const d = await saveCounterHours(data.servicePointCode, found.items);
      setData(d); setDrafts(draftsOf(d)); setSaved(true);
    } catch (e) {
      setError(shownError(e, tApp));
    } finally {
      setBusy(false);
    }
  };
  const wrong = check !== null && (Object.keys(check.badDays).length > 0 || check.badExceptions.length > 0);

  return (
    <div className="page counter-hours-page">
      <PageHeading title={t('title')} lead={t('lead')} />
      <form className="counter-hours__point" onSubmit={(e) => { e.preventDefault(); setOpened(code.trim()); }}>
        <Field label={t('pointCode')} value={code} maxLength={60} onChange={(e) => setCode(e.target.value)} />
        <Button kind="secondary" type="submit">{t('open')}</Button>
      </form>
      <ErrorNotice error={error} />
      {data && (
        <form className="form" onSubmit={(e) => void save(e)}>
          <section className="section" aria-labelledby="point-hours">
            <h2 id="point-hours">{t('pointHours')}</h2>
            <ul>{hoursLines({ weekly: data.pointWeekly }, (d) => tDir(`weekday${d}`), t('closed')).map((l) => <li key={l}>{l}</li>)}</ul>
          </section>
          {data.counters.length === 0 && <Notice tone="info">{t('noCounters')}</Notice>}
          {drafts.map((d) => (
            <CounterHoursCard key={d.code} draft={d} onChange={change} t={t}
              badDays={check?.badDays[d.code] ?? []}
              badExceptions={(check?.badExceptions ?? []).filter((x) => x.startsWith(`${d.code}:`)).map((x) => Number(x.split(':')[1]))} />
          ))}
          {wrong && <Notice tone="error">{t('fixTimes')}</Notice>}
          {saved && <Notice tone="success">{t('saved')}</Notice>}
          {data.counters.length > 0 && <div className="form__actions"><SubmitButton busy={busy} busyText={t('saving')} text={t('save')} /></div>}
        </form>
      )}
      {data && <CourierAreasSection servicePointCode={data.servicePointCode} />}
    </div>
  );
}

