// Step 1: where to file — search the service points by name, address or commune (no diacritics needed).
import { useEffect, useState } from 'react';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { findServicePoints, type ServicePointHit } from '../api';
import { usePortalT } from '../i18n';

export function PlaceStep({ onChoose }: { readonly onChoose: (place: ServicePointHit) => void }) {
  const t = usePortalT();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly ServicePointHit[] | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) { setHits(null); return; }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      findServicePoints(q, controller.signal).then((r) => setHits(r.items), () => undefined);
    }, 250);
    return () => { controller.abort(); window.clearTimeout(timer); };
  }, [query]);
  return (
    <>
      <Field label={t('placeSearch')} hint={t('placeHint')} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      {hits && hits.length === 0 && <Notice tone="info">{t('placeNone')}</Notice>}
      {hits && hits.length > 0 && (
        <ul className="portal-choices">
          {hits.map((h) => (
            <li key={h.code}>
              <button type="button" className="portal-choice" onClick={() => onChoose(h)}>
                <strong>{h.name}</strong><span>{h.address}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
