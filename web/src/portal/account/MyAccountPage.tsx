// "Tài khoản của tôi" (issue 15 §1): the citizen's sign-in name, phone and e-mail, each shown as
// verified or not, verified (or added, or changed) by a code sent to it; and the password change.
import { useState } from 'react';
import { paths } from '../../routes';
import { buttonClass, Button } from '../../ui/Button';
import { LoadedView } from '../../ui/Loaded';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/page';
import { Link } from '../../ui/router';
import { useLoad } from '../../ui/useLoad';
import { fetchContacts, type Channel, type Contacts } from './api';
import { ContactEditor } from './ContactEditor';
import { usePortalAccountT } from './i18n';
import '../portal.css';
import './account.css';

function ContactRow({ channel, contacts, onSaved }: { readonly channel: Channel; readonly contacts: Contacts; readonly onSaved: (c: Contacts) => void }) {
  const t = usePortalAccountT();
  const [editing, setEditing] = useState(false);
  const value = channel === 'phone' ? contacts.phone : contacts.email;
  const verified = channel === 'phone' ? contacts.phoneVerified : contacts.emailVerified;
  const action = !value ? (channel === 'phone' ? 'addPhone' : 'addEmail') : verified ? (channel === 'phone' ? 'changePhone' : 'changeEmail') : (channel === 'phone' ? 'verifyPhone' : 'verifyEmail');
  return (
    <div className="account-contact">
      <dt>{channel === 'phone' ? t('phone') : t('email')}</dt>
      <dd>
        <span className="account-contact__value">{value ?? t('none')}</span>
        {value && <span className={verified ? 'badge badge--ok' : 'badge badge--warn'}>{verified ? t('verified') : t('notVerified')}</span>}
        {!editing && <div><Button kind={value && verified ? 'secondary' : 'primary'} onClick={() => setEditing(true)}>{t(action)}</Button></div>}
        {editing && <ContactEditor channel={channel} current={verified ? null : value} onCancel={() => setEditing(false)}
          onDone={(c) => { setEditing(false); onSaved(c); }} />}
      </dd>
    </div>
  );
}

export function MyAccountPage() {
  const t = usePortalAccountT();
  useDocumentTitle(t('accountTitle'));
  const { loaded } = useLoad(fetchContacts, 'contacts');
  const [saved, setSaved] = useState<{ contacts: Contacts; channel: Channel } | null>(null);
  return (
    <div className="narrow portal-account">
      <h1 tabIndex={-1}>{t('accountTitle')}</h1>
      <p className="lead">{t('accountIntro')}</p>
      <Notice tone="success">{saved ? t(saved.channel === 'phone' ? 'contactSaved_phone' : 'contactSaved_email', { value: (saved.channel === 'phone' ? saved.contacts.phone : saved.contacts.email) ?? '' }) : null}</Notice>
      <LoadedView loaded={loaded} loadingText={t('loading')}>
        {(fetched) => {
          const contacts = saved?.contacts ?? fetched;
          const onSaved = (channel: Channel) => (c: Contacts) => setSaved({ contacts: c, channel });
          return (
            <dl className="card account-contacts">
              <div className="account-contact"><dt>{t('signInName')}</dt><dd>{contacts.username}</dd></div>
              <ContactRow channel="phone" contacts={contacts} onSaved={onSaved('phone')} />
              <ContactRow channel="email" contacts={contacts} onSaved={onSaved('email')} />
            </dl>
          );
        }}
      </LoadedView>
      <section className="card account-password" aria-labelledby="account-password">
        <h2 id="account-password">{t('passwordSection')}</h2>
        <Link className={buttonClass('secondary')} to={paths.changePassword}>{t('changePassword')}</Link>
      </section>
    </div>
  );
}
