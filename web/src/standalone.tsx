// Surfaces that stand alone, outside the staff frame and without sign-in: the queue kiosk and the
// waiting room's display (full screen, on their own devices), and the citizens' portal (its own
// frame). The entry (main.tsx) shows them without loading the staff app (App.tsx) at all; each
// loads lazily as its own chunk, declared here the way pages.ts declares the signed-in pages.
import { lazy, Suspense, type ReactNode } from 'react';
import { codeAfter, paths } from './routes';

export const KioskPage = lazy(() => import('./kiosk/surface').then((surface) => ({ default: surface.KioskPage })));
export const DisplayPage = lazy(() => import('./display/surface').then((surface) => ({ default: surface.DisplayPage })));

const portal = () => import('./portal/surface');
export const PortalLayout = lazy(() => portal().then((surface) => ({ default: surface.PortalLayout })));
export const PortalBookingPage = lazy(() => portal().then((surface) => ({ default: surface.PortalBookingPage })));
export const ManageBookingPage = lazy(() => portal().then((surface) => ({ default: surface.ManageBookingPage })));

export const ProcedureSearchPage = lazy(() => import('./portal/catalog/search-surface').then((surface) => ({ default: surface.ProcedureSearchPage })));
export const ProcedureInfoPage = lazy(() => import('./portal/catalog/surface').then((surface) => ({ default: surface.ProcedureInfoPage })));

function surfaceFor(path: string): ReactNode | null {
  if (path === paths.kiosk) return <KioskPage />;
  if (path.startsWith(`${paths.queueDisplay}/`)) return <DisplayPage key={path} code={codeAfter(path, paths.queueDisplay)} />;
  if (path === paths.portalBooking) return <PortalLayout><PortalBookingPage /></PortalLayout>;
  if (path.startsWith(`${paths.portalBooking}/`)) return <PortalLayout><ManageBookingPage key={path} code={codeAfter(path, paths.portalBooking)} /></PortalLayout>;
  if (path === paths.portalProcedures) return <ProcedureSearchPage />;
  if (path.startsWith(`${paths.portalProcedures}/`)) return <ProcedureInfoPage key={path} code={codeAfter(path, paths.portalProcedures)} />;
  return null;
}

export function standaloneSurface(path: string): ReactNode | null {
  const surface = surfaceFor(path);
  // nothing shows while the surface's chunk loads: it has its own frame, and the wait is short
  return surface && <Suspense fallback={null}>{surface}</Suspense>;
}
