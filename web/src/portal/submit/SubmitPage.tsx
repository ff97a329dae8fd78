// Nộp hồ sơ trực tuyến (issue 15 §2): the signed-in citizen files a dossier for a procedure in
// steps — who and the e-form, the papers (uploads with progress or from "my papers"), how to get
// the result, then check the answers, pay where an end-to-end online procedure has a fee, and
// submit; the confirmation gives the code and tracking PIN. The draft's id is kept in the address
// (?ban-nhap=), so a reload or the payment gateway's return resumes it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchProcedure, type ProcedureDetail } from '../../counter/api';
import { ProcedurePicker } from '../../counter/ProcedurePicker';
import { createDraft, fetchDraft, type Draft, type Submitted } from '../../online/api';
import { ApplicantSection } from '../../online/draft/ApplicantSection';
import { DeliverySection } from '../../online/draft/DeliverySection';
import { EformSection } from '../../online/draft/EformSection';
import { PapersSection } from '../../online/draft/PapersSection';
import { ReviewSection } from '../../online/draft/ReviewSection';
import { SubmittedView } from '../../online/draft/SubmittedView';
import { useDraftEditor } from '../../online/draft/useDraftEditor';
import { useOnlineT } from '../../online/i18n';
import { paths } from '../../routes';
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { errorMessage, shownError } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/page';
import { navigate } from '../../ui/router';
import { PaymentStep } from './PaymentStep';
import '../../online/online.css';

export const submitPath = (procedureCode: string) => `${paths.onlineSubmit}/${encodeURIComponent(procedureCode)}`;
const draftIdInUrl = (): number | null => {
  const v = new URLSearchParams(window.location.search).get('ban-nhap');
  return v && /^[0-9]{1,10}$/.test(v) ? Number(v) : null;
};

const STEPS = 4;

function Steps({ procedure, draft, resumed, onSubmitted }: { readonly procedure: ProcedureDetail; readonly draft: Draft; readonly resumed: boolean; readonly onSubmitted: (s: Submitted) => void }) {
  const t = useOnlineT();
  const { t: tApp } = useTranslation();
  const editor = useDraftEditor(procedure, draft);
  // a draft the citizen comes back to (the gateway's return) opens on its check; a new one at the start
  const [step, setStep] = useState(resumed ? STEPS : 1);
  useEffect(() => { if (resumed) void editor.check(); }, []); // eslint-disable-line react-hooks/exhaustive-deps -- the resumed draft is checked once
  const next = async () => {
    const ok = step === STEPS - 1 ? await editor.check() : await editor.save();
    if (ok) setStep(step + 1);
  };
  const submit = async () => {
    const r = await editor.submit();
    if (r) onSubmitted(r);
  };
  const review = editor.review;
  return (
    <form className="online-steps" onSubmit={(e) => { e.preventDefault(); void (step < STEPS ? next() : submit()); }} noValidate>
      <p className="field__hint">{t('step', { n: step, of: STEPS })}</p>
      {step === 1 && <><ApplicantSection editor={editor} assisted={false} /><EformSection editor={editor} /></>}
      {step === 2 && <PapersSection editor={editor} />}
      {step === 3 && <DeliverySection editor={editor} />}
      {step === 4 && review && <ReviewSection review={review} editor={editor} />}
      {step === 4 && review?.paymentRequired && !review.payment?.paid && review.problems.length === 0 && editor.draft && <PaymentStep draftId={editor.draft.id} />}
      <ErrorNotice error={editor.error ? shownError(editor.error, tApp) : null} />
      <div className="form__actions">
        {step < STEPS && <Button kind="primary" type="submit" disabled={editor.busy}>{editor.busy ? t('saving') : t('next')}</Button>}
        {step === STEPS && <Button kind="primary" type="submit" disabled={editor.busy || !review?.ready}>{editor.busy ? t('submitting') : t('submit')}</Button>}
        {step === STEPS && <Button onClick={() => void editor.check()} disabled={editor.busy}>{t('check')}</Button>}
        {step > 1 && <Button onClick={() => setStep(step - 1)} disabled={editor.busy}>{t('back')}</Button>}
      </div>
    </form>
  );
}

export function SubmitPage({ procedureCode }: { readonly procedureCode: string }) {
  const t = useOnlineT();
  const { t: tApp } = useTranslation();
  const [loaded, setLoaded] = useState<{ procedure: ProcedureDetail; draft: Draft; resumed: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Submitted | null>(null);
  const [procedure, setProcedureOnly] = useState<ProcedureDetail | null>(null);
  useDocumentTitle(procedure ? procedure.name : t('loading'));

  useEffect(() => {
    if (!procedureCode) return;
    const controller = new AbortController();
    const id = draftIdInUrl();
    // the draft is kept from the start (the account's name and personal ID in it), its id in the address
    const load = async () => {
      const procedure = await fetchProcedure(procedureCode, controller.signal);
      if (procedure.onlineLevel === 'none') return { procedure, draft: null, resumed: false };
      const previous = id === null ? null : await fetchDraft(id, controller.signal);
      if (previous && !previous.dossierCode && previous.procedureCode === procedure.code) return { procedure, draft: previous, resumed: true };
      const draft = await createDraft(procedure.code);
      navigate(`${submitPath(procedure.code)}?ban-nhap=${draft.id}`, { replace: true });
      return { procedure, draft, resumed: false };
    };
    load().then((l) => { if (l.draft) setLoaded({ procedure: l.procedure, draft: l.draft, resumed: l.resumed }); else setError(null); setProcedureOnly(l.procedure); },
      (e: unknown) => { if (!controller.signal.aborted) setError(e); });
    return () => controller.abort();
  }, [procedureCode]);

  if (!procedureCode) {
    return <div className="online-submit"><h1>{t('chooseProcedure')}</h1><ProcedurePicker onChoose={(code) => navigate(submitPath(code))} /></div>;
  }
  return (
    <div className="online-submit">
      <h1 tabIndex={-1}>{procedure?.name ?? t('loading')}</h1>
      <Notice tone="error">{error ? errorMessage(error, tApp) : null}</Notice>
      {procedure?.onlineLevel === 'none' && <p className="notice notice--warning">{t('notOnline')}</p>}
      {done && <SubmittedView result={done} />}
      {!done && loaded && <Steps procedure={loaded.procedure} draft={loaded.draft} resumed={loaded.resumed} onSubmitted={setDone} />}
    </div>
  );
}
