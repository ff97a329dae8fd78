// "Tiếp nhận hồ sơ liên thông" at the counter (issue 17): one visit, several procedures — the
// bundle, the applicant (CCCD QR), the combined e-form, the papers (shared ones once), review, then
// one intake that opens the parent and a dossier per member. State in bundle/useBundleForm.ts, each
// step a component of its own in bundle/.
import { useId } from 'react';
import type { User } from '../api/types';
import '../processing/processing.css';
import { paths } from '../routes';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useDocumentTitle } from '../ui/page';
import { Link } from '../ui/router';
import { BundleChoiceStep } from './bundle/BundleChoiceStep';
import { BundleDoneView } from './bundle/BundleDoneView';
import { BundleFormStep } from './bundle/BundleFormStep';
import { BundlePapersStep } from './bundle/BundlePapersStep';
import { BundleReviewStep } from './bundle/BundleReviewStep';
import { useCounterBundleT } from './bundle/bundle-i18n';
import { useBundleForm } from './bundle/useBundleForm';
import { ReturnChoiceStep } from './bundle/ReturnChoiceStep';
import { ApplicantStep } from './receive/ApplicantStep';
import './counter.css';

export function BundleReceivePage({ user }: { readonly user: User }) {
  const tb = useCounterBundleT();
  useDocumentTitle(tb('title'));
  const ids = useId();
  const form = useBundleForm(user);

  if (form.mode === 'done' && form.result) {
    return (
      <div ref={form.page}>
        <h1 tabIndex={-1}>{tb('title')}</h1>
        <BundleDoneView result={form.result} onStartOver={form.startOver} />
      </div>
    );
  }

  return (
    <div ref={form.page}>
      <h1 tabIndex={-1} data-focus="edit">{tb('title')}</h1>
      <p className="lead">{tb('intro')}</p>
      <p><Link to={paths.counterReceive}>{tb('singleIntake')}</Link></p>
      {form.mode === 'review' && form.definition && form.unit ? (
        <BundleReviewStep form={form} definition={form.definition} unit={form.unit} />
      ) : (
        <form className="form" onSubmit={form.toReview} noValidate aria-describedby={`${ids}-errors`}>
          <BundleChoiceStep form={form} headingId={`${ids}-s1`} />
          <ApplicantStep form={form} headingId={`${ids}-s2`} title={tb('stepApplicant')} />
          <BundleFormStep form={form} headingId={`${ids}-s3`} />
          <BundlePapersStep form={form} headingId={`${ids}-s4`} />
          <ReturnChoiceStep form={form} headingId={`${ids}-s4b`} />
          <section className="section" aria-labelledby={`${ids}-s5`}>
            <h2 id={`${ids}-s5`}>{tb('stepReview')}</h2>
            <ErrorNotice id={`${ids}-errors`} error={form.serverError} problems={{ lead: tb('problems'), lines: form.problems.map((p) => p.text) }} />
            <div className="form__actions">
              <Button kind="primary" type="submit">{tb('review')}</Button>
            </div>
          </section>
        </form>
      )}
    </div>
  );
}
