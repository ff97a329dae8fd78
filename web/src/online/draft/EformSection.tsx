// The procedure's e-form, one input per field of its JSON schema (the counter's reading of the
// schema, web/src/counter/eform.ts); the server's check names what is wrong under /formData.
import { useId } from 'react';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import type { EformField } from '../../counter/eform';
import { useOnlineT } from '../i18n';
import type { DraftEditor } from './useDraftEditor';

function EformInput({ field, value, onChange, error }: {
  readonly field: EformField; readonly value: string | boolean | undefined; readonly onChange: (v: string | boolean) => void; readonly error: string | null;
}) {
  const t = useOnlineT();
  const id = useId();
  const label = field.required ? `${field.title} *` : field.title;
  if (field.kind === 'boolean') {
    return <div className="field field--check"><input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /><label htmlFor={id}>{label}</label></div>;
  }
  if (field.kind === 'enum') {
    return (
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor={id} className="field__label">{label}</label>
        {error && <p className="field__error">{error}</p>}
        <select id={id} className="field__select" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('chooseOption')}</option>
          {field.options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </div>
    );
  }
  if (field.kind === 'date') {
    return <DateField label={label} value={typeof value === 'string' ? value : ''} error={error} onChange={(day, text) => onChange(day || text)} />;
  }
  return (
    <Field label={label} value={typeof value === 'string' ? value : ''} error={error} hint={field.description ?? undefined}
      inputMode={field.kind === 'number' || field.kind === 'integer' ? 'decimal' : undefined} maxLength={field.maxLength ?? undefined}
      onChange={(e) => onChange(e.target.value)} autoComplete="off" />
  );
}

export function EformSection({ editor }: { readonly editor: DraftEditor }) {
  const t = useOnlineT();
  if (editor.fields.length === 0) return null;
  const problem = (key: string) => editor.review?.problems.find((p) => p.path === `/formData/${key}`)?.message ?? null;
  return (
    <section className="section" aria-labelledby="online-eform">
      <h2 id="online-eform">{t('eformTitle')}</h2>
      {editor.fields.map((f) => (
        <EformInput key={f.key} field={f} value={editor.values[f.key]} error={problem(f.key)}
          onChange={(v) => editor.setValues({ ...editor.values, [f.key]: v })} />
      ))}
    </section>
  );
}
