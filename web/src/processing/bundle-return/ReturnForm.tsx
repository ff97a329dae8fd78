// Returns every returnable member of a bundle at the counter in one action: the recipient's name
// (the applicant's by default) and one primary button; signed now.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shownError } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { useTask } from '../../ui/useTask';
import { useBundleT } from '../bundle-i18n';
import { returnBundle } from './api';

interface Props {
  readonly code: string;
  readonly applicantName: string;
  readonly count: number;
  readonly onReturned: (r: { code: string; count: number }) => void;
}

export function ReturnForm({ code, applicantName, count, onReturned }: Props) {
  const b = useBundleT();
  const { t: tApp } = useTranslation();
  const task = useTask();
  const [name, setName] = useState(applicantName);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await task.run(() => returnBundle(code, name));
    if (r) onReturned({ code, count: r.returned.length });
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <ErrorNotice error={task.error ? shownError(task.error, tApp) : null} />
      <Field label={b('recipient')} value={name} required maxLength={100} autoComplete="off" onChange={(e) => setName(e.target.value)} />
      <div className="form__actions">
        <Button kind="primary" type="submit" disabled={task.busy || name.trim() === ''} aria-label={b('returnButtonFor', { count, code })}>{b('returnButton', { count })}</Button>
      </div>
    </form>
  );
}
