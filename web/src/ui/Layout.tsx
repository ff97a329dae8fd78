// The frame of every page: skip link, header (app, account, language, logout), nav, main, footer.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { paths } from '../routes';
import { LanguageSwitch } from './LanguageSwitch';
import { Link } from './router';
import { Button } from './Button';
import { Brand } from './Brand';

interface LayoutProps {
  readonly user: User | null;
  readonly onLogout?: () => void;
  readonly loggingOut?: boolean;
  readonly children: ReactNode;
}

export function roleLabel(t: ReturnType<typeof useTranslation>['t'], user: User): string {
  return t(`roles.${user.role}`, { defaultValue: user.roleLabel });
}

export function Layout({ user, onLogout, loggingOut = false, children }: LayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="site-header">
        <div className="site-header__inner">
          <Brand to={paths.home} name={t('app.name')} tagline={t('app.tagline')} />
          <div className="site-header__tools">
            {user && (
              <section className="account" aria-label={t('header.account')}>
                <span className="account__name">{user.fullName}</span>
                <span className="account__role">{roleLabel(t, user)}</span>
              </section>
            )}
            <LanguageSwitch />
            {user && onLogout && (
              <Button kind="secondary" onClick={onLogout} disabled={loggingOut}>
                {loggingOut ? t('header.loggingOut') : t('header.logout')}
              </Button>
            )}
          </div>
        </div>
      </header>
      {user && (
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="site-nav__list">
            <li><Link to={paths.home}>{t('nav.home')}</Link></li>
            <li><Link to={paths.changePassword}>{t('nav.changePassword')}</Link></li>
          </ul>
        </nav>
      )}
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
