// The three directory screens, one link each; the current one is marked.
import { paths } from '../../routes';
import { Link } from '../../ui/router';
import { useDirectoryT } from './i18n';

const tabs = [[paths.adminUnits, 'tabUnits'], [paths.adminAgencies, 'tabAgencies'], [paths.adminServicePoints, 'tabServicePoints']] as const;

export function DirectoryTabs({ current }: { readonly current: (typeof tabs)[number][0] }) {
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
