// A period (from, to) in dd/mm/yyyy, checked before it is sent.
import { useState, type FormEvent } from 'react';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { useSupervisionT } from './i18n';

export function PeriodForm({ from, to, onSubmit, submit, busy = false }: {
  readonly from: string; readonly to: string; readonly submit: string; readonly busy?: boolean;
  readonly onSubmit: (from: string, to: string) => void;
}) {
  const t = useSupervisionT();
  const [f, setF] = useState(from);
  const [tt, setT] = useState(to);
  const [error, setError] = useState<string | null>(null);
  const handle = (event: FormEvent) => {
    event.preventDefault();
    if (!f || !tt || f > tt) { setError(t('periodInvalid')); return; }
    setError(null);
    onSubmit(f, tt);
  };
  return (
    <form className="form form--inline" onSubmit={handle} noValidate>
      <DateField label={t('from')} value={f} onChange={setF} error={error} required />
      <DateField label={t('to')} value={tt} onChange={setT} required />
      <div className="form__actions">
        <Button kind="primary" type="submit" disabled={busy}>{submit}</Button>
      </div>
    </form>
  );
}
