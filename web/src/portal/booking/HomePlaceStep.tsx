// Step 1 of a visit at home: the address where the courier comes, then its commune or ward among
// those where couriers visit homes (no diacritics needed); the commune decides which service point
// sends the courier and whose slots are offered.
import { useEffect, useState } from 'react';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { findHomeCommunes, type HomeCommune } from '../api';
import { usePortalT } from '../i18n';

export interface HomePlace extends HomeCommune {
  readonly address: string;
}

export function HomePlaceStep({ onChoose }: { readonly onChoose: (place: HomePlace) => void }) {
  const t = usePortalT();
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly HomeCommune[] | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) { setHits(null); return; }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      findHomeCommunes(q, controller.signal).then((r) => setHits(r.items), () => undefined);
    }, 250);
    return () => { controller.abort(); window.clearTimeout(timer); };
  }, [query]);
  const choose = (hit: HomeCommune) => {
    if (address.trim().length < 5) { setAddressError(t('homeAddressRequired')); return; }
    onChoose({ ...hit, address: address.trim() });
  };
  return (
    <>
      <Field label={t('homeAddress')} hint={t('homeAddressHint')} value={address} error={addressError} autoComplete="street-address"
        onChange={(e) => { setAddress(e.target.value); setAddressError(null); }} />
      <Field label={t('homeCommune')} hint={t('placeHint')} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      {hits && hits.length === 0 && <Notice tone="info">{t('homeCommuneNone')}</Notice>}
      {hits && hits.length > 0 && (
        <ul className="portal-choices">
          {hits.map((h) => (
            <li key={`${h.communeCode}-${h.servicePoint.code}`}>
              <button type="button" className="portal-choice" onClick={() => choose(h)}>
                <strong>{h.communeName}</strong><span>{t('homeSentBy', { point: h.servicePoint.name })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
