// Corrects one version of a unit (name, kind as the legal list writes them) or ends it on a day.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, SubmitButton } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shownError, type ShownError } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { formatCivilDate } from '../../ui/dates';
import { civilOfText, DateField, fieldError, SelectField, textOfCivil } from '../form-parts';
import { unitKinds, updateUnit, type UnitKind, type UnitVersion } from './api';
import { useDirectoryT } from './i18n';

export function UnitCorrectForm({ version, onCancel, onSaved }: { readonly version: UnitVersion; readonly onCancel: () => void; readonly onSaved: () => void }) {
  const t = useDirectoryT();
  const { t: tApp } = useTranslation();
  const [name, setName] = useState(version.name);
  const [kind, setKind] = useState<UnitKind | ''>(version.kind as UnitKind);
  const [validTo, setValidTo] = useState(textOfCivil(version.validTo));
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<ShownError | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const end = validTo.trim() === '' ? null : civilOfText(validTo);
    if (end === null && validTo.trim() !== '') { setDateError(t('dateInvalid')); return; }
    setDateError(null);
    setBusy(true);
    try {
      await updateUnit(version.code, version.validFrom, { name, kind, validTo: end });
      onSaved();
    } catch (err) {
      setError(err); setShown(shownError(err, tApp));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <h4>{t('correctTitle', { from: formatCivilDate(version.validFrom) })}</h4>
      <p className="field__hint">{t('correctHint')}</p>
      <ErrorNotice error={shown} />
      <div className="admin-grid">
        <Field label={t('name')} value={name} onChange={(e) => setName(e.target.value)} error={fieldError(error, 'name')} maxLength={200} />
        <SelectField label={t('kind')} value={kind} options={unitKinds} optionText={(k) => t(`kind_${k}`)} onChange={setKind} error={fieldError(error, 'kind')} />
        <DateField label={t('validTo')} hint={t('validToHint')} value={validTo} onChange={setValidTo} error={dateError ?? fieldError(error, 'validTo')} />
      </div>
      <SubmitButton busy={busy} busyText={t('saving')} text={t('save')}>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </SubmitButton>
    </form>
  );
}
