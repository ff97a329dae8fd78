// The cases of a procedure, each with its time limit; 0 days is same day and needs its cut-off.
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { FieldGroup, SelectField } from '../form-parts';
import { durationUnits, type ProcedureCase } from './api';
import { numberOf, textOfNumber } from './inputs';
import { useCatalogAdminT } from './i18n';

export function CasesEditor({ cases, onChange }: { readonly cases: readonly ProcedureCase[]; readonly onChange: (cases: ProcedureCase[]) => void }) {
  const t = useCatalogAdminT();
  const set = (i: number, patch: Partial<ProcedureCase>) => onChange(cases.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <FieldGroup legend={t('casesTitle')}>
      {cases.length === 0 && <p className="muted">{t('noCases')}</p>}
      {cases.map((c, i) => (
        <fieldset key={i} className="admin-group catalog-item">
          <legend>{t('caseN', { n: i + 1 })}</legend>
          <div className="admin-grid">
            <Field label={t('caseKey')} value={c.key} onChange={(e) => set(i, { key: e.target.value })} maxLength={60} />
            <Field label={t('caseName')} value={c.name} onChange={(e) => set(i, { name: e.target.value })} maxLength={500} />
            <Field label={t('durationValueDays')} type="number" min={0} max={365} step="any" value={textOfNumber(c.durationValue)}
              onChange={(e) => set(i, { durationValue: numberOf(e.target.value, false) ?? Number.NaN })} />
            <SelectField label={t('f_durationUnit')} value={c.durationUnit} options={durationUnits} optionText={(u) => t(`unit_${u}`)}
              onChange={(u) => { if (u) set(i, { durationUnit: u }); }} />
            <Field label={t('f_cutoff')} hint={t('cutoffHint')} value={c.cutoff ?? ''} placeholder="15:00" inputMode="numeric"
              onChange={(e) => set(i, { cutoff: e.target.value.trim() === '' ? null : e.target.value.trim() })} maxLength={5} />
          </div>
          <Button kind="danger" onClick={() => onChange(cases.filter((_, j) => j !== i))}>{t('remove')} — {t('caseN', { n: i + 1 })}</Button>
        </fieldset>
      ))}
      <Button onClick={() => onChange([...cases, { key: `th${cases.length + 1}`, name: '', durationValue: 0, durationUnit: 'working_days', cutoff: '15:00' }])}>{t('addCase')}</Button>
    </FieldGroup>
  );
}
