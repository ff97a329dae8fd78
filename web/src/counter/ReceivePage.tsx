// "Tiếp nhận hồ sơ" at the counter, on one page: procedure, applicant, papers, e-form, review,
// then intake; the state and what the clerk does with it are in receive/useReceiveForm.ts, each
// step is a component of its own in receive/.
import { useId } from 'react';
import type { User } from '../api/types';
import '../processing/processing.css';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useDocumentTitle } from '../ui/page';
import { useCounterT } from './i18n';
import { ApplicantStep } from './receive/ApplicantStep';
import { DoneView } from './receive/DoneView';
import { DeliveryStep } from './receive/DeliveryStep';
import { PartyStep } from './receive/PartyStep';
import { EformStep } from './receive/EformStep';
import { PapersStep } from './receive/PapersStep';
import { ProcedureStep } from './receive/ProcedureStep';
import { ReviewStep } from './receive/ReviewStep';
import { useReceiveForm } from './receive/useReceiveForm';
import { OutcomeSection } from './OutcomeSection';
import './counter.css';
import { CallingPanel } from '../appointments/CallingPanel';
import { userCan } from '../api/types';
import { paths } from '../routes';
import { Link } from '../ui/router';
import { useCounterBundleT } from './bundle/bundle-i18n';

export { newIdempotencyKey } from './receive/useReceiveForm';

export function ReceivePage({ user }: { readonly user: User }) {
  const t = useCounterT();
  const tb = useCounterBundleT();
  useDocumentTitle(t('receiveTitle'));
  const ids = useId();
  const form = useReceiveForm(user);

  if (form.mode === 'done' && form.result) {
    return (
      <div ref={form.page}>
        <h1 tabIndex={-1}>{t('receiveTitle')}</h1>
        {userCan(user, 'queue.serve') && <CallingPanel onBooked={(b) => void form.fillFromBooking(b)} />}
        <DoneView result={form.result} onStartOver={form.startOver} />
      </div>
    );
  }

  return (
    <div ref={form.page}>
      <h1 tabIndex={-1} data-focus="edit">{t('receiveTitle')}</h1>
      <p className="lead">{t('receiveIntro')}</p>
      <p><Link to={paths.counterBundle}>{tb('bundleIntake')}</Link></p>
      {userCan(user, 'queue.serve') && <CallingPanel onBooked={(b) => void form.fillFromBooking(b)} />}
      {form.mode === 'review' && form.procedure && form.unit ? (
        <ReviewStep form={form} procedure={form.procedure} unit={form.unit} />
      ) : (
        <form className="form" onSubmit={form.toReview} noValidate aria-describedby={`${ids}-errors`}>
          <ProcedureStep form={form} headingId={`${ids}-s1`} />
          <ApplicantStep form={form} headingId={`${ids}-s2`} />
          <PartyStep form={form} headingId={`${ids}-s2b`} />
          <PapersStep form={form} headingId={`${ids}-s3`} />
          <EformStep form={form} headingId={`${ids}-s4`} />
          <DeliveryStep form={form} headingId={`${ids}-s4b`} />
          <section className="section" aria-labelledby={`${ids}-s5`}>
            <h2 id={`${ids}-s5`}>{t('stepReview')}</h2>
            <ErrorNotice id={`${ids}-errors`} error={form.serverError}
              problems={{ lead: t('problems'), lines: form.problems.map((p) => p.text) }} />
            <div className="form__actions">
              <Button kind="primary" type="submit">{t('review')}</Button>
            </div>
          </section>
        </form>
      )}
      {form.mode === 'edit' && <OutcomeSection procedure={form.procedure} applicant={form.applicant} rows={form.rows} situation={form.situation} />}
    </div>
  );
}
