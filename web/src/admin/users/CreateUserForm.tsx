// Creates an account with its role and scope; the server answers with a one-time password.
import { useState, type FormEvent } from 'react';
import { AdminForm, useSaving } from '../saving';
import { useTranslation } from 'react-i18next';
import { roles, type Role, type User } from '../../api/types';
import { Button, SubmitButton } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { SelectField } from '../form-parts';
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
  const saving = useSaving();
  const text = (k: Exclude<keyof typeof d, 'role'>) => (v: string) => setD({ ...d, [k]: v });
  const scopeKind = d.role === '' ? 'unit' : scopeKindOf[d.role];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (d.username.trim() === '') problems['username'] = `${t('username')}: ${t('required')}`;
    if (d.fullName.trim() === '') problems['fullName'] = `${t('fullName')}: ${t('required')}`;
    saving.setProblems(problems);
    const role = d.role;
    if (Object.keys(problems).length > 0 || role === '') return;
    await saving.run(async () => {
      const created = await createUser({
        username: d.username.trim(), fullName: d.fullName.trim(), role,
        ...(d.scopeCode.trim() ? { scopeCode: d.scopeCode.trim() } : {}),
        ...(d.email.trim() ? { email: d.email.trim() } : {}), ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
      });
      onCreated(created.user, created.password);
    });
  };

  return (
    <AdminForm titleId="user-new-title" title={t('createTitle')} saving={saving} lead={t('formProblems')} onSubmit={submit}>
      <div className="admin-grid">
        <Field label={t('username')} hint={t('usernameHint')} value={d.username} onChange={(e) => text('username')(e.target.value)} error={saving.err('username')} maxLength={40} autoComplete="off" />
        <Field label={t('fullName')} value={d.fullName} onChange={(e) => text('fullName')(e.target.value)} error={saving.err('fullName')} maxLength={200} autoComplete="off" />
        <SelectField label={t('role')} value={d.role} options={staffRoles} optionText={(r) => tApp(`roles.${r}`)} onChange={(role) => setD({ ...d, role })} error={saving.err('role')} />
        <Field label={t('scopeCode')} hint={t(`scopeHint_${scopeKind}`)} value={d.scopeCode} onChange={(e) => text('scopeCode')(e.target.value)} error={saving.err('scope') ?? saving.err('scopeCode')} maxLength={60} autoComplete="off" />
        <Field label={t('email')} type="email" value={d.email} onChange={(e) => text('email')(e.target.value)} error={saving.err('email')} maxLength={200} />
        <Field label={t('phone')} inputMode="tel" value={d.phone} onChange={(e) => text('phone')(e.target.value)} error={saving.err('phone')} maxLength={15} />
      </div>
      <SubmitButton busy={saving.busy} busyText={t('creating')} text={t('create')}>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </SubmitButton>
    </AdminForm>
  );
}
