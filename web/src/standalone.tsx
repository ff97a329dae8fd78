// Surfaces that stand alone, outside the staff frame and without sign-in: the queue kiosk and the
// waiting room's display (full screen, on their own devices), and the citizens' portal (its own
// frame). The entry (main.tsx) shows them without loading the staff app (App.tsx) at all; each
// loads lazily as its own chunk, declared here the way pages.ts declares the signed-in pages.
import { Suspense, type ReactNode } from 'react';
import { codeAfter, publicPaths as paths } from './public-paths';
import { lazySurface } from './ui/lazySurface';

const kiosk = lazySurface(() => import('./kiosk/surface'));
const display = lazySurface(() => import('./display/surface'));
const portal = lazySurface(() => import('./portal/surface'));
const portalSearch = lazySurface(() => import('./portal/catalog/search-surface'));
const portalCatalog = lazySurface(() => import('./portal/catalog/surface'));
const portalAccount = lazySurface(() => import('./portal/account/surface'));

function surfaceFor(path: string): ReactNode | null {
  if (path === paths.kiosk) return <kiosk.KioskPage />;
  if (path.startsWith(`${paths.queueDisplay}/`)) return <display.DisplayPage key={path} code={codeAfter(path, paths.queueDisplay)} />;
  if (path === paths.portalBooking) return <portal.PortalLayout><portal.PortalBookingPage /></portal.PortalLayout>;
  if (path.startsWith(`${paths.portalBooking}/`)) return <portal.PortalLayout><portal.ManageBookingPage key={path} code={codeAfter(path, paths.portalBooking)} /></portal.PortalLayout>;
  if (path === paths.portalProcedures) return <portalSearch.ProcedureSearchPage />;
  if (path.startsWith(`${paths.portalProcedures}/`)) return <portalCatalog.ProcedureInfoPage key={path} code={codeAfter(path, paths.portalProcedures)} />;
  if (path === paths.payResult) return <portal.PayResultPage />;
  if (path === paths.register) return <portal.PortalLayout><portalAccount.RegisterPage /></portal.PortalLayout>;
  if (path === paths.forgotPassword) return <portal.PortalLayout><portalAccount.ForgotPasswordPage /></portal.PortalLayout>;
  return null;
}

export function standaloneSurface(path: string): ReactNode | null {
  const surface = surfaceFor(path);
  // nothing shows while the surface's chunk loads: it has its own frame, and the wait is short
  return surface && <Suspense fallback={null}>{surface}</Suspense>;
}
