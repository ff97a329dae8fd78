// On a citizen's dossier page: book a time to pick up the result at the counter that received the
// dossier (issue 14 §2) — shown while the result is ready or under way; the portal's booking page
// checks the rest (where, from which day).
import { pickupPathFor } from '../portal/api';
import { buttonClass } from '../ui/Button';
import { Link } from '../ui/router';
import { useQueueT } from './i18n';

const PICKUP_STATUSES: readonly string[] = ['resultReady', 'received', 'processing', 'awaitingApproval'];

export function PickupLink({ dossier }: { readonly dossier: { readonly code: string; readonly status: string } }) {
  const t = useQueueT();
  if (!PICKUP_STATUSES.includes(dossier.status)) return null;
  return <p><Link to={pickupPathFor(dossier.code)} className={buttonClass(dossier.status === 'resultReady' ? 'primary' : 'secondary')}>{t('bookPickup')}</Link></p>;
}
