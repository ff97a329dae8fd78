// The staff app's frame (ui/Frame.tsx): the header's account, language and logout, the nav, the footer.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { paths } from '../routes';
import { LanguageSwitch } from './LanguageSwitch';
import { Button } from './Button';
import { Brand } from './Brand';
import { Frame, SiteNav } from './Frame';

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
  const tools = (
    <>
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
    </>
  );
  const nav = user && <SiteNav label={t('nav.label')} links={[[paths.home, t('nav.home')], [paths.changePassword, t('nav.changePassword')]]} />;
  return (
    <Frame className="app" skipText={t('app.skipToContent')} brand={<Brand to={paths.home} name={t('app.name')} tagline={t('app.tagline')} />}
      tools={tools} nav={nav} footer={<footer className="site-footer"><p>{t('app.footer')}</p></footer>}>
      {children}
    </Frame>
  );
}
