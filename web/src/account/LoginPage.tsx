// Username and password; errors are announced in a live region.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../api/auth';
import type { User } from '../api/types';
import { errorMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/page';
import { SubmitButton } from '../ui/Button';
import { publicPaths } from '../public-paths';
import { Link } from '../ui/router';
import { EidLogin } from './EidLogin';

interface LoginPageProps {
  readonly onLoggedIn: (user: User) => void;
  readonly notice?: 'loggedOut' | null;
}

type Problems = { username?: string; password?: string; form?: string };

export function LoginPage({ onLoggedIn, notice = null }: LoginPageProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [submitting, setSubmitting] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Problems = {};
    if (username.trim() === '') missing.username = t('login.usernameRequired');
    if (password === '') missing.password = t('login.passwordRequired');
    if (missing.username || missing.password) {
      setProblems(missing);
      (missing.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setProblems({});
    setSubmitting(true);
    try {
      const result = await login(username.trim(), password);
      onLoggedIn(result.user);
    } catch (e) {
      setProblems({ form: errorMessage(e, t) });
      setPassword('');
      passwordRef.current?.focus();
      setSubmitting(false);
    }
  };

  return (
    <div className="login">
      <h1 tabIndex={-1}>{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <Notice tone="info">{notice === 'loggedOut' && !problems.form ? t('login.loggedOut') : null}</Notice>
      <Notice tone="error" id="login-error">{problems.form}</Notice>
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-describedby={problems.form ? 'login-error' : undefined}>
        <Field ref={usernameRef} label={t('login.username')} hint={t('login.usernameHint')} name="username" autoComplete="username" autoCapitalize="none"
          spellCheck={false} required value={username} onChange={(e) => setUsername(e.target.value)}
          error={problems.username ?? null} autoFocus />
        <Field ref={passwordRef} label={t('login.password')} name="password" type="password" autoComplete="current-password"
          required value={password} onChange={(e) => setPassword(e.target.value)} error={problems.password ?? null} />
        <SubmitButton busy={submitting} busyText={t('login.submitting')} text={t('login.submit')} />
      </form>
      <p className="login__links">
        <Link to={publicPaths.forgotPassword}>{t('login.forgotPassword')}</Link>
        <Link to={publicPaths.register}>{t('login.register')}</Link>
      </p>
      <EidLogin />
    </div>
  );
}
