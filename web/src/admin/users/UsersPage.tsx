// Users administration: filter by role, scope, state and name; create an account (its one-time
// password shown once); reset a password; disable or enable an account.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role, type User } from '../../api/types';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { MessageNotice, type NoticeMessage } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../form-parts';
import { LoadedTable } from '../../ui/Loaded';
import { useLoad } from '../../ui/useLoad';
import { fetchUsers, type UserFilter } from './api';
import { CreateUserForm, scopeKindOf } from './CreateUserForm';
import { useUsersT } from './i18n';
import { UserActions, type ActionOutcome } from './UserActions';
import '../admin.css';

function OneTimePassword({ user, password, onClose }: { readonly user: User; readonly password: string; readonly onClose: () => void }) {
  const t = useUsersT();
  return (
    <section className="admin-panel" aria-labelledby="otp-title" data-testid="one-time-password">
      <h2 id="otp-title">{t('passwordTitle', { username: user.username })}</h2>
      <p>{t('passwordOnce')}</p>
      <p className="admin-secret">{password}</p>
      <Button kind="primary" onClick={onClose}>{t('close')}</Button>
    </section>
  );
}

const states = ['true', 'false'] as const;

export function UsersPage({ user: me }: { readonly user: User }) {
  const t = useUsersT();
  const { t: tApp } = useTranslation();
  const [draft, setDraft] = useState<Required<UserFilter>>({ q: '', role: '', scopeCode: '', active: '' });
  const [filter, setFilter] = useState<UserFilter>(draft);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ user: User; password: string } | null>(null);
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  const { loaded, reload } = useLoad((signal) => fetchUsers(filter, signal), JSON.stringify(filter));
  const onSearch = (e: FormEvent) => { e.preventDefault(); setFilter({ ...draft, q: draft.q.trim(), scopeCode: draft.scopeCode.trim() }); };
  const onOutcome = (o: ActionOutcome) => {
    if (o.kind === 'password') { setSecret({ user: o.user, password: o.password }); setMessage(null); } else setMessage({ tone: o.kind === 'done' ? 'success' : 'error', text: o.text });
    reload();
  };

  const columns = [
    { key: 'username', header: t('colUsername'), cell: (u: User) => <>{u.username}{u.id === me.id && ` ${t('you')}`}</> },
    { key: 'name', header: t('colName'), cell: (u: User) => u.fullName },
    { key: 'role', header: t('colRole'), cell: (u: User) => tApp(`roles.${u.role}`) },
    { key: 'scope', header: t('colScope'), cell: (u: User) => u.scopeCode ?? (scopeKindOf[u.role] === 'self' ? t('selfScope') : t('noScope')) },
    { key: 'state', header: t('colState'), cell: (u: User) => <>{u.active ? t('stateActive') : t('stateDisabled')}{u.mustChangePassword && <span className="muted"> — {t('mustChange')}</span>}</> },
    { key: 'actions', header: t('colActions'), cell: (u: User) => <UserActions user={u} isSelf={u.id === me.id} onOutcome={onOutcome} /> },
  ];

  return (
    <div className="admin-page">
      <PageHeading title={t('title')} lead={t('lead')} />
      <MessageNotice message={message} />
      {secret && <OneTimePassword user={secret.user} password={secret.password} onClose={() => setSecret(null)} />}
      {creating
        ? <CreateUserForm onCancel={() => setCreating(false)} onCreated={(user, password) => {
          setCreating(false); setSecret({ user, password }); setMessage({ tone: 'success', text: t('created', { username: user.username }) }); reload();
        }} />
        : <p><Button kind="primary" onClick={() => { setCreating(true); setMessage(null); }}>{t('newUser')}</Button></p>}
      <form className="admin-filters" onSubmit={onSearch} role="search">
        <Field label={t('search')} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} maxLength={100} />
        <SelectField label={t('role')} value={draft.role} options={roles} optionText={(r: Role) => tApp(`roles.${r}`)} placeholder={t('roleAll')} onChange={(role) => setDraft({ ...draft, role })} />
        <Field label={t('scope')} hint={t('scopeFilterHint')} value={draft.scopeCode} onChange={(e) => setDraft({ ...draft, scopeCode: e.target.value })} maxLength={60} />
        <SelectField label={t('state')} value={draft.active} options={states} optionText={(s) => (s === 'true' ? t('stateActive') : t('stateDisabled'))} placeholder={t('stateAll')} onChange={(active) => setDraft({ ...draft, active })} />
        <div><Button type="submit">{t('show')}</Button></div>
      </form>
      <LoadedTable loaded={loaded} loadingText={t('loading')} foundText={(page) => <>{t('found', { count: page.total })}</>}
        columns={columns} rowKey={(u) => String(u.id)} />
    </div>
  );
}
