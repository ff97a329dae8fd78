// Procedure search (with or without diacritics) with a keyboard-navigable list of results:
// ↓ from the box goes into the list, ↑/↓/Home/End move, Enter chooses, Esc goes back to the box.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { searchProcedures, type ProcedureHit } from './api';
import { durationText, useCommonT, type CommonT } from '../i18n/common';
import { useCounterT } from './i18n';

/** "15 ngày làm việc", "1 working day" */
export const procedureDuration = (t: CommonT, p: Pick<ProcedureHit, 'durationValue' | 'durationUnit'>): string =>
  durationText(t, p.durationValue, p.durationUnit);

export function ProcedurePicker({ onChoose }: { readonly onChoose: (code: string) => void }) {
  const t = useCounterT();
  const tc = useCommonT();
  const { t: tApp } = useTranslation();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly ProcedureHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) { setHits(null); return; }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setSearching(true);
      searchProcedures(q, controller.signal).then(
        (items) => { setHits(items); setError(null); setSearching(false); },
        (e: unknown) => { if (!controller.signal.aborted) { setError(e); setSearching(false); } },
      );
    }, 200);
    return () => { window.clearTimeout(timer); controller.abort(); };
  }, [query]);

  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); buttons()[0]?.focus(); }
    if (e.key === 'Enter') { e.preventDefault(); if (hits?.length === 1 && hits[0]) onChoose(hits[0].code); }
  };

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const all = buttons();
    const at = all.findIndex((b) => b === document.activeElement);
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = Math.min(at + 1, all.length - 1);
    else if (e.key === 'ArrowUp') { if (at <= 0) { e.preventDefault(); input.current?.focus(); return; } next = at - 1; }
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = all.length - 1;
    else if (e.key === 'Escape') { e.preventDefault(); input.current?.focus(); return; }
    if (next !== null) { e.preventDefault(); all[next]?.focus(); }
  };

  const status = searching ? t('procedureSearching') : hits === null ? '' : hits.length === 0 ? t('procedureNone') : t('procedureCount', { count: hits.length });
  return (
    <div className="procedure-picker">
      <div className="field">
        <label htmlFor={`${ids}-q`} className="field__label">{t('procedureSearch')}</label>
        <p id={`${ids}-hint`} className="field__hint">{t('procedureSearchHint')}</p>
        <input id={`${ids}-q`} ref={input} className="field__input" type="search" value={query} autoComplete="off"
          aria-describedby={`${ids}-hint ${ids}-status`} aria-controls={hits && hits.length > 0 ? `${ids}-list` : undefined}
          onChange={(e) => setQuery(e.target.value)} onKeyDown={onInputKey} />
      </div>
      <p id={`${ids}-status`} role="status" className="field__hint">{status}</p>
      {error !== null && <Notice tone="error">{errorMessage(error, tApp)}</Notice>}
      {hits && hits.length > 0 && (
        <ul id={`${ids}-list`} ref={list} className="pick-list" aria-label={t('procedureResults')} onKeyDown={onListKey}>
          {hits.map((p) => (
            <li key={p.code}>
              <button type="button" className="pick-list__item" onClick={() => onChoose(p.code)}>
                <span className="pick-list__name">{p.name}</span>
                <span className="pick-list__meta">{p.code} · {p.field} · {procedureDuration(tc, p)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
