// A labelled date input that shows and accepts dd/mm/yyyy whatever the browser's language (a
// native `<input type="date">` under an English locale shows mm/dd/yyyy), with the browser's own
// calendar one button away. The value in and out is the civil date "yyyy-mm-dd" (or '' while the
// field is empty or does not hold a valid day); what is wrong is said in Vietnamese under the field.
import { forwardRef, useEffect, useId, useRef, useState, type FocusEvent } from 'react';
import { useCommonT, type CommonT } from '../i18n/common';
import { formatCivilDate } from './dates';
import { maskDayMonthYear, readDateEntry, type DateEntry } from './dateEntry';

interface DateFieldProps {
  readonly label: string;
  /** "yyyy-mm-dd", or '' for none */
  readonly value: string;
  /** "yyyy-mm-dd" of a valid day within the bounds, '' otherwise; and the text as shown */
  readonly onChange: (isoDate: string, text: string) => void;
  readonly min?: string;
  readonly max?: string;
  readonly hint?: string;
  /** the form's own message (e.g. "required"); the field's own reading of the text comes first */
  readonly error?: string | null;
  readonly required?: boolean;
  readonly name?: string;
  readonly onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
}

function problemOf(entry: DateEntry, t: CommonT): string | null {
  switch (entry.kind) {
    case 'invalid': return t('date_invalid');
    case 'tooEarly': return t('date_tooEarly', { min: entry.min });
    case 'tooLate': return t('date_tooLate', { max: entry.max });
    default: return null;
  }
}

/** A small calendar drawn in the text's colour (no emoji: not every system has a font for it). */
function CalendarIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="2.5" y="4" width="15" height="13.5" rx="1.5" />
      <path d="M2.5 8h15M6.5 2v4M13.5 2v4" strokeLinecap="round" />
      <path d="M6 11.5h2M9 11.5h2M12 11.5h2M6 14.5h2M9 14.5h2" strokeLinecap="round" />
    </svg>
  );
}

/** Whether this browser can open its calendar on demand (Chromium 99+, Firefox 101+, Safari 16+). */
const canShowPicker = typeof HTMLInputElement !== 'undefined' && 'showPicker' in HTMLInputElement.prototype;

export const DateField = forwardRef<HTMLInputElement, DateFieldProps>(function DateField(
  { label, value, onChange, min, max, hint, error, required, name, onBlur }, ref,
) {
  const t = useCommonT();
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const input = useRef<HTMLInputElement | null>(null);
  const setInput = (element: HTMLInputElement | null) => {
    input.current = element;
    if (typeof ref === 'function') ref(element);
    else if (ref) ref.current = element;
  };
  const [text, setText] = useState(() => (value ? formatCivilDate(value) : ''));
  const [isTouched, setIsTouched] = useState(false);
  const entry = readDateEntry(text, { min, max });
  const held = entry.kind === 'day' ? entry.isoDate : '';

  // a value set from outside (a scanned ID card, a preset period) replaces the text
  useEffect(() => {
    if (value !== held) setText(value ? formatCivilDate(value) : '');
  }, [value]); // only when the value from outside changes, not as the user types

  const enter = (typed: string) => {
    const masked = maskDayMonthYear(typed);
    setText(masked);
    const next = readDateEntry(masked, { min, max });
    onChange(next.kind === 'day' ? next.isoDate : '', masked);
  };

  const problem = problemOf(entry, t);
  // a form that validates stops at this field, and the browser says why
  useEffect(() => { input.current?.setCustomValidity(problem ?? ''); }, [problem]);
  const own = isTouched || text.length >= 10 ? problem : null;
  const shown = own ?? error ?? null;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [`${id}-format`, hint ? hintId : null, shown ? errorId : null].filter(Boolean).join(' ');
  const openPicker = () => {
    try {
      picker.current?.showPicker();
    } catch {
      // refused (no user gesture, or not allowed here): the text input still takes the day
    }
  };

  return (
    <div className={shown ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">{label}</label>
      {hint && <p id={hintId} className="field__hint">{hint}</p>}
      {shown && <p id={errorId} className="field__error">{shown}</p>}
      <div className="date-field">
        <input id={id} ref={setInput} name={name} className="field__input date-field__text" value={text} required={required}
          inputMode="numeric" autoComplete="off" placeholder={t('date_placeholder')} maxLength={10}
          aria-invalid={shown ? true : undefined} aria-describedby={describedBy}
          onChange={(e) => enter(e.target.value)}
          onInvalid={() => setIsTouched(true)}
          onBlur={(e) => { setIsTouched(true); onBlur?.(e); }} />
        <span id={`${id}-format`} className="visually-hidden">{t('date_format')}</span>
        {canShowPicker && (
          <>
            <button type="button" className="button button--secondary date-field__pick" onClick={openPicker}
              aria-label={t('date_pick')} title={t('date_pick')}>
              <CalendarIcon />
            </button>
            <input ref={picker} type="date" className="date-field__native" tabIndex={-1} aria-hidden="true"
              value={held} min={min} max={max}
              onChange={(e) => { setIsTouched(true); enter(e.target.value ? formatCivilDate(e.target.value) : ''); }} />
          </>
        )}
      </div>
    </div>
  );
});
