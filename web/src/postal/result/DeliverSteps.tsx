// The steps of a result delivery, each shown when the leg's status allows it: collect at the agency,
// deliver (ID check or authorisation, signature), a failed attempt with its reason, return to the agency.
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { usePostalT } from '../i18n';
import { SignaturePad } from '../SignaturePad';
import { failureReasons, type ResultTask } from '../useResultTask';

export function CollectStep({ task }: { readonly task: ResultTask }) {
  const t = usePostalT();
  return (
    <section className="section courier-step" aria-labelledby="collect-h">
      <h2 id="collect-h">{t('stepCollectResult')}</h2>
      <p>{t('collectResultLead')}</p>
      <SignaturePad legend={t('agencySigns')} value={task.agencySig} onChange={task.setAgencySig} />
      <SignaturePad legend={t('courierSigns')} fixedName value={task.courierSig} onChange={task.setCourierSig} />
      <div className="form__actions"><Button kind="primary" disabled={task.act.busy} onClick={() => void task.collect()}>{t('collectResult')}</Button></div>
    </section>
  );
}

export function DeliverStep({ task }: { readonly task: ResultTask }) {
  const t = usePostalT();
  const r = task.recipient;
  const set = (change: Partial<typeof r>) => task.setRecipient({ ...r, ...change });
  return (
    <section className="section courier-step" aria-labelledby="deliver-h">
      <h2 id="deliver-h">{t('stepDeliver')}</h2>
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
    </section>
  );
}

export function FailStep({ task }: { readonly task: ResultTask }) {
  const t = usePostalT();
  const label = (k: (typeof failureReasons)[number]) => t(`reason_${k}`);
  return (
    <section className="section courier-step" aria-labelledby="fail-h">
      <h2 id="fail-h">{t('stepFail')}</h2>
      <fieldset className="choice">
        <legend>{t('reasonLegend')}</legend>
        {failureReasons.map((k) => (
          <label key={k} className="choice__option">
            <input type="radio" name="reason" checked={task.reason === k} onChange={() => task.setReason(k)} />
            <span>{label(k)}</span>
          </label>
        ))}
      </fieldset>
      {task.reason === 'other' && <Field label={t('reasonOther')} value={task.otherReason} onChange={(e) => task.setOtherReason(e.target.value)} />}
      <div className="form__actions">
        <Button kind="danger" disabled={task.act.busy} onClick={() => void task.fail(task.reason ? label(task.reason) : '')}>{t('recordFailed')}</Button>
      </div>
    </section>
  );
}

export function ReturnStep({ task }: { readonly task: ResultTask }) {
  const t = usePostalT();
  return (
    <section className="section courier-step" aria-labelledby="return-h">
      <h2 id="return-h">{t('stepReturn')}</h2>
      <p>{t('returnLead')}</p>
      <SignaturePad legend={t('agencySigns')} value={task.agencySig} onChange={task.setAgencySig} />
      <div className="form__actions"><Button kind="secondary" disabled={task.act.busy} onClick={() => void task.giveBack()}>{t('returnToAgency')}</Button></div>
    </section>
  );
}
