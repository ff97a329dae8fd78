// Adds a unit in force from a date, with the units it was formed from (merged wholly or split):
// the server records the succession and ends the old units on that day.
import { useState, type FormEvent } from 'react';
import { AdminForm, useSaving } from '../saving';
import { Button, SubmitButton } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { civilOfText, DateField, SelectField } from '../form-parts';
import { createUnit, unitKinds, type UnitKind, type UnitLevel } from './api';
import { useDirectoryT } from './i18n';

const codesOf = (text: string) => text.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean);
const levels = ['province', 'commune', 'district'] as const satisfies readonly UnitLevel[];

export function UnitCreateForm({ onCancel, onCreated }: { readonly onCancel: () => void; readonly onCreated: (code: string, validFrom: string) => void }) {
  const t = useDirectoryT();
  const [d, setD] = useState({ code: '', name: '', kind: 'xa' as UnitKind | '', level: 'commune' as UnitLevel | '', parentCode: '82', validFrom: '', formedFrom: '', partiallyFrom: '', legalSource: '' });
  const saving = useSaving();
  const set = (k: keyof typeof d) => (v: string) => setD({ ...d, [k]: v });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const validFrom = civilOfText(d.validFrom);
    const problems: Record<string, string> = {};
    if (!validFrom) problems['validFrom'] = t('dateInvalid');
    for (const k of ['code', 'name'] as const) if (d[k].trim() === '') problems[k] = t('required');
    saving.setProblems(problems);
    if (Object.keys(problems).length > 0 || !validFrom) return;
    await saving.run(async () => {
      const created = await createUnit({
        code: d.code.trim(), name: d.name, kind: d.kind, level: d.level, validFrom,
        ...(d.level !== 'province' && d.parentCode.trim() ? { parentCode: d.parentCode.trim() } : {}),
        formedFrom: codesOf(d.formedFrom), partiallyFrom: codesOf(d.partiallyFrom),
        ...(d.legalSource.trim() ? { legalSource: d.legalSource.trim() } : {}),
      });
      onCreated(created.code, created.validFrom);
    });
  };

  return (
    <AdminForm titleId="unit-new-title" title={t('newUnit')} saving={saving} lead={t('formProblems')} onSubmit={submit}>
      <div className="admin-grid">
        <Field label={t('code')} value={d.code} onChange={(e) => set('code')(e.target.value)} error={saving.err('code')} maxLength={40} />
        <Field label={t('name')} value={d.name} onChange={(e) => set('name')(e.target.value)} error={saving.err('name')} maxLength={200} />
        <SelectField label={t('level')} value={d.level} options={levels} optionText={(l) => t(`level_${l}`)} onChange={set('level')} error={saving.err('level')} />
        <SelectField label={t('kind')} value={d.kind} options={unitKinds} optionText={(k) => t(`kind_${k}`)} onChange={set('kind')} error={saving.err('kind')} />
        {d.level !== 'province' && <Field label={t('parentCode')} hint={t('parentHint')} value={d.parentCode} onChange={(e) => set('parentCode')(e.target.value)} error={saving.err('parentCode')} maxLength={40} />}
        <DateField label={t('validFrom')} value={d.validFrom} onChange={set('validFrom')} error={saving.err('validFrom')} />
      </div>
      <Field label={t('formedFrom')} hint={t('formedFromHint')} value={d.formedFrom} onChange={(e) => set('formedFrom')(e.target.value)} error={saving.err('formedFrom')} />
      <Field label={t('partiallyFrom')} value={d.partiallyFrom} onChange={(e) => set('partiallyFrom')(e.target.value)} error={saving.err('partiallyFrom')} />
      <Field label={t('legalSource')} hint={t('legalSourceHint')} value={d.legalSource} onChange={(e) => set('legalSource')(e.target.value)} error={saving.err('legalSource')} maxLength={300} />
      <SubmitButton busy={saving.busy} busyText={t('saving')} text={t('save')}>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </SubmitButton>
    </AdminForm>
  );
}
