// The frame of the citizens' portal: its own header (name, language) and navigation (procedures,
// booking, tracking, the citizen's dossiers and papers, sign-in), no staff navigation; built for a
// phone first. Its texts are a small bundle of their own, so a public page loads little.
import type { ReactNode } from 'react';
import { paths } from '../../routes';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Brand } from '../../ui/Brand';
import { Link } from '../../ui/router';
import { usePortalFrameT } from './i18n';
import '../portal.css';

export function PortalLayout({ children }: { readonly children: ReactNode }) {
  const t = usePortalFrameT();
  return (
    <div className="app portal">
      <a className="skip-link" href="#main">{t('skipToContent')}</a>
      <header className="site-header">
        <div className="site-header__inner">
          <Brand to={paths.portalProcedures} name={t('portalName')} tagline={t('portalTagline')} />
          <div className="site-header__tools"><LanguageSwitch /></div>
        </div>
      </header>
      <nav className="site-nav" aria-label={t('portalName')}>
        <ul className="site-nav__list">
          <li><Link to={paths.portalProcedures}>{t('procedures')}</Link></li>
          <li><Link to={paths.portalBooking}>{t('booking')}</Link></li>
          <li><Link to={paths.tracking}>{t('tracking')}</Link></li>
          <li><Link to={paths.myDossiers}>{t('myDossiers')}</Link></li>
          <li><Link to={paths.myPapers}>{t('myPapers')}</Link></li>
        </ul>
      </nav>
      <main id="main" className="site-main" tabIndex={-1}>{children}</main>
    </div>
  );
}
