// The frame of the citizens' portal: its own header (name, language; the signed-in citizen's name and
// "Đăng xuất") and navigation (procedures, booking, tracking, the citizen's dossiers, papers and
// account), no staff navigation; built for a phone first. Its texts are a small bundle of their own,
// so a public page loads little.
import type { ReactNode } from 'react';
import { publicPaths as paths } from '../../public-paths';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Brand } from '../../ui/Brand';
import { Button } from '../../ui/Button';
import { Frame, SiteNav } from '../../ui/Frame';
import { usePortalFrameT } from './i18n';
import '../portal.css';

/** The signed-in citizen (the portal pages of the signed-in app): their name and the sign-out. */
export interface PortalAccount {
  readonly fullName: string;
  readonly onLogout: () => void;
  readonly loggingOut: boolean;
}

export function PortalLayout({ children, account }: { readonly children: ReactNode; readonly account?: PortalAccount }) {
  const t = usePortalFrameT();
  const links = [
    [paths.portalProcedures, t('procedures')], [paths.portalBooking, t('booking')], [paths.tracking, t('tracking')],
    [paths.myDossiers, t('myDossiers')], [paths.myPapers, t('myPapers')], [paths.myAccount, t('myAccount')],
  ] as const;
  const tools = (
    <>
      {account && <span className="account__name">{account.fullName}</span>}
      <LanguageSwitch />
      {account && <Button onClick={account.onLogout} disabled={account.loggingOut}>{account.loggingOut ? t('loggingOut') : t('logout')}</Button>}
    </>
  );
  return (
    <Frame className="app portal" skipText={t('skipToContent')} brand={<Brand to={paths.portalProcedures} name={t('portalName')} tagline={t('portalTagline')} />}
      tools={tools} nav={<SiteNav label={t('portalName')} links={links} />}>
      {children}
    </Frame>
  );
}
