// The three directory screens, one link each; the current one is marked. And the frame each of
// them stands in: its heading, these links, the notice of what was just done.
import type { ReactNode } from 'react';
import { paths } from '../../routes';
import { MessageNotice, type NoticeMessage } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { Link } from '../../ui/router';
import { useDirectoryT } from './i18n';

const tabs = [[paths.adminUnits, 'tabUnits'], [paths.adminAgencies, 'tabAgencies'], [paths.adminServicePoints, 'tabServicePoints']] as const;
type DirectoryPath = (typeof tabs)[number][0];

const headings = {
  [paths.adminUnits]: ['unitsTitle', 'unitsLead'],
  [paths.adminAgencies]: ['agenciesTitle', 'agenciesLead'],
  [paths.adminServicePoints]: ['pointsTitle', 'pointsLead'],
} as const satisfies Record<DirectoryPath, readonly [string, string]>;

function DirectoryTabs({ current }: { readonly current: DirectoryPath }) {
  const t = useDirectoryT();
  return (
    <nav aria-label={t('tabUnits')}>
      <ul className="admin-tabs">
        {tabs.map(([to, key]) => (
          <li key={to}><Link to={to} aria-current={to === current ? 'page' : undefined}>{t(key)}</Link></li>
        ))}
      </ul>
    </nav>
  );
}

/** A directory screen: its heading, the links to the three, the notice, then the screen. */
export function DirectoryPage({ current, message, children }: { readonly current: DirectoryPath; readonly message: NoticeMessage | null; readonly children: ReactNode }) {
  const t = useDirectoryT();
  const [title, lead] = headings[current];
  return (
    <div className="admin-page">
      <PageHeading title={t(title)} lead={t(lead)} />
      <DirectoryTabs current={current} />
      <MessageNotice message={message} />
      {children}
    </div>
  );
}
