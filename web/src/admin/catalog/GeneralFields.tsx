// The general part of a version: name, field, who decides (level, agency text, competent body),
// time limit and cut-off, online level, postal, filing anywhere, place-tied, result.
import { Field } from '../../ui/Field';
import { FieldGroup, SelectField } from '../form-parts';
import { bodyKinds, bodyLevels, competentLevels, durationUnits, onlineLevels, resultTypes, type CompetentBody, type ProcedureContent } from './api';
import { CheckField, numberOf, textOfNumber } from './inputs';
import { useCatalogAdminT } from './i18n';

export function GeneralFields({ content: c, onChange }: { readonly content: ProcedureContent; readonly onChange: (patch: Partial<ProcedureContent>) => void }) {
  const t = useCatalogAdminT();
  const body = c.competentBody;
  const setBody = (patch: Partial<CompetentBody>) => onChange({ competentBody: { kind: 'people_committee', level: 'commune', functionCode: null, ...body, ...patch } });
  return (
    <>
      <FieldGroup legend={t('general')}>
        <Field label={t('f_name')} value={c.name} onChange={(e) => onChange({ name: e.target.value })} maxLength={500} />
        <div className="admin-grid">
          <Field label={t('f_field')} value={c.field} onChange={(e) => onChange({ field: e.target.value })} maxLength={200} />
          <SelectField label={t('f_competentLevel')} value={c.competentLevel} options={competentLevels} optionText={(l) => t(`level_${l}`)}
            onChange={(l) => { if (l) onChange({ competentLevel: l }); }} />
          <Field label={t('f_competentAgency')} value={c.competentAgency} onChange={(e) => onChange({ competentAgency: e.target.value })} maxLength={500} />
        </div>
        <fieldset className="admin-group">
          <legend>{t('f_competentBody')}</legend>
          <div className="admin-grid">
            <SelectField label={t('bodyKind')} value={body?.kind ?? ''} options={bodyKinds} optionText={(k) => t(`body_${k}`)} placeholder={t('bodyNone')}
              onChange={(k) => (k === '' ? onChange({ competentBody: null }) : setBody({ kind: k, functionCode: k === 'provincial_department' ? body?.functionCode ?? null : k === 'social_insurance' ? 'bhxh' : null }))} />
            {body && (
              <SelectField label={t('bodyLevel')} value={body.level} options={bodyLevels} optionText={(l) => t(`bodyLevel_${l}`)}
                onChange={(l) => { if (l) setBody({ level: l }); }} />
            )}
            {body && (body.kind === 'provincial_department' || body.kind === 'social_insurance') && (
              <Field label={t('bodyFunction')} hint={t('bodyFunctionHint')} value={body.functionCode ?? ''} maxLength={60}
                onChange={(e) => setBody({ functionCode: e.target.value.trim() === '' ? null : e.target.value.trim() })} />
            )}
          </div>
        </fieldset>
        <div className="admin-grid">
          <Field label={t('durationValueDays')} type="number" min={0} max={365} step="any" value={textOfNumber(c.durationValue)}
            onChange={(e) => onChange({ durationValue: numberOf(e.target.value, false) ?? Number.NaN })} />
          <SelectField label={t('f_durationUnit')} value={c.durationUnit} options={durationUnits} optionText={(u) => t(`unit_${u}`)}
            onChange={(u) => { if (u) onChange({ durationUnit: u }); }} />
          <Field label={t('f_cutoff')} hint={t('cutoffHint')} value={c.cutoff ?? ''} placeholder="15:00" inputMode="numeric" maxLength={5}
            onChange={(e) => onChange({ cutoff: e.target.value.trim() === '' ? null : e.target.value.trim() })} />
          <SelectField label={t('f_onlineLevel')} value={c.onlineLevel} options={onlineLevels} optionText={(l) => t(`online_${l}`)}
            onChange={(l) => { if (l) onChange({ onlineLevel: l }); }} />
          <SelectField label={t('f_resultType')} value={c.resultType} options={resultTypes} optionText={(r) => t(`result_${r}`)}
            onChange={(r) => { if (r) onChange({ resultType: r }); }} />
          <Field label={t('f_resultDescription')} value={c.resultDescription ?? ''} maxLength={1000}
            onChange={(e) => onChange({ resultDescription: e.target.value.trim() === '' ? null : e.target.value })} />
        </div>
        <CheckField label={t('f_postalAllowed')} checked={c.postalAllowed} onChange={(postalAllowed) => onChange({ postalAllowed })} />
        <CheckField label={t('f_filingAnywhere')} checked={c.filingAnywhere} onChange={(filingAnywhere) => onChange({ filingAnywhere })} />
        <CheckField label={t('f_placeTied')} checked={c.placeTied} onChange={(placeTied) => onChange({ placeTied })} />
      </FieldGroup>
    </>
  );
}
