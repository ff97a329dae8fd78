// Supervision for supervisors and approvers: notifications from the escalation job, the at-risk
// and overdue lists (least working time left first, page by page), progress per officer over a
// period, and the integrity check of the processing log for a period.
import '../processing/processing.css';
import { HeadedPage } from '../ui/PageHeading';
import { AuditCheck } from './AuditCheck';
import { useSupervisionT } from './i18n';
import { Notifications } from './Notifications';
import { Officers } from './Officers';
import { SupervisedDossiers } from './SupervisedDossiers';

export function SupervisionPage({ canVerifyAudit }: { readonly canVerifyAudit: boolean }) {
  const t = useSupervisionT();
  return (
    <HeadedPage title={t('title')} lead={t('intro')}>
      <Notifications />
      <SupervisedDossiers kind="overdue" />
      <SupervisedDossiers kind="at-risk" />
      <Officers />
      {canVerifyAudit && <AuditCheck />}
    </HeadedPage>
  );
}
