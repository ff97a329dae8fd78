// The papers of a dossier: name, originals and copies, whether required, a note.
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { FieldGroup, SelectField } from '../form-parts';
import { paperRequirements, type Paper } from './api';
import { numberOf, textOfNumber } from './inputs';
import { useCatalogAdminT } from './i18n';

export function PapersEditor({ papers, onChange }: { readonly papers: readonly Paper[]; readonly onChange: (papers: Paper[]) => void }) {
  const t = useCatalogAdminT();
  const set = (i: number, patch: Partial<Paper>) => onChange(papers.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const count = (text: string) => numberOf(text, false) ?? Number.NaN;
  return (
    <FieldGroup legend={t('papersTitle')}>
      {papers.map((p, i) => (
        <fieldset key={i} className="admin-group catalog-item">
          <legend>{t('paperN', { n: i + 1 })}</legend>
          <Field label={t('paperName')} value={p.name} onChange={(e) => set(i, { name: e.target.value })} maxLength={2000} />
          <div className="admin-grid">
            <Field label={t('originals')} type="number" min={0} max={99} value={textOfNumber(p.originals)} onChange={(e) => set(i, { originals: count(e.target.value) })} />
            <Field label={t('copies')} type="number" min={0} max={99} value={textOfNumber(p.copies)} onChange={(e) => set(i, { copies: count(e.target.value) })} />
            <SelectField label={t('requirement')} value={p.requirement ?? 'required'} options={paperRequirements} optionText={(r) => t(`req_${r}`)}
              onChange={(r) => { if (r) set(i, { requirement: r }); }} />
            <Field label={t('paperKey')} value={p.key} onChange={(e) => set(i, { key: e.target.value })} maxLength={60} />
          </div>
          <Field label={t('paperNote')} value={p.note ?? ''} onChange={(e) => set(i, { note: e.target.value.trim() === '' ? null : e.target.value })} maxLength={1000} />
          <Button kind="danger" onClick={() => onChange(papers.filter((_, j) => j !== i))}>{t('remove')} — {t('paperN', { n: i + 1 })}</Button>
        </fieldset>
      ))}
      <Button onClick={() => onChange([...papers, { key: `p${papers.length + 1}`, name: '', originals: 1, copies: 0, note: null, requirement: 'required' }])}>{t('addPaper')}</Button>
    </FieldGroup>
  );
}
