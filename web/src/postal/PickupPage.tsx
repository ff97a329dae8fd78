// "Nhận hồ sơ tại nhà" (issue 13 §2): one pickup, worked at the applicant's door on a phone — the
// applicant from the ID card's QR, the papers with their scans, the e-form (the draft saved as the
// courier goes), fees and postage, two signatures, the seal; then the receipt and the consignment
// note. The state is in pickup/usePickupTask.ts and pickup/useSealing.ts.
import { addressLine } from '../../../src/shared/address-line';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { errorMessage } from '../ui/errors';
import { vnTimeParts } from '../ui/dates';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import type { Shipment } from './api';
import { usePostalT } from './i18n';
import { ApplicantCard } from './pickup/ApplicantCard';
import { EformCard } from './pickup/EformCard';
import { PapersCard } from './pickup/PapersCard';
import { SealCard } from './pickup/SealCard';
import { SealedView } from './pickup/SealedView';
import { usePickupTask } from './pickup/usePickupTask';
import { useSealing } from './pickup/useSealing';
import { usePosition } from './usePosition';
import '../counter/counter.css';
import './postal.css';

export function PickupPage({ id, user }: { readonly id: number; readonly user: User }) {
  const t = usePostalT();
  const { t: tApp } = useTranslation();
  const task = usePickupTask(id, user);
  const position = usePosition();
  const [sealed, setSealed] = useState<Shipment | null>(null);
  const sealing = useSealing(id, user, position, task.grams, setSealed);
  const s = sealed ?? task.shipment;
  const leg = s?.legs.find((l) => l.kind === 'pickup');
  const lead = s ? t('pickupLead', { name: s.applicant.name, address: addressLine(s.address, s.commune.name), number: leg?.trackingNumber ?? '' }) : t('loading');

  return (
    <div className="courier">
      <PageHeading title={t('pickupTitle')} lead={lead} />
      {task.loaded.status === 'failed' && <Notice tone="error">{errorMessage(task.loaded.error, tApp)}</Notice>}
      {s && <p className="field__hint">{s.procedureName} ({s.procedureCode})</p>}
      {s && s.sealedAt !== null && <SealedView shipment={s} />}
      {s && s.sealedAt === null && leg && !task.mine && (
        <section className="section">
          <p>{leg.courierId === null ? t('notTakenYet') : t('takenByOther', { name: leg.courierName ?? '' })}</p>
          <ErrorNotice error={task.take.error} />
          {leg.courierId === null && <Button kind="primary" disabled={task.take.busy} onClick={() => void task.takeIt(leg.trackingNumber)}>{t('take')}</Button>}
        </section>
      )}
      {s && s.sealedAt === null && task.mine && (
        <>
          <ApplicantCard task={task} />
          <PapersCard task={task} />
          <EformCard task={task} />
          <p className="save-state" role="status" aria-live="polite">
            {task.save.busy ? t('saving') : task.savedAt ? t('savedAt', { time: vnTimeParts(task.savedAt)?.time ?? '' }) : t('notSavedYet')}
          </p>
          <ErrorNotice error={task.save.error} />
          <SealCard task={task} sealing={sealing} />
        </>
      )}
    </div>
  );
}
