// Step 4: the procedure's e-form, one input per field of its JSON schema, prefilled from the applicant.
import { useId } from 'react';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import type { EformField } from '../eform';
import { useCounterT } from '../i18n';
import type { ReceiveForm } from './useReceiveForm';
import { Section } from '../../ui/Section';

interface EformInputProps {
  readonly field: EformField;
  readonly value: string | boolean | undefined;
  readonly onChange: (v: string | boolean) => void;
  readonly error: string | null;
}

export function EformInput({ field, value, onChange, error }: EformInputProps) {
  const t = useCounterT();
  const id = useId();
  const label = field.required ? `${field.title} *` : field.title;
  if (field.kind === 'boolean') {
    return (
      <div className="field field--check">
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }
  if (field.kind === 'enum') {
    return (
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor={id} className="field__label">{label}</label>
        {error && <p id={`${id}-e`} className="field__error">{error}</p>}
        <select id={id} className="field__select" value={typeof value === 'string' ? value : ''} required={field.required}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-e` : undefined} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('chooseOption')}</option>
          {field.options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </div>
    );
  }
  if (field.kind === 'date') {
    // a day that does not read is passed on as typed, so that the form's check refuses it rather than drop it
    return (
      <DateField label={label} value={typeof value === 'string' ? value : ''} error={error} required={field.required}
        hint={field.description ?? undefined} onChange={(day, text) => onChange(day || text)} />
    );
  }
  return (
    <Field label={label} value={typeof value === 'string' ? value : ''} error={error} required={field.required}
      hint={field.description ?? undefined}
      inputMode={field.kind === 'number' || field.kind === 'integer' ? 'decimal' : undefined}
      maxLength={field.maxLength ?? undefined} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
  );
}

export function EformStep({ form, headingId }: { readonly form: ReceiveForm; readonly headingId: string }) {
  const t = useCounterT();
  const { procedure, fields, values } = form;
  return (
    <Section headingId={headingId} title={t('stepForm')}>
      {!procedure ? <p>{t('procedureRequired')}</p> : fields.length === 0 ? <p>{t('formNone')}</p> : (
        <>
          <p>{t('formIntro')}</p>
          <div className="form-grid">
            {fields.map((f) => (
              <EformInput key={f.key} field={f} value={values[f.key]} error={form.errorOf(`form:${f.key}`)}
                onChange={(v) => form.setValue(f.key, v)} />
            ))}
          </div>
        </>
      )}
    </Section>
  );
}
