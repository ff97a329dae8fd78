// The form "Đăng ký" and "Quên mật khẩu" share: a code to the phone or the e-mail, then the code
// and a new password (the rules shown first), then the caller's action — and the citizen is signed
// in with that phone or e-mail and the new password. Errors (wrong or expired code, too many tries)
// are the server's words, announced under the form.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../../api/auth';
import { SubmitButton } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { shownError, type ShownError } from '../../ui/errors';
import { navigate } from '../../ui/router';
import type { CodeSent, Contact } from './api';
import { CodeRequestFields } from './CodeRequestFields';
import { usePortalAccountT } from './i18n';
import { PasswordFields, passwordProblems, type PasswordProblems } from './PasswordFields';
import { useCodeRequest } from './useCodeRequest';

interface CodePasswordFormProps {
  readonly name: string;
  readonly sendCode: (contact: Contact) => Promise<CodeSent>;
  /** fields asked before the password (the register page's name); their problems, or null when fine */
  readonly extra?: ReactNode;
  readonly checkExtra?: () => boolean;
  readonly passwordLabel: string;
  readonly submitText: string;
  readonly busyText: string;
  readonly act: (contact: Contact, code: string, password: string) => Promise<void>;
  /** where the signed-in citizen goes next */
  readonly next: string;
}

export function CodePasswordForm(props: CodePasswordFormProps) {
  const t = usePortalAccountT();
  const { t: tApp } = useTranslation();
  const request = useCodeRequest(props.sendCode);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<PasswordProblems & { code?: string }>({});
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!request.sent) { await request.send(); return; }
    const found = { ...(!/^\d{6}$/.test(code.trim()) ? { code: t('codeRequired') } : {}), ...passwordProblems(t, password, confirm) };
    const extraOk = props.checkExtra?.() ?? true;
    setProblems(found);
    if (Object.keys(found).length > 0 || !extraOk) return;
    setBusy(true); setError(null);
    try {
      await props.act(request.contact, code.trim(), password);
      await login(request.contact.value.trim(), password);
      navigate(props.next);
    } catch (e) {
      setError(shownError(e, tApp));
      setBusy(false);
    }
  };

  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
      <CodeRequestFields request={request} name={props.name} />
      {request.sent && (
        <>
          <Field label={t('code')} value={code} error={problems.code ?? null} inputMode="numeric" autoComplete="one-time-code" maxLength={6}
            onChange={(e) => setCode(e.target.value)} />
          {props.extra}
          <PasswordFields label={props.passwordLabel} password={password} confirm={confirm} problems={problems} onPassword={setPassword} onConfirm={setConfirm} />
          <SubmitButton busy={busy} busyText={props.busyText} text={props.submitText} />
          <ErrorNotice error={error} />
        </>
      )}
    </form>
  );
}
