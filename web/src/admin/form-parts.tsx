// Form parts the administration screens share: a labelled select, a dd/mm/yyyy date field read
// as a civil date, and the server's per-field problems placed under their field.
import { useId, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { Field } from '../ui/Field';
import { formatCivilDate } from '../ui/dates';

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
export function civilOfText(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The text a date field starts with: dd/mm/yyyy of a civil date, or empty. */
export const textOfCivil = (civil: string | null | undefined): string => (civil ? formatCivilDate(civil) : '');

/** A date typed as dd/mm/yyyy (Chromium's date input would show mm/dd/yyyy). */
export function DateField({ label, value, onChange, error, hint }: {
  readonly label: string; readonly value: string; readonly onChange: (text: string) => void; readonly error?: string | null | undefined; readonly hint?: string;
}) {
  return <Field label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error} hint={hint ?? 'dd/mm/yyyy'}
    inputMode="numeric" placeholder="dd/mm/yyyy" autoComplete="off" />;
}

/** The server's problem for one field (`details[].path`), without the field name it starts with. */
export function fieldError(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError)) return null;
  const hit = error.details.find((d) => d.path === field || d.path === `/${field}`);
  return hit ? hit.message.replace(new RegExp(`^${field}: `), '') : null;
}

/** A bordered group of fields with its legend. */
export function FieldGroup({ legend, children }: { readonly legend: string; readonly children: ReactNode }) {
  return <fieldset className="admin-group"><legend>{legend}</legend>{children}</fieldset>;
}
