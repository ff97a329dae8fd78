// The applicant of an online submission: name, mobile phone, e-mail (optional), commune of residence; the personal
// ID is the citizen's account's (shown, not typed) unless staff file for the citizen.
import { CommunePicker } from '../../counter/CommunePicker';
import { Field } from '../../ui/Field';
import { vnToday } from '../../ui/dates';
import { useOnlineT } from '../i18n';
import type { DraftEditor } from './useDraftEditor';

const problemOf = (editor: DraftEditor, path: string) => editor.review?.problems.find((p) => p.path === path)?.message ?? null;

export function ApplicantSection({ editor, assisted }: { readonly editor: DraftEditor; readonly assisted: boolean }) {
  const t = useOnlineT();
  const a = editor.applicant;
  const set = (k: keyof typeof a, v: string) => editor.setApplicant({ ...a, [k]: v });
  return (
    <section className="section" aria-labelledby="online-applicant">
      <h2 id="online-applicant">{t('applicantTitle')}</h2>
      {assisted
        ? <Field label={t('personalId')} value={a.personalId} inputMode="numeric" maxLength={12} autoComplete="off" error={problemOf(editor, 'applicant.personalId')} onChange={(e) => set('personalId', e.target.value)} />
        : a.personalId && <p>{t('personalId')}: <strong>{a.personalId}</strong></p>}
      <Field label={t('name')} value={a.name} maxLength={100} autoComplete="name" error={problemOf(editor, 'applicant.name')} onChange={(e) => set('name', e.target.value)} />
      <Field label={t('phone')} hint={t('phoneHint')} value={a.phone} type="tel" inputMode="tel" maxLength={20} autoComplete="tel"
        error={problemOf(editor, 'applicant.phone')} onChange={(e) => set('phone', e.target.value)} />
      <Field label={t('email')} hint={t('emailHint')} value={a.email} type="email" inputMode="email" maxLength={200} autoComplete="email"
        error={problemOf(editor, 'applicant.email')} onChange={(e) => set('email', e.target.value)} />
      <CommunePicker legend={t('commune')} validOn={vnToday(Date.now())} error={problemOf(editor, 'applicant.unitCode')}
        value={a.unitCode ? { code: a.unitCode, name: a.unitName || a.unitCode } : null}
        onChange={(u) => editor.setApplicant({ ...a, unitCode: u?.code ?? '', unitName: u?.name ?? '' })} />
    </section>
  );
}
