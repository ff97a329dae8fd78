// Visits at home (issue 14 §2), for the service point's administrators: which communes each courier
// of the point visits. A courier without a commune makes no visits; the portal offers the communes
// listed here and the slots of the couriers who visit them (src/appointments/home-areas.ts).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommunePicker } from '../counter/CommunePicker';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { vnToday } from '../ui/dates';
import { shownError, type ShownError } from '../ui/errors';
import { fetchCourierAreas, saveCourierAreas, type CourierAreas } from './counter-hours-api';
import { useCounterHoursT } from './i18n';

type Commune = { readonly code: string; readonly name: string };

export function CourierAreasSection({ servicePointCode }: { readonly servicePointCode: string }) {
  const t = useCounterHoursT();
  const { t: tApp } = useTranslation();
  const [data, setData] = useState<CourierAreas | null>(null);
  const [areas, setAreas] = useState<ReadonlyMap<number, readonly Commune[]>>(new Map());
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const take = (d: CourierAreas) => { setData(d); setAreas(new Map(d.items.map((i) => [i.courierId, i.communes]))); };

  useEffect(() => {
    const controller = new AbortController();
    setData(null); setError(null); setSaved(false);
    fetchCourierAreas(servicePointCode, controller.signal).then(take, (e: unknown) => { if (!controller.signal.aborted) setError(shownError(e, tApp)); });
    return () => controller.abort();
  }, [servicePointCode, tApp]);

  const edit = (courierId: number, next: readonly Commune[]) => { setAreas((m) => new Map(m).set(courierId, next)); setSaved(false); };
  const save = async () => {
    setBusy(true); setError(null);
    try {
      take(await saveCourierAreas(servicePointCode, [...areas].map(([courierId, communes]) => ({ courierId, communeCodes: communes.map((c) => c.code) }))));
      setSaved(true);
    } catch (e) {
      setError(shownError(e, tApp));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section courier-areas" aria-labelledby="courier-areas">
      <h2 id="courier-areas">{t('areasTitle')}</h2>
      <p className="field__hint">{t('areasLead')}</p>
      <ErrorNotice error={error} />
      {data && data.items.length === 0 && <Notice tone="info">{t('areasNoCouriers')}</Notice>}
      {data?.items.map((courier) => {
        const communes = areas.get(courier.courierId) ?? [];
        return (
          <fieldset key={courier.courierId} className="fieldset">
            <legend>{courier.fullName}</legend>
            {communes.length === 0 ? <p>{t('areasNone')}</p> : (
              <ul>
                {communes.map((c) => (
                  <li key={c.code}>{c.name} ({c.code}){' '}
                    <Button kind="secondary" aria-label={t('areasRemoveLabel', { name: c.name, courier: courier.fullName })}
                      onClick={() => edit(courier.courierId, communes.filter((x) => x.code !== c.code))}>{t('areasRemove')}</Button>
                  </li>
                ))}
              </ul>
            )}
            <CommunePicker value={null} validOn={vnToday(Date.now())} error={null} legend={t('areasAdd')} hint={t('areasAddHint')}
              onChange={(c) => { if (c && !communes.some((x) => x.code === c.code)) edit(courier.courierId, [...communes, c]); }} />
          </fieldset>
        );
      })}
      {saved && <Notice tone="success">{t('areasSaved')}</Notice>}
      {data && data.items.length > 0 && (
        <div className="form__actions"><Button kind="primary" disabled={busy} onClick={() => void save()}>{busy ? t('saving') : t('areasSave')}</Button></div>
      )}
    </section>
  );
}
