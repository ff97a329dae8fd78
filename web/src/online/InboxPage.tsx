// The one-stop's online inbox (issue 15 §2): dossiers submitted online in the clerk's scope, the
// oldest first. Each opens on the dossier page, where the clerk accepts it (code and ledger number),
// returns it once with every missing item listed (form 02) or refuses it (form 03).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierPath } from '../processing/DossierPage';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { formatVnDateTime } from '../ui/dates';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { useDocumentTitle } from '../ui/page';
import { Link } from '../ui/router';
import { fetchInbox, type Inbox } from './api';
import { useOnlineT } from './i18n';

type Item = Inbox['items'][number];

export function InboxPage() {
  const t = useOnlineT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('inboxTitle'));
  const [items, setItems] = useState<readonly Item[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    fetchInbox(controller.signal).then(setItems, (e: unknown) => { if (!controller.signal.aborted) setError(e); });
    return () => controller.abort();
  }, [reload]);

  return (
    <div className="online-inbox">
      <PageHeading title={t('inboxTitle')} lead={t('inboxLead')} />
      <p><Button onClick={() => setReload((n) => n + 1)}>{t('refresh')}</Button></p>
      <Notice tone="error">{error ? errorMessage(error, tApp) : null}</Notice>
      {!items && !error && <p role="status">{t('inboxLoading')}</p>}
      {items && items.length === 0 && <p className="empty-state">{t('inboxEmpty')}</p>}
      {items && items.length > 0 && (
        <DataTable caption={t('inboxCaption', { count: items.length })} rows={items} rowKey={(i) => i.code} columns={[
          { key: 'code', header: t('colCode'), rowHeader: true, noWrap: true, cell: (i) => <Link to={dossierPath(i.code)}>{i.code}</Link> },
          { key: 'submitted', header: t('colSubmitted'), noWrap: true, cell: (i) => formatVnDateTime(i.submittedAt) },
          { key: 'applicant', header: t('colApplicant'), cell: (i) => i.applicantName },
          { key: 'procedure', header: t('colProcedure'), noWrap: true, cell: (i) => i.procedureCode },
          { key: 'delivery', header: t('colDelivery'), cell: (i) => (i.deliveryMethod ? t(`delivery_${i.deliveryMethod}`) : '') },
          { key: 'note', header: t('colNote'), cell: (i) => [i.assisted ? t('assistedBadge') : null, i.supplementUsed ? t('supplementUsed') : null].filter(Boolean).join(' · ') },
        ]} />
      )}
    </div>
  );
}
