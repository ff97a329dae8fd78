// What an administrator does to one account: reset its password (the new one shown once) and,
// apart and confirmed, disable it; or enable it again. The server refuses disabling oneself or the
// last administrator, with its message shown here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { resetPassword, setActive } from './api';
import { useUsersT } from './i18n';

export type ActionOutcome =
  | { readonly kind: 'password'; readonly user: User; readonly password: string }
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'failed'; readonly text: string };

export function UserActions({ user, isSelf, onOutcome }: { readonly user: User; readonly isSelf: boolean; readonly onOutcome: (o: ActionOutcome) => void }) {
  const t = useUsersT();
  const { t: tApp } = useTranslation();
  const [asking, setAsking] = useState<'disable' | 'reset' | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<ActionOutcome>) => {
    setBusy(true);
    try { onOutcome(await work()); } catch (err) { onOutcome({ kind: 'failed', text: errorMessage(err, tApp) }); } finally { setBusy(false); setAsking(null); }
  };
  if (asking) {
    return (
      <div className="admin-confirm" role="group" aria-label={asking === 'disable' ? t('disable') : t('resetPassword')}>
        <p>{t(asking === 'disable' ? 'confirmDisable' : 'confirmReset', { username: user.username })}</p>
        <div className="admin-actions">
          <Button kind="danger" disabled={busy} onClick={() => void run(async () => {
            if (asking === 'reset') { const r = await resetPassword(user.id); return { kind: 'password', user: r.user, password: r.password }; }
            await setActive(user.id, false);
            return { kind: 'done', text: t('disabled', { username: user.username }) };
          })}>{t('confirm')}</Button>
          <Button onClick={() => setAsking(null)}>{t('cancel')}</Button>
        </div>
      </div>
    );
  }
  return (
    <div className="admin-actions">
      {!isSelf && <Button onClick={() => setAsking('reset')} aria-label={`${t('resetPassword')} ${user.username}`}>{t('resetPassword')}</Button>}
      {isSelf ? null : user.active
        ? <Button kind="danger" className="admin-apart" onClick={() => setAsking('disable')} aria-label={`${t('disable')} ${user.username}`}>{t('disable')}</Button>
        : <Button disabled={busy} onClick={() => void run(async () => { await setActive(user.id, true); return { kind: 'done', text: t('enabled', { username: user.username }) }; })}
          aria-label={`${t('enable')} ${user.username}`}>{t('enable')}</Button>}
    </div>
  );
}
