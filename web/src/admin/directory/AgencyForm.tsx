// Adds an agency, or edits one version of it (the identifier and its start day stay).
import { useState, type FormEvent } from 'react';
import { AdminForm, useSaving } from '../saving';
import { Button, SubmitButton } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { civilOfText, DateField, SelectField, textOfCivil } from '../form-parts';
import { agencyPhoneProblem } from '../../../../src/shared/agency-phone';
import { agencyHandovers, agencyKinds, agencyLevels, createAgency, updateAgency, type Agency, type AgencyHandover, type AgencyKind, type AgencyLevel } from './api';
import { useDirectoryT } from './i18n';

export function AgencyForm({ agency, onCancel, onSaved }: { readonly agency: Agency | null; readonly onCancel: () => void; readonly onSaved: () => void }) {
  const t = useDirectoryT();
  const [d, setD] = useState({
    identifier: agency?.identifier ?? '', name: agency?.name ?? '', kind: (agency?.kind ?? 'people_committee') as AgencyKind | '',
    level: (agency?.level ?? 'commune') as AgencyLevel | '', unitCode: agency?.unitCode ?? '', parentIdentifier: agency?.parentIdentifier ?? '',
    functionCode: '', handover: (agency?.handover ?? 'paper') as AgencyHandover, identifierConfirmed: agency?.identifierConfirmed ?? false, validFrom: textOfCivil(agency?.validFrom), validTo: textOfCivil(agency?.validTo),
    address: agency?.address ?? '', phone: agency?.phone ?? '',
  });
  const saving = useSaving();
  const text = (k: 'identifier' | 'name' | 'unitCode' | 'parentIdentifier' | 'functionCode' | 'validFrom' | 'validTo' | 'address' | 'phone') => (v: string) => setD({ ...d, [k]: v });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const validFrom = civilOfText(d.validFrom);
    const validTo = d.validTo.trim() === '' ? null : civilOfText(d.validTo);
    const problems: Record<string, string> = {};
    if (!agency && !validFrom) problems['validFrom'] = t('dateInvalid');
    if (validTo === null && d.validTo.trim() !== '') problems['validTo'] = t('dateInvalid');
    // the API's rule (src/shared/agency-phone.ts), so the message comes before the round trip
    const phoneProblem = agencyPhoneProblem(d.phone);
    if (phoneProblem) problems['phone'] = phoneProblem;
    saving.setProblems(problems);
    if (Object.keys(problems).length > 0) return;
    const body = {
      name: d.name, kind: d.kind, level: d.level, unitCode: d.unitCode.trim(), parentIdentifier: d.parentIdentifier.trim() || null,
      identifierConfirmed: d.identifierConfirmed, handover: d.handover, validTo, address: d.address.trim() || null, phone: d.phone.trim() || null, ...(d.functionCode.trim() ? { functionCode: d.functionCode.trim() } : {}),
    };
    await saving.run(async () => {
      if (agency) await updateAgency(agency.identifier, agency.validFrom, body);
      else await createAgency({ ...body, identifier: d.identifier.trim(), validFrom });
      onSaved();
    });
  };

  return (
    <AdminForm titleId="agency-form-title" title={agency ? `${t('edit')}: ${agency.name}` : t('newAgency')} saving={saving} lead={t('formProblems')} onSubmit={submit}>
      <div className="admin-grid">
        <Field label={t('identifier')} hint={t('identifierHint')} value={d.identifier} readOnly={agency !== null} onChange={(e) => text('identifier')(e.target.value)} error={saving.err('identifier')} maxLength={40} />
        <Field label={t('name')} value={d.name} onChange={(e) => text('name')(e.target.value)} error={saving.err('name')} maxLength={300} />
        <SelectField label={t('kind')} value={d.kind} options={agencyKinds} optionText={(k) => t(`agency_${k}`)} onChange={(kind) => setD({ ...d, kind })} error={saving.err('kind')} />
        <SelectField label={t('level')} value={d.level} options={agencyLevels} optionText={(l) => t(`level_${l}`)} onChange={(level) => setD({ ...d, level })} error={saving.err('level')} />
        <Field label={t('unitCode')} value={d.unitCode} onChange={(e) => text('unitCode')(e.target.value)} error={saving.err('unitCode')} maxLength={40} />
        <Field label={t('parentIdentifier')} value={d.parentIdentifier} onChange={(e) => text('parentIdentifier')(e.target.value)} error={saving.err('parentIdentifier')} maxLength={40} />
        <Field label={t('functionCode')} hint={t('functionCodeHint')} value={d.functionCode} onChange={(e) => text('functionCode')(e.target.value)} error={saving.err('functionCode')} maxLength={40} />
        <SelectField label={t('handover')} hint={t('handoverHint')} value={d.handover} options={agencyHandovers} optionText={(h) => t(`handover_${h}`)} onChange={(handover) => setD({ ...d, handover: handover || 'paper' })} error={saving.err('handover')} />
        <Field label={t('agencyPhone')} hint={t('agencyPhoneHint')} type="tel" inputMode="tel" autoComplete="off" value={d.phone} onChange={(e) => text('phone')(e.target.value)} error={saving.err('phone')} maxLength={30} />
        <DateField label={t('validFrom')} value={d.validFrom} onChange={text('validFrom')} error={saving.err('validFrom')} />
        <DateField label={t('validTo')} value={d.validTo} onChange={text('validTo')} error={saving.err('validTo')} />
      </div>
      <Field label={t('agencyAddress')} hint={t('agencyAddressHint')} autoComplete="off" value={d.address} onChange={(e) => text('address')(e.target.value)} error={saving.err('address')} maxLength={500} />
      <label><input type="checkbox" checked={d.identifierConfirmed} onChange={(e) => setD({ ...d, identifierConfirmed: e.target.checked })} /> {t('identifierConfirmed')}</label>
      <SubmitButton busy={saving.busy} busyText={t('saving')} text={t('save')}>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </SubmitButton>
    </AdminForm>
  );
}
