// Surfaces that stand alone, outside the staff frame and without sign-in: the queue kiosk and the
// waiting room's display (full screen, on their own devices), and the citizens' portal (its own frame).
import type { ReactNode } from 'react';
import { DisplayPage, displayCodeOf } from './display/DisplayPage';
import { KioskPage } from './kiosk/KioskPage';
import { ManageBookingPage, bookingCodeOf } from './portal/ManageBookingPage';
import { PortalBookingPage } from './portal/PortalBookingPage';
import { PortalLayout } from './portal/PortalLayout';
import { paths } from './routes';

export function standaloneSurface(path: string): ReactNode | null {
  if (path === paths.kiosk) return <KioskPage />;
  if (path.startsWith(`${paths.queueDisplay}/`)) return <DisplayPage key={path} code={displayCodeOf(path)} />;
  if (path === paths.portalBooking) return <PortalLayout><PortalBookingPage /></PortalLayout>;
  if (path.startsWith(`${paths.portalBooking}/`)) return <PortalLayout><ManageBookingPage key={path} code={bookingCodeOf(path)} /></PortalLayout>;
  return null;
}
