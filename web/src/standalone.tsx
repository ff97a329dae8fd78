// Surfaces that stand alone, outside the staff frame and without sign-in: the queue kiosk and the
// waiting room's display (full screen, on their own devices).
import type { ReactNode } from 'react';
import { DisplayPage, displayCodeOf } from './display/DisplayPage';
import { KioskPage } from './kiosk/KioskPage';
import { paths } from './routes';

export function standaloneSurface(path: string): ReactNode | null {
  if (path === paths.kiosk) return <KioskPage />;
  if (path.startsWith(`${paths.queueDisplay}/`)) return <DisplayPage key={path} code={displayCodeOf(path)} />;
  return null;
}
