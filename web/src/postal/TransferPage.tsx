// "Chuyển hồ sơ giữa các cơ quan" (DOMAIN §5.2 step 13): one transfer leg on the courier's phone —
// take it, weigh the parcel and collect the papers at the sending agency (both sign; the postage is
// the sending agency's, DOMAIN §5.4), hand them to the receiving agency (the receiver signs with their
// name). The trail shows what happened so far.
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { Button, buttonClass } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { Link } from '../ui/router';
import { paths } from '../routes';
import { usePostalT } from './i18n';
import { LegTrail } from './LegTrail';
import { formatVnd } from './money';
import { SignaturePad } from './SignaturePad';
import { usePosition } from './usePosition';
import { useTransferTask } from './useTransferTask';
import './postal.css';

export function TransferPage({ id, user }: { readonly id: number; readonly user: User }) {
  const t = usePostalT();
  const { t: tApp } = useTranslation();
  const task = useTransferTask(id, user, usePosition());
  const { shipment: s, leg } = task;
  const status = leg?.status;
  const step = status === 'assigned' ? 'collect' : status === 'collected' ? 'handOver' : null;
  return (
    <div className="courier">
      <PageHeading title={t('transferTitle')} lead={s && leg ? t('transferLead', { from: s.applicant.name, to: s.address, number: leg.trackingNumber }) : t('loading')} />
      {task.loaded.status === 'failed' && <Notice tone="error">{errorMessage(task.loaded.error, tApp)}</Notice>}
      {s && leg && <p className="field__hint">{s.dossierCode} · <span className="badge">{leg.statusLabel}</span>{s.note ? ` · ${s.note}` : ''}</p>}
      {leg?.postage && (
        <dl className="charges">
          <div><dt>{t('postage', { grams: leg.postage.weightGrams })}</dt><dd>{formatVnd(leg.postage.amountVnd)}</dd></div>
          <div><dt>{t('transferPayer')}</dt><dd>{s?.applicant.name}</dd></div>
        </dl>
      )}
      <Notice tone="success">{task.done ? t(`done_${task.done}` as 'done_taken') : null}</Notice>
      <ErrorNotice error={task.act.error} problems={{ lead: t('stillMissing'), lines: task.missing ? [t(`missing_${task.missing}` as 'missing_reason')] : [] }} />
      {leg && status === 'requested' && leg.courierId === null && (
        <div className="form__actions"><Button kind="primary" disabled={task.act.busy} onClick={() => void task.take()}>{t('take')}</Button></div>
      )}
      {leg && !task.mine && leg.courierId !== null && <p>{t('takenByOther', { name: leg.courierName ?? '' })}</p>}
      {task.mine && step && (
        <section key={step} className="section courier-step" aria-labelledby="transfer-step-h">
          <h2 id="transfer-step-h">{t(step === 'collect' ? 'stepTransferCollect' : 'stepTransferHandOver')}</h2>
          <p>{t(step === 'collect' ? 'transferCollectLead' : 'transferHandOverLead')}</p>
          {step === 'collect' && (
            <Field label={t('weight')} hint={t('transferWeightHint')} inputMode="numeric" className="field__input field__input--large" value={task.weight}
              error={task.weight === '' || task.grams !== null ? null : t('weightInvalid')} onChange={(e) => task.setWeight(e.target.value)} />
          )}
          {step === 'collect' && task.quote && task.quote.grams === task.grams && (
            <dl className="charges" aria-live="polite">
              <div><dt>{t('postage', { grams: task.quote.grams })}</dt><dd>{formatVnd(task.quote.amountVnd)}</dd></div>
              <div><dt>{t('transferPayer')}</dt><dd>{s?.applicant.name}</dd></div>
            </dl>
          )}
          <SignaturePad legend={t(step === 'collect' ? 'senderSigns' : 'receiverSigns')} withId={step === 'handOver'} value={task.otherSig} onChange={task.setOtherSig} />
          <SignaturePad legend={t('courierSigns')} fixedName value={task.courierSig} onChange={task.setCourierSig} />
          <div className="form__actions">
            <Button kind="primary" disabled={task.act.busy} onClick={() => void (step === 'collect' ? task.collect() : task.handOver())}>
              {t(step === 'collect' ? 'transferCollect' : 'transferHandOver')}
            </Button>
          </div>
        </section>
      )}
      {leg && <LegTrail leg={leg} heading={t('trailHeading')} id="trail-h" />}
      <p><Link to={paths.courierDay} className={buttonClass('secondary')}>{t('backToDay')}</Link></p>
    </div>
  );
}
