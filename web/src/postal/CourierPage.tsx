// The courier's surface: which of its pages a '/buu-ta/…' path opens (one entry for App.tsx).
import type { User } from '../api/types';
import { paths } from '../routes';
import { NotFoundPage } from '../ui/NotFoundPage';
import { DayPage } from './DayPage';
import { HandoverPage } from './HandoverPage';
import { shipmentIdOf } from './paths';
import { PickupPage } from './PickupPage';
import { ResultPage } from './ResultPage';
import { TransferPage } from './TransferPage';

export function CourierPage({ path, user }: { readonly path: string; readonly user: User }) {
  if (path === paths.courierDay) return <DayPage />;
  if (path === paths.courierPickups) return <DayPage kind="pickup" />;
  if (path === paths.courierResults) return <DayPage kind="result" />;
  if (path === paths.courierHandover) return <HandoverPage user={user} />;
  const id = shipmentIdOf(path);
  if (id !== null && path.startsWith(`${paths.courierPickups}/`)) return <PickupPage key={id} id={id} user={user} />;
  if (id !== null && path.startsWith(`${paths.courierResults}/`)) return <ResultPage key={id} id={id} user={user} />;
  if (id !== null && path.startsWith(`${paths.courierTransfers}/`)) return <TransferPage key={id} id={id} user={user} />;
  return <NotFoundPage />;
}
