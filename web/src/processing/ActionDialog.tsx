// One lifecycle action, confirmed in a modal dialog with the inputs it needs, then posted. The
// state is in action-dialog/useActionForm.ts, the body per action in action-dialog/actionInput.ts,
// the inputs in action-dialog/ActionFields.tsx.
import { useEffect, useId, useRef } from 'react';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import type { ActionResult, DossierAction, DossierDetail } from './api';
import { needsReason } from './action-dialog/actionInput';
import { AssignField, ConsultFields, DueField, PaymentFields, RatingFields, ReturnFields, TextAreaField } from './action-dialog/ActionFields';
import { useActionForm, type ActionForm } from './action-dialog/useActionForm';
import { useProcessingT } from './i18n';
import { actionText, statusText } from './labels';

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
    case 'requestSupplement': return <TextAreaField form={form} name="items" label={t('items')} hint={t('itemsHint')} />;
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

export function ActionDialog({ dossier, action, onDone, onClose, asApplicant = false }: Props) {
  const t = useProcessingT();
  const ids = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const form = useActionForm({
    dossier, action, asApplicant, onDone,
    focusInvalid: () => requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
  });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog ref={ref} className="action-dialog" aria-labelledby={`${ids}-title`} onCancel={(e) => { e.preventDefault(); if (!form.busy) onClose(); }}>
      <form onSubmit={(e) => void form.submit(e)} noValidate>
        <h2 id={`${ids}-title`}>{t('dialogTitle', { action: actionText(t, action) })}</h2>
        <p>{t('dialogIntro', { code: dossier.code, status: statusText(t, dossier.status) })}</p>
        <ActionQuestions form={form} action={action} asApplicant={asApplicant} />
        <ReasonOrNote form={form} action={action} asApplicant={asApplicant} />
        <ErrorNotice error={form.error} />
        <div className="form__actions">
          <Button kind="primary" type="submit" disabled={form.busy}>{form.busy ? t('confirming') : t('confirm')}</Button>
          <Button kind="secondary" onClick={onClose} disabled={form.busy}>{t('cancel')}</Button>
        </div>
      </form>
    </dialog>
  );
}
