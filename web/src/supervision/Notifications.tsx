// Notifications from the escalation job: newest first, unread ones marked, all marked read at once.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierPath } from '../processing/DossierPage';
import { useProcessingT } from '../processing/i18n';
import { formatAt } from '../processing/labels';
import { Button } from '../ui/Button';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { Link } from '../ui/router';
import { fetchNotifications, markAllRead, type NotificationItem } from './api';
import { useSupervisionT } from './i18n';
import type { Loaded } from './loaded';

export function Notifications() {
  const t = useSupervisionT();
  const { t: tApp } = useTranslation();
  const tp = useProcessingT();
  const headingId = useId();
  const [loaded, setLoaded] = useState<Loaded<{ items: readonly NotificationItem[]; unread: number }>>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    fetchNotifications(controller.signal).then(
      (r) => setLoaded({ status: 'ready', ...r }),
      (error: unknown) => { if (!controller.signal.aborted) setLoaded({ status: 'failed', error }); },
    );
    return () => controller.abort();
  }, [reload]);
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('notifications')}</h2>
      {loaded.status === 'loading' && <p role="status">{t('loading')}</p>}
      {loaded.status === 'failed' && <Notice tone="error">{errorMessage(loaded.error, tApp)}</Notice>}
      {loaded.status === 'ready' && (loaded.items.length === 0 ? <p>{t('notificationsEmpty')}</p> : (
        <>
          <p role="status">{t('unread', { count: loaded.unread })}</p>
          <ul className="notification-list">
            {loaded.items.map((n) => (
              <li key={n.id} className={n.readAt ? 'notification' : 'notification notification--unread'}>
                <strong>{n.title}</strong> <span className="muted">{formatAt(tp, n.createdAt)}</span>
                <br />{n.body}
                {n.dossierCode && <> <Link to={dossierPath(n.dossierCode)}>{n.dossierCode}</Link></>}
              </li>
            ))}
          </ul>
          {loaded.unread > 0 && (
            <Button kind="secondary" onClick={() => void markAllRead().then(() => setReload((x) => x + 1))}>{t('markAllRead')}</Button>
          )}
        </>
      ))}
    </section>
  );
}
