// The applicant's commune or ward among the units valid today: a search box and a choice list.
import { useEffect, useId, useState } from 'react';
import { searchCommunes, type Unit } from './api';
import { useCounterT } from './i18n';

export interface ChosenUnit {
  readonly code: string;
  readonly name: string;
}

interface Props {
  readonly value: ChosenUnit | null;
  readonly onChange: (unit: ChosenUnit | null) => void;
  readonly validOn: string;
  readonly error: string | null;
  /** another commune than the applicant's (the place of a place-tied procedure) */
  readonly legend?: string;
  readonly hint?: string;
}

export function CommunePicker({ value, onChange, validOn, error, legend, hint }: Props) {
  const t = useCounterT();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [units, setUnits] = useState<readonly Unit[]>([]);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) { setUnits([]); return; }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchCommunes(q, validOn, controller.signal).then((items) => setUnits(items), () => undefined);
    }, 200);
    return () => { window.clearTimeout(timer); controller.abort(); };
  }, [query, validOn]);

  const options: ChosenUnit[] = units.map((u) => ({ code: u.code, name: u.name }));
  // a commune found by its pre-2025 name (an old ID card's address) says which one it became
  const former = new Map(units.flatMap((u) => (u.formerName ? [[u.code, u.formerName] as const] : [])));
  if (value && !options.some((o) => o.code === value.code)) options.unshift(value);
  const errorId = `${ids}-error`;
  return (
    <fieldset className={error ? 'fieldset field--invalid' : 'fieldset'}>
      <legend className="field__label">{legend ?? t('commune')}</legend>
      <p id={`${ids}-hint`} className="field__hint">{hint ?? t('communeHint')}</p>
      {error && <p id={errorId} className="field__error">{error}</p>}
      <div className="commune-picker">
        <div className="field">
          <label htmlFor={`${ids}-q`} className="field__label">{t('communeSearch')}</label>
          <input id={`${ids}-q`} className="field__input" type="search" value={query} autoComplete="off"
            onChange={(e) => setQuery(e.target.value)} aria-describedby={`${ids}-hint`} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-s`} className="field__label">{t('communeChoose')}</label>
          <select id={`${ids}-s`} className="field__select" value={value?.code ?? ''} aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange(options.find((o) => o.code === e.target.value) ?? null)}>
            <option value="">{options.length === 0 ? t('communeNone') : t('chooseOption')}</option>
            {options.map((o) => {
              const old = former.get(o.code);
              return <option key={o.code} value={o.code}>{old ? t('communeFormer', { name: o.name, code: o.code, former: old }) : `${o.name} (${o.code})`}</option>;
            })}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
