// Step 2: the applicant, typed or read from the CCCD's QR code (keyboard-wedge scanner or camera),
// and the commune they live in.
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Button } from '../../ui/Button';
import { CommunePicker } from '../CommunePicker';
import { CameraQr } from './CameraQr';
import { useCounterT } from '../i18n';
import type { ReceiveForm } from './useReceiveForm';
import { Section } from '../../ui/Section';

/** What the step needs of a form: the single intake's and the bundle's (counter/bundle) both give it. */
export type ApplicantForm = Pick<ReceiveForm, 'applicant' | 'updateApplicant' | 'errorOf' | 'qr' | 'setQr' | 'fillFromQr' | 'qrMessage' | 'today' | 'unit' | 'setUnit'>;

export function ApplicantStep({ form, headingId, title }: { readonly form: ApplicantForm; readonly headingId: string; readonly title?: string }) {
  const t = useCounterT();
  const { applicant, updateApplicant, errorOf } = form;
  return (
    <Section headingId={headingId} title={title ?? t('stepApplicant')}>
      <div className="qr-row">
        <Field label={t('qr')} hint={t('qrHint')} value={form.qr} autoComplete="off" spellCheck={false}
          onChange={(e) => form.setQr(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); form.fillFromQr(); } }} />
        <Button kind="secondary" onClick={() => form.fillFromQr()}>{t('qrFill')}</Button>
      </div>
      <CameraQr onText={form.fillFromQr} />
      <Notice tone={form.qrMessage?.tone ?? 'success'}>{form.qrMessage?.text}</Notice>
      <div className="form-grid">
        <Field label={t('personalId')} value={applicant.personalId} inputMode="numeric" maxLength={12} autoComplete="off" required
          error={errorOf('personalId')} onChange={(e) => updateApplicant({ ...applicant, personalId: e.target.value.replace(/\D/g, '') })} />
        <Field label={t('name')} value={applicant.name} autoComplete="off" required error={errorOf('name')}
          onChange={(e) => updateApplicant({ ...applicant, name: e.target.value })} />
        <DateField label={t('birthDate')} value={applicant.birthDate} max={form.today}
          onChange={(birthDate) => updateApplicant({ ...applicant, birthDate })} />
        <Field label={t('phone')} hint={t('phoneHint')} type="tel" value={applicant.phone} autoComplete="off" required error={errorOf('phone')}
          onChange={(e) => updateApplicant({ ...applicant, phone: e.target.value })} />
        <Field label={t('email')} type="email" value={applicant.email} autoComplete="off"
          onChange={(e) => updateApplicant({ ...applicant, email: e.target.value })} />
        <Field label={t('address')} value={applicant.address} autoComplete="off"
          onChange={(e) => updateApplicant({ ...applicant, address: e.target.value })} />
      </div>
      <CommunePicker value={form.unit} onChange={form.setUnit} validOn={form.today} error={errorOf('unit')} />
    </Section>
  );
}
