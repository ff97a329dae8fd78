// The steps of a result delivery, each shown when the leg's status allows it: collect at the agency,
// deliver (ID check or authorisation, signature), a failed attempt with its reason, return to the agency.
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { usePostalT } from '../i18n';
import { SignaturePad } from '../SignaturePad';
import { failureReasons, type ResultTask } from '../useResultTask';
import { RadioChoice } from '../../ui/RadioChoice';
import { Section } from '../../ui/Section';

export function CollectStep({ task }: { readonly task: ResultTask }) {
  const t = usePostalT();
  return (
    <Section className="courier-step" headingId="collect-h" title={t('stepCollectResult')}>
      <p>{t('collectResultLead')}</p>
      <SignaturePad legend={t('agencySigns')} value={task.agencySig} onChange={task.setAgencySig} />
      <SignaturePad legend={t('courierSigns')} fixedName value={task.courierSig} onChange={task.setCourierSig} />
      <div className="form__actions"><Button kind="primary" disabled={task.act.busy} onClick={() => void task.collect()}>{t('collectResult')}</Button></div>
    </Section>
  );
}

export function DeliverStep({ task }: { readonly task: ResultTask }) {
  const t = usePostalT();
  const r = task.recipient;
  const set = (change: Partial<typeof r>) => task.setRecipient({ ...r, ...change });
  return (
    <Section className="courier-step" headingId="deliver-h" title={t('stepDeliver')}>
      <p>{t('deliverLead')}</p>
      <Field label={t('recipientName')} value={r.name} autoComplete="off" onChange={(e) => set({ name: e.target.value })} />
      <Field label={t('recipientId')} hint={t('recipientIdHint')} value={r.personalId} inputMode="numeric" maxLength={12} autoComplete="off"
        onChange={(e) => set({ personalId: e.target.value.replace(/\D/g, '') })} />
      <label className="choice__option">
        <input type="checkbox" checked={r.authorised} onChange={(e) => set({ authorised: e.target.checked })} />
        <span>{t('authorised')}</span>
      </label>
      {r.authorised && <Field label={t('authorisation')} hint={t('authorisationHint')} value={r.authorisation} autoComplete="off" onChange={(e) => set({ authorisation: e.target.value })} />}
      <SignaturePad legend={t('recipientSigns')} fixedName value={{ ...task.recipientSig, name: r.name }} onChange={task.setRecipientSig} />
      <div className="form__actions"><Button kind="primary" disabled={task.act.busy} onClick={() => void task.deliver()}>{t('delivered')}</Button></div>
    </Section>
  );
}

export function FailStep({ task }: { readonly task: ResultTask }) {
  const t = usePostalT();
  const label = (k: (typeof failureReasons)[number]) => t(`reason_${k}`);
  return (
    <Section className="courier-step" headingId="fail-h" title={t('stepFail')}>
      <RadioChoice legend={t('reasonLegend')} name="reason" options={failureReasons} value={task.reason} label={label} onChange={task.setReason} />
      {task.reason === 'other' && <Field label={t('reasonOther')} value={task.otherReason} onChange={(e) => task.setOtherReason(e.target.value)} />}
      <div className="form__actions">
        <Button kind="danger" disabled={task.act.busy} onClick={() => void task.fail(task.reason ? label(task.reason) : '')}>{t('recordFailed')}</Button>
      </div>
    </Section>
  );
}

export function ReturnStep({ task }: { readonly task: ResultTask }) {
  const t = usePostalT();
  return (
    <Section className="courier-step" headingId="return-h" title={t('stepReturn')}>
      <p>{t('returnLead')}</p>
      <SignaturePad legend={t('agencySigns')} value={task.agencySig} onChange={task.setAgencySig} />
      <div className="form__actions"><Button kind="secondary" disabled={task.act.busy} onClick={() => void task.giveBack()}>{t('returnToAgency')}</Button></div>
    </Section>
  );
}
