// The frame of the citizens' portal: its own header (name, language) and navigation (procedures,
// booking, tracking, the citizen's dossiers and papers, sign-in), no staff navigation; built for a
// phone first. Its texts are a small bundle of their own, so a public page loads little.
import type { ReactNode } from 'react';
import { publicPaths as paths } from '../../public-paths';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Brand } from '../../ui/Brand';
import { Frame, SiteNav } from '../../ui/Frame';
import { usePortalFrameT } from './i18n';
import '../portal.css';

export function PortalLayout({ children }: { readonly children: ReactNode }) {
  const t = usePortalFrameT();
  const links = [
    [paths.portalProcedures, t('procedures')], [paths.portalBooking, t('booking')], [paths.tracking, t('tracking')],
    [paths.myDossiers, t('myDossiers')], [paths.myPapers, t('myPapers')],
  ] as const;
  return (
    <Frame className="app portal" skipText={t('skipToContent')} brand={<Brand to={paths.portalProcedures} name={t('portalName')} tagline={t('portalTagline')} />}
      tools={<LanguageSwitch />} nav={<SiteNav label={t('portalName')} links={links} />}>
      {children}
    </Frame>
  );
}
