// Creates an account with its role and scope; the server answers with a one-time password.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role, type User } from '../../api/types';
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shownError, type ShownError } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { fieldError, SelectField } from '../form-parts';
import { createUser } from './api';
import { useUsersT } from './i18n';

/** The kind of scope each role is bound to (accounts' roleScopeKind, as the form explains it). */
export const scopeKindOf = {
  admin: 'unit', clerk: 'servicePoint', courier: 'servicePoint', officer: 'agency', approver: 'agency', supervisor: 'unit', citizen: 'self',
} as const satisfies Record<Role, 'unit' | 'agency' | 'servicePoint' | 'self'>;

const staffRoles = roles.filter((r) => r !== 'citizen');

export function CreateUserForm({ onCancel, onCreated }: { readonly onCancel: () => void; readonly onCreated: (user: User, password: string) => void }) {
  const t = useUsersT();
  const { t: tApp } = useTranslation();
  const [d, setD] = useState({ username: '', fullName: '', role: 'clerk' as Role | '', scopeCode: '', email: '', phone: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const text = (k: Exclude<keyof typeof d, 'role'>) => (v: string) => setD({ ...d, [k]: v });
  const scopeKind = d.role === '' ? 'unit' : scopeKindOf[d.role];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (d.username.trim() === '') problems['username'] = `${t('username')}: ${t('required')}`;
    if (d.fullName.trim() === '') problems['fullName'] = `${t('fullName')}: ${t('required')}`;
    setLocal(problems);
    if (Object.keys(problems).length > 0 || d.role === '') return;
    setBusy(true);
    try {
      const created = await createUser({
        username: d.username.trim(), fullName: d.fullName.trim(), role: d.role,
        ...(d.scopeCode.trim() ? { scopeCode: d.scopeCode.trim() } : {}),
        ...(d.email.trim() ? { email: d.email.trim() } : {}), ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
      });
      onCreated(created.user, created.password);
    } catch (err) {
      setError(err); setShown(shownError(err, tApp));
    } finally {
      setBusy(false);
    }
  };
  const err = (field: string) => local[field] ?? fieldError(error, field);

  return (
    <form className="admin-panel form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="user-new-title">
      <h2 id="user-new-title">{t('createTitle')}</h2>
      <ErrorNotice error={shown} problems={{ lead: t('formProblems'), lines: Object.values(local) }} />
      <div className="admin-grid">
        <Field label={t('username')} hint={t('usernameHint')} value={d.username} onChange={(e) => text('username')(e.target.value)} error={err('username')} maxLength={40} autoComplete="off" />
        <Field label={t('fullName')} value={d.fullName} onChange={(e) => text('fullName')(e.target.value)} error={err('fullName')} maxLength={200} autoComplete="off" />
        <SelectField label={t('role')} value={d.role} options={staffRoles} optionText={(r) => tApp(`roles.${r}`)} onChange={(role) => setD({ ...d, role })} error={err('role')} />
        <Field label={t('scopeCode')} hint={t(`scopeHint_${scopeKind}`)} value={d.scopeCode} onChange={(e) => text('scopeCode')(e.target.value)} error={err('scope') ?? err('scopeCode')} maxLength={60} autoComplete="off" />
        <Field label={t('email')} type="email" value={d.email} onChange={(e) => text('email')(e.target.value)} error={err('email')} maxLength={200} />
        <Field label={t('phone')} inputMode="tel" value={d.phone} onChange={(e) => text('phone')(e.target.value)} error={err('phone')} maxLength={15} />
      </div>
      <div className="form__actions">
        <Button kind="primary" type="submit" disabled={busy}>{busy ? t('creating') : t('create')}</Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
