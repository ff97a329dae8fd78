// Change one's own password: current, new, new again.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { changePassword } from '../api/auth';
import { errorDetails, errorMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/page';
import { SubmitButton } from '../ui/Button';

/** Mirrors the server's rule (accounts/model.ts); the server has the last word. */
export const MIN_PASSWORD_LENGTH = 10;

interface ChangePasswordPageProps {
  /** For password managers: which account the new password belongs to. */
  readonly username: string;
  readonly onSessionLost: () => void;
  /** The password was handed over by an administrator: this screen is the only one until it is changed. */
  readonly required?: boolean;
  /** Called once the password is changed. */
  readonly onChanged?: () => void;
}

type Problems = { current?: string; next?: string; confirm?: string; form?: string; details?: readonly string[] };

export function ChangePasswordPage({ username, onSessionLost, required = false, onChanged }: ChangePasswordPageProps) {
  const { t } = useTranslation();
  const title = required ? t('password.requiredTitle') : t('password.title');
  useDocumentTitle(title);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [done, setDone] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const refs = { current: useRef<HTMLInputElement>(null), next: useRef<HTMLInputElement>(null), confirm: useRef<HTMLInputElement>(null) };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found: Problems = {};
    if (current === '') found.current = t('password.currentRequired');
    if (next.length < MIN_PASSWORD_LENGTH) found.next = t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
    else if (next !== confirm) found.confirm = t('password.mismatch');
    const first = (['current', 'next', 'confirm'] as const).find((k) => found[k]);
    if (first) {
      setProblems(found);
      refs[first].current?.focus();
      return;
    }
    setProblems({});
    setSubmitting(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      onChanged?.();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && e.code !== 'INVALID_CREDENTIALS') {
        onSessionLost();
        return;
      }
      const throttled = e instanceof ApiError && e.status === 429;
      setProblems({ form: throttled ? t('password.throttled') : errorMessage(e, t), details: throttled ? [] : errorDetails(e) });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="narrow">
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{required ? t('password.requiredIntro', { min: MIN_PASSWORD_LENGTH }) : t('password.intro', { min: MIN_PASSWORD_LENGTH })}</p>
      <Notice tone="success">{done ? t('password.done') : null}</Notice>
      <Notice tone="error">
        {problems.form && (
          <>
            <p>{problems.form}</p>
            {problems.details && problems.details.length > 0 && (
              <ul>{problems.details.map((d) => <li key={d}>{d}</li>)}</ul>
            )}
          </>
        )}
      </Notice>
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <Field ref={refs.current} label={t('password.current')} name="currentPassword" type="password"
          autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)}
          error={problems.current ?? null} />
        <Field ref={refs.next} label={t('password.next')} name="newPassword" type="password"
          autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} value={next}
          onChange={(e) => setNext(e.target.value)} error={problems.next ?? null} />
        <Field ref={refs.confirm} label={t('password.confirm')} name="confirmPassword" type="password"
          autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)}
          error={problems.confirm ?? null} />
        <SubmitButton busy={submitting} busyText={t('password.submitting')} text={t('password.submit')} />
      </form>
    </div>
  );
}
