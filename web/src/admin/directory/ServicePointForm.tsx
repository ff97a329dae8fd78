// Adds a service point or edits one: where it is, who receives there, its weekly opening hours
// (lunch break, Saturday intake) and its counters.
import { useState, type FormEvent } from 'react';
import { AdminForm, useSaving } from '../saving';
import { Button, SubmitButton } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { civilOfText, DateField, SelectField, textOfCivil } from '../form-parts';
import { createServicePoint, servicePointKinds, updateServicePoint, type Counter, type ServicePoint, type ServicePointKind } from './api';
import { draftOfHours, emptyHours, hoursOfDraft, type Weekday } from './hours';
import { HoursEditor } from './HoursEditor';
import { useDirectoryT } from './i18n';

type Editable = ServicePoint & { readonly counters: readonly Counter[] };

export function ServicePointForm({ point, onCancel, onSaved }: { readonly point: Editable | null; readonly onCancel: () => void; readonly onSaved: () => void }) {
  const t = useDirectoryT();
  const [d, setD] = useState({
    code: point?.code ?? '', name: point?.name ?? '', kind: (point?.kind ?? 'post_office') as ServicePointKind | '', unitCode: point?.unitCode ?? '',
    receivingAgency: point?.receivingAgency ?? '', address: point?.address ?? '', phone: point?.phone ?? '',
    validFrom: textOfCivil(point?.validFrom), validTo: textOfCivil(point?.validTo),
    counters: (point?.counters ?? []).filter((c) => c.active).map((c) => c.code).join(', '),
  });
  const [hours, setHours] = useState(point ? draftOfHours(point.openingHours) : emptyHours());
  const [badDays, setBadDays] = useState<readonly Weekday[]>([]);
  const saving = useSaving();
  const text = (k: Exclude<keyof typeof d, 'kind'>) => (v: string) => setD({ ...d, [k]: v });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const validFrom = civilOfText(d.validFrom);
    const validTo = d.validTo.trim() === '' ? null : civilOfText(d.validTo);
    const weekly = hoursOfDraft(hours);
    const problems: Record<string, string> = {};
    if (!validFrom) problems['validFrom'] = t('dateInvalid');
    if (validTo === null && d.validTo.trim() !== '') problems['validTo'] = t('dateInvalid');
    for (const day of weekly.badDays) problems[`day${day}`] = t('timeInvalid', { day: t(`weekday${day}`) });
    saving.setProblems(problems);
    setBadDays(weekly.badDays);
    if (Object.keys(problems).length > 0) return;
    const named = new Map((point?.counters ?? []).map((c) => [c.code, c.name]));
    const counters = d.counters.split(/[,;\s]+/).map((c) => c.trim().toUpperCase()).filter(Boolean)
      .map((code) => (named.has(code) ? { code, name: named.get(code) } : { code }));
    const body = {
      name: d.name, kind: d.kind, unitCode: d.unitCode.trim(), receivingAgency: d.receivingAgency.trim() || null, address: d.address,
      phone: d.phone.trim() || null, openingHours: weekly.hours, validFrom, validTo, counters,
    };
    await saving.run(async () => {
      if (point) await updateServicePoint(point.code, body);
      else await createServicePoint({ ...body, code: d.code.trim() });
      onSaved();
    });
  };

  return (
    <AdminForm titleId="point-form-title" title={point ? `${t('edit')}: ${point.name}` : t('newPoint')} saving={saving} lead={t('formProblems')} onSubmit={submit}>
      <div className="admin-grid">
        <Field label={t('code')} value={d.code} readOnly={point !== null} onChange={(e) => text('code')(e.target.value)} error={saving.err('code')} maxLength={40} />
        <Field label={t('name')} value={d.name} onChange={(e) => text('name')(e.target.value)} error={saving.err('name')} maxLength={300} />
        <SelectField label={t('kind')} value={d.kind} options={servicePointKinds} optionText={(k) => t(`point_${k}`)} onChange={(kind) => setD({ ...d, kind })} error={saving.err('kind')} />
        <Field label={t('unitCode')} value={d.unitCode} onChange={(e) => text('unitCode')(e.target.value)} error={saving.err('unitCode')} maxLength={40} />
        <Field label={t('receivingAgency')} hint={t('receivingAgencyHint')} value={d.receivingAgency} onChange={(e) => text('receivingAgency')(e.target.value)} error={saving.err('receivingAgency')} maxLength={40} />
        <Field label={t('phone')} value={d.phone} onChange={(e) => text('phone')(e.target.value)} error={saving.err('phone')} maxLength={30} />
        <DateField label={t('validFrom')} value={d.validFrom} onChange={text('validFrom')} error={saving.err('validFrom')} />
        <DateField label={t('validTo')} value={d.validTo} onChange={text('validTo')} error={saving.err('validTo')} />
      </div>
      <Field label={t('address')} value={d.address} onChange={(e) => text('address')(e.target.value)} error={saving.err('address')} maxLength={500} />
      <Field label={t('counters')} hint={t('countersHint')} value={d.counters} onChange={(e) => text('counters')(e.target.value)} error={saving.err('counters')} />
      <HoursEditor draft={hours} onChange={setHours} badDays={badDays} t={t} />
      {saving.err('openingHours') && <p className="field__error">{saving.err('openingHours')}</p>}
      <SubmitButton busy={saving.busy} busyText={t('saving')} text={t('save')}>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </SubmitButton>
    </AdminForm>
  );
}
