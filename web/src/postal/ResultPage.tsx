// "Phát kết quả" (issue 13 §4): one result leg on the courier's phone — take it, collect it at the
// agency, deliver it with the ID check or record a failed attempt, and after two failed attempts
// two working days apart give it back to the agency. The trail shows what happened so far.
import { addressLine } from '../../../src/shared/address-line';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { Button, buttonClass } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { Link } from '../ui/router';
import { paths } from '../routes';
import { usePostalT } from './i18n';
import { CollectStep, DeliverStep, FailStep, ReturnStep } from './result/DeliverSteps';
import { LegTrail } from './LegTrail';
import { usePosition } from './usePosition';
import { useResultTask } from './useResultTask';
import './postal.css';

export function ResultPage({ id, user }: { readonly id: number; readonly user: User }) {
  const t = usePostalT();
  const { t: tApp } = useTranslation();
  const position = usePosition();
  const task = useResultTask(id, user, position);
  const { shipment: s, leg } = task;
  const lead = s && leg ? t('resultLead', { name: s.applicant.name, address: addressLine(s.address, s.commune.name), number: leg.trackingNumber }) : t('loading');
  const status = leg?.status;
  const out = status === 'collected' || status === 'failedAttempt';
  return (
    <div className="courier">
      <PageHeading title={t('resultTitle')} lead={lead} />
      {task.loaded.status === 'failed' && <Notice tone="error">{errorMessage(task.loaded.error, tApp)}</Notice>}
      {s && leg && (
        <p className="field__hint">{s.procedureName}{leg.dossierCodes.length > 0 ? '' : ` · ${s.dossierCode ?? ''}`} · <span className="badge">{leg.statusLabel}</span>
          {leg.failedAttempts > 0 ? ` · ${t('failedCount', { count: leg.failedAttempts })}` : ''}</p>
      )}
      {leg && leg.dossierCodes.length > 0 && (
        <section aria-labelledby="result-dossiers-h">
          <h2 id="result-dossiers-h">{t('resultDossiers')}</h2>
          <ul>{leg.dossierCodes.map((c) => <li key={c}>{c}</li>)}</ul>
        </section>
      )}
      <Notice tone="success">{task.done ? t(`done_${task.done}` as 'done_taken') : null}</Notice>
      <ErrorNotice error={task.act.error} problems={{ lead: t('stillMissing'), lines: task.missing ? [t(`missing_${task.missing}` as 'missing_reason')] : [] }} />
      {leg && status === 'requested' && leg.courierId === null && (
        <div className="form__actions"><Button kind="primary" disabled={task.act.busy} onClick={() => void task.take()}>{t('take')}</Button></div>
      )}
      {leg && !task.mine && leg.courierId !== null && <p>{t('takenByOther', { name: leg.courierName ?? '' })}</p>}
      {task.mine && status === 'assigned' && <CollectStep task={task} />}
      {task.mine && out && <DeliverStep task={task} />}
      {task.mine && out && <FailStep task={task} />}
      {task.mine && status === 'failedAttempt' && <ReturnStep task={task} />}
      {leg && <LegTrail leg={leg} heading={t('trailHeading')} id="trail-h" />}
      <p><Link to={paths.courierDay} className={buttonClass('secondary')}>{t('backToDay')}</Link></p>
    </div>
  );
}
