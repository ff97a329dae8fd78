// Form parts the administration screens share: a labelled select, a dd/mm/yyyy date field read
// as a civil date, and the server's per-field problems placed under their field.
import { useId, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { formatCivilDate } from '../ui/dates';
import { parseDayMonthYear } from '../ui/dateEntry';
import { DateField as SharedDateField } from '../ui/DateField';

export function SelectField<V extends string>({ label, value, options, optionText, onChange, error, placeholder, hint }: {
  readonly label: string; readonly value: V | ''; readonly options: readonly V[]; readonly optionText: (v: V) => string;
  readonly onChange: (v: V | '') => void; readonly error?: string | null | undefined; readonly placeholder?: string; readonly hint?: string;
}) {
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">{label}</label>
      {hint && <p id={`${id}-hint`} className="field__hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field__error">{error}</p>}
      <select id={id} className="field__input" value={value} onChange={(e) => onChange(e.target.value as V | '')}
        aria-invalid={error ? true : undefined} aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o} value={o}>{optionText(o)}</option>)}
      </select>
    </div>
  );
}

/** 'dd/mm/yyyy' typed by a user → 'yyyy-mm-dd', or null when it is not a real day. Pure. */
export const civilOfText = (text: string): string | null => parseDayMonthYear(text);

/** The text a date field starts with: dd/mm/yyyy of a civil date, or empty. */
export const textOfCivil = (civil: string | null | undefined): string => (civil ? formatCivilDate(civil) : '');

/**
 * The shared date field (ui/DateField: dd/mm/yyyy, slashes put in, calendar button) for forms
 * that hold the text as typed and read it with civilOfText when they submit.
 */
export function DateField({ label, value, onChange, error, hint }: {
  readonly label: string; readonly value: string; readonly onChange: (text: string) => void; readonly error?: string | null | undefined; readonly hint?: string;
}) {
  return <SharedDateField label={label} value={civilOfText(value) ?? ''} onChange={(_day, text) => onChange(text)} error={error ?? null}
    hint={hint} />;
}

/** The server's problem for one field (`details[].path`), without the field name it starts with. */
export function fieldError(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError)) return null;
  const hit = error.details.find((d) => d.path === field || d.path === `/${field}`);
  // the message starts with the field's label, which the field itself shows
  return hit ? hit.message.replace(/^[^:]+: /, '') : null;
}

/** A bordered group of fields with its legend. */
export function FieldGroup({ legend, children }: { readonly legend: string; readonly children: ReactNode }) {
  return <fieldset className="admin-group"><legend>{legend}</legend>{children}</fieldset>;
}
