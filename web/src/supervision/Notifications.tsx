// Notifications from the escalation job: newest first, unread ones marked, all marked read at once.
import { dossierPath } from '../processing/DossierPage';
import { useProcessingT } from '../processing/i18n';
import { formatAt } from '../processing/labels';
import { Button } from '../ui/Button';
import { Link } from '../ui/router';
import { LoadedView } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { fetchNotifications, markAllRead } from './api';
import { useSupervisionT } from './i18n';
import { Section } from '../ui/Section';

export function Notifications() {
  const t = useSupervisionT();
  const tp = useProcessingT();
  const { loaded, reload } = useLoad(fetchNotifications, '');
  return (
    <Section title={t('notifications')}>
      <LoadedView loaded={loaded} loadingText={t('loading')}>{({ items, unread }) => (items.length === 0 ? <p>{t('notificationsEmpty')}</p> : (
        <>
          <p role="status">{t('unread', { count: unread })}</p>
          <ul className="notification-list">
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? 'notification' : 'notification notification--unread'}>
                <strong>{n.title}</strong> <span className="muted">{formatAt(tp, n.createdAt)}</span>
                <br />{n.body}
                {n.dossierCode && <> <Link to={dossierPath(n.dossierCode)}>{n.dossierCode}</Link></>}
              </li>
            ))}
          </ul>
          {unread > 0 && (
            <Button kind="secondary" onClick={() => void markAllRead().then(reload)}>{t('markAllRead')}</Button>
          )}
        </>
      ))}</LoadedView>
    </Section>
  );
}
