// The signed-in user's home: what their permissions let them do, as cards linking to each page.
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { roleLabel } from '../ui/Layout';
import { useDocumentTitle } from '../ui/page';
import { Link } from '../ui/router';
import { accountCapabilities, capabilitiesOf, capabilityPaths, type CapabilityKey } from './capabilities';

function CapabilityCard({ capability }: { readonly capability: CapabilityKey }) {
  const { t } = useTranslation();
  return (
    <li className="capability capability--ready">
      <h3 className="capability__title">
        <Link to={capabilityPaths[capability]} className="capability__link">{t(`capabilities.${capability}.title`)}</Link>
      </h3>
      <p className="capability__description">{t(`capabilities.${capability}.description`)}</p>
    </li>
  );
}

export function HomePage({ user }: { readonly user: User }) {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  return (
    <div className="home">
      <h1 tabIndex={-1}>{t('home.greeting', { name: user.fullName })}</h1>
      <p className="lead">
        {t('home.role', { role: roleLabel(t, user) })}
        {user.scopeCode && <> · {t('home.scope', { scope: user.scopeCode })}</>}
      </p>
      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t('home.tasksTitle')}</h2>
        <p>{t('home.tasksIntro')}</p>
        <ul className="capabilities" data-role={user.role}>
          {capabilitiesOf(user).map((c) => <CapabilityCard key={c} capability={c} />)}
        </ul>
      </section>
      <section aria-labelledby="account-title">
        <h2 id="account-title">{t('home.accountTitle')}</h2>
        <ul className="capabilities">
          {accountCapabilities.map((c) => <CapabilityCard key={c} capability={c} />)}
        </ul>
      </section>
    </div>
  );
}
