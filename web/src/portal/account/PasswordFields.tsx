// A new password twice, with its rules shown before the citizen types (the server's rules,
// src/accounts/model.ts passwordProblem; the server has the last word).
import { Field } from '../../ui/Field';
import { usePortalAccountT } from './i18n';

export const MIN_PASSWORD_LENGTH = 10;

export interface PasswordProblems {
  readonly password?: string;
  readonly confirm?: string;
}

/** What is wrong with the pair before it is sent. */
export function passwordProblems(t: ReturnType<typeof usePortalAccountT>, password: string, confirm: string): PasswordProblems {
  if (password.length < MIN_PASSWORD_LENGTH) return { password: t('passwordTooShort', { min: MIN_PASSWORD_LENGTH }) };
  if (password !== confirm) return { confirm: t('passwordMismatch') };
  return {};
}

interface PasswordFieldsProps {
  readonly label: string;
  readonly password: string;
  readonly confirm: string;
  readonly problems: PasswordProblems;
  readonly onPassword: (value: string) => void;
  readonly onConfirm: (value: string) => void;
}

export function PasswordFields({ label, password, confirm, problems, onPassword, onConfirm }: PasswordFieldsProps) {
  const t = usePortalAccountT();
  return (
    <>
      <div className="password-rules" id="password-rules">
        <p>{t('passwordRulesTitle')}</p>
        <ul>
          <li>{t('passwordRuleLength', { min: MIN_PASSWORD_LENGTH })}</li>
          <li>{t('passwordRuleName')}</li>
        </ul>
      </div>
      <Field label={label} type="password" autoComplete="new-password" value={password} minLength={MIN_PASSWORD_LENGTH}
        error={problems.password ?? null} onChange={(e) => onPassword(e.target.value)} />
      <Field label={t('confirmPassword')} type="password" autoComplete="new-password" value={confirm}
        error={problems.confirm ?? null} onChange={(e) => onConfirm(e.target.value)} />
    </>
  );
}
