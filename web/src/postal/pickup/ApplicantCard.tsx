// The applicant at the door: the ID card's QR read by the phone's camera or a wedge scanner (the
// counter's parts), or typed; saved to the draft as it changes.
import { CameraQr } from '../../counter/receive/CameraQr';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { usePostalT } from '../i18n';
import type { PickupTask } from './usePickupTask';

export function ApplicantCard({ task }: { readonly task: PickupTask }) {
  const t = usePostalT();
  const { applicant: a, updateApplicant: set, qr } = task;
  return (
    <section className="section courier-step" aria-labelledby="applicant-h">
      <h2 id="applicant-h">{t('stepApplicant')}</h2>
      <CameraQr onText={qr.fillFromQr} />
      <Field label={t('qrField')} hint={t('qrFieldHint')} value={qr.qr} autoComplete="off" spellCheck={false}
        onChange={(e) => qr.setQr(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); qr.fillFromQr(); } }} />
      <Button kind="secondary" onClick={() => qr.fillFromQr()}>{t('qrFill')}</Button>
      <Notice tone={qr.qrMessage?.tone ?? 'success'}>{qr.qrMessage?.text}</Notice>
      <Field label={t('personalId')} value={a.personalId} inputMode="numeric" maxLength={12} autoComplete="off"
        onChange={(e) => set({ ...a, personalId: e.target.value.replace(/\D/g, '') })} />
      <Field label={t('applicantName')} value={a.name} autoComplete="off" onChange={(e) => set({ ...a, name: e.target.value })} />
      <DateField label={t('birthDate')} value={a.birthDate} onChange={(birthDate) => set({ ...a, birthDate })} />
      <Field label={t('phone')} type="tel" value={a.phone} autoComplete="off" onChange={(e) => set({ ...a, phone: e.target.value })} />
      <Field label={t('address')} value={a.address} autoComplete="off" onChange={(e) => set({ ...a, address: e.target.value })} />
    </section>
  );
}
