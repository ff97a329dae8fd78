// The frame of the citizens' portal: its own header (name, language, links to tracking and home),
// no staff navigation; built for a phone first.
import type { ReactNode } from 'react';
import { paths } from '../routes';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Brand } from '../ui/Layout';
import { Link } from '../ui/router';
import { usePortalT } from './i18n';
import './portal.css';

export function PortalLayout({ children }: { readonly children: ReactNode }) {
  const t = usePortalT();
  return (
    <div className="app portal">
      <header className="site-header">
        <div className="site-header__inner">
          <Brand to={paths.portalBooking} name={t('portalName')} tagline={t('portalTagline')} />
          <div className="site-header__tools"><LanguageSwitch /></div>
        </div>
      </header>
      <nav className="site-nav" aria-label={t('portalName')}>
        <ul className="site-nav__list">
          <li><Link to={paths.portalBooking}>{t('title')}</Link></li>
          <li><Link to={paths.tracking}>{t('tracking')}</Link></li>
          <li><Link to={paths.home}>{t('home')}</Link></li>
        </ul>
      </nav>
      <main id="main" className="site-main" tabIndex={-1}>{children}</main>
    </div>
  );
}
