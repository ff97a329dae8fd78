// Surfaces that stand alone, outside the staff frame and without sign-in: the queue kiosk and the
// waiting room's display (full screen, on their own devices), and the citizens' portal (its own
// frame). Each loads lazily as its own chunk (pages.ts).
import { Suspense, type ReactNode } from 'react';
import { DisplayPage, KioskPage, ManageBookingPage, PortalBookingPage, PortalLayout } from './pages';
import { codeAfter, paths } from './routes';

function surfaceFor(path: string): ReactNode | null {
  if (path === paths.kiosk) return <KioskPage />;
  if (path.startsWith(`${paths.queueDisplay}/`)) return <DisplayPage key={path} code={codeAfter(path, paths.queueDisplay)} />;
  if (path === paths.portalBooking) return <PortalLayout><PortalBookingPage /></PortalLayout>;
  if (path.startsWith(`${paths.portalBooking}/`)) return <PortalLayout><ManageBookingPage key={path} code={codeAfter(path, paths.portalBooking)} /></PortalLayout>;
  return null;
}

export function standaloneSurface(path: string): ReactNode | null {
  const surface = surfaceFor(path);
  // nothing shows while the surface's chunk loads: it has its own frame, and the wait is short
  return surface && <Suspense fallback={null}>{surface}</Suspense>;
}
