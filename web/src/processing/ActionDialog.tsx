// One lifecycle action, confirmed in a modal dialog with the inputs it needs, then posted. One
// primary button; a dangerous action (refusal, rejection, stop, withdrawal) asks a second, explicit
// confirmation after its inputs are checked. The state is in action-dialog/useActionForm.ts, the
// body per action in action-dialog/actionInput.ts, the inputs in action-dialog/ActionFields.tsx.
import { useEffect, useId, useRef } from 'react';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import type { ActionResult, DossierAction, DossierDetail } from './api';
import { needsReason } from './action-dialog/actionInput';
import { AssignField, ConsultFields, DueField, PaymentFields, RatingFields, ReceivedPapersFields, ReturnFields, SupplementRequestFields, TextAreaField } from './action-dialog/ActionFields';
import { useActionForm, type ActionForm } from './action-dialog/useActionForm';
import { useProcessingT } from './i18n';
import { actionLabelFor, statusText } from './labels';
import { isDangerous } from './whereabouts';

interface Props {
  readonly dossier: DossierDetail;
  readonly action: DossierAction;
  readonly onDone: (result: ActionResult) => void;
  readonly onClose: () => void;
  /** the applicant acting on their own dossier (texts addressed to them) */
  readonly asApplicant?: boolean;
}

/** What the action asks beyond its reason or note. */
function ActionQuestions({ form, action, asApplicant }: { readonly form: ActionForm; readonly action: DossierAction; readonly asApplicant: boolean }) {
  const t = useProcessingT();
  switch (action) {
    case 'requestSupplement': return <SupplementRequestFields form={form} />;
    case 'supplementReceived': return <ReceivedPapersFields form={form} requested={form.requestedPapers} />;
    case 'apologize': return <DueField form={form} name="newDueAt" label={t('newDueAt')} hint={t('newDueAtHint')} />;
    case 'consult': return <ConsultFields form={form} />;
    case 'assign': return <AssignField form={form} assignees={form.assignees} />;
    case 'requestPayment': case 'paymentReceived': return <PaymentFields form={form} action={action} />;
    case 'return': return <ReturnFields form={form} />;
    case 'rate': return <RatingFields form={form} asApplicant={asApplicant} />;
    default: return null;
  }
}

/** The reason (required where a slip carries it), the applicant's own words, or a free note. */
function ReasonOrNote({ form, action, asApplicant }: { readonly form: ActionForm; readonly action: DossierAction; readonly asApplicant: boolean }) {
  const t = useProcessingT();
  if (needsReason.includes(action)) return <TextAreaField form={form} name="reason" label={t('reason')} />;
  // the applicant's own words go on the withdrawal notice
  if (action === 'withdraw' && asApplicant) return <TextAreaField form={form} name="reason" label={t('withdrawReason')} />;
  if (action === 'rate') return null;
  return <TextAreaField form={form} name="note" label={t('note')} />;
}

/** The second step of a dangerous action: what it does, with the reason given, and the explicit "yes". */
function DangerConfirmation({ form, label, code }: { readonly form: ActionForm; readonly label: string; readonly code: string }) {
  const t = useProcessingT();
  const reason = form.draft.reason.trim();
  return (
    <>
      <div className="danger-confirm">
        <p><strong>{t('dangerWarning', { code })}</strong></p>
        {reason && <p>{t('dangerReason', { reason })}</p>}
      </div>
      <ErrorNotice error={form.error} />
      <div className="form__actions">
        <Button kind="danger" type="submit" disabled={form.busy} autoFocus>{form.busy ? t('confirming') : t('dangerConfirm', { action: label })}</Button>
        <Button kind="secondary" onClick={form.back} disabled={form.busy}>{t('back')}</Button>
      </div>
    </>
  );
}

export function ActionDialog({ dossier, action, onDone, onClose, asApplicant = false }: Props) {
  const t = useProcessingT();
  const ids = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const form = useActionForm({
    dossier, action, asApplicant, onDone,
    focusInvalid: () => requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
  });
  const label = actionLabelFor(t, action, dossier);
  const dangerous = isDangerous(action);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog ref={ref} className={dangerous ? 'action-dialog action-dialog--danger' : 'action-dialog'} aria-labelledby={`${ids}-title`}
      onCancel={(e) => { e.preventDefault(); if (!form.busy) onClose(); }}>
      <form onSubmit={(e) => void form.submit(e)} noValidate>
        <h2 id={`${ids}-title`}>{form.step === 'confirm' ? t('dangerTitle', { action: label }) : t('dialogTitle', { action: label })}</h2>
        <p>{t('dialogIntro', { code: dossier.code, status: statusText(t, dossier.status) })}</p>
        {form.step === 'confirm' ? <DangerConfirmation form={form} label={label} code={dossier.code} /> : (
          <>
            {action === 'forward' && <p>{t('forwardIntro', { agency: dossier.competentAgency.name })}</p>}
            <ActionQuestions form={form} action={action} asApplicant={asApplicant} />
            <ReasonOrNote form={form} action={action} asApplicant={asApplicant} />
            <ErrorNotice error={form.error} />
            <div className="form__actions">
              {dangerous
                ? <Button kind="danger" type="submit" disabled={form.busy}>{t('dangerContinue')}</Button>
                : <Button kind="primary" type="submit" disabled={form.busy}>{form.busy ? t('confirming') : t('confirm')}</Button>}
              <Button kind="secondary" onClick={onClose} disabled={form.busy}>{t('cancel')}</Button>
            </div>
          </>
        )}
      </form>
    </dialog>
  );
}
