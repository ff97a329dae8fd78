// Nộp trực tuyến thay người dân (issue 15 §3, "Công dân không viết gắn với dịch vụ công trực
// tuyến"): at a post-office counter, the clerk scans the citizen's ID card QR, chooses the
// procedure, fills the e-form and attaches the papers (uploads or the citizen's document store),
// then sends the citizen a one-time code; the dossier exists only once the citizen's code is given.
// It is an online dossier (national channel 2) marked assisted.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIdCardQr } from '../../../src/shared/id-card-qr';
import { fetchProcedure, type ProcedureDetail } from '../counter/api';
import { ProcedurePicker } from '../counter/ProcedurePicker';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { errorMessage, shownError } from '../ui/errors';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { PageHeading } from '../ui/PageHeading';
import { useDocumentTitle } from '../ui/page';
import { sendConfirmationCode, type Submitted } from './api';
import { ApplicantSection } from './draft/ApplicantSection';
import { DeliverySection } from './draft/DeliverySection';
import { EformSection } from './draft/EformSection';
import { PapersSection } from './draft/PapersSection';
import { ReviewSection } from './draft/ReviewSection';
import { SubmittedView } from './draft/SubmittedView';
import { useDraftEditor, type DraftEditor } from './draft/useDraftEditor';
import { useOnlineT } from './i18n';
import './online.css';

function QrFill({ editor }: { readonly editor: DraftEditor }) {
  const t = useOnlineT();
  const [qr, setQr] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const fill = () => {
    const parsed = parseIdCardQr(qr);
    if (!parsed.ok) { setMessage({ tone: 'error', text: t('qrInvalid') }); return; }
    const d = parsed.data;
    editor.setApplicant({ ...editor.applicant, personalId: d.personalId, name: d.name, birthDate: d.birthDate ?? '', address: d.address ?? '' });
    setMessage({ tone: 'success', text: t('qrFilled', { name: d.name }) });
    setQr('');
  };
  return (
    <div className="online-qr">
      <Field label={t('qrLabel')} value={qr} autoComplete="off" onChange={(e) => setQr(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); fill(); } }} />
      <Button onClick={fill}>{t('qrFill')}</Button>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </div>
  );
}

function Confirmation({ editor, onSubmitted }: { readonly editor: DraftEditor; readonly onSubmitted: (s: Submitted) => void }) {
  const t = useOnlineT();
  const { t: tApp } = useTranslation();
  const [sent, setSent] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [sending, setSending] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const draft = editor.draft;
  if (!draft || !editor.review?.ready) return null;
  const send = async () => {
    setSending({ busy: true, error: null });
    try {
      const r = await sendConfirmationCode(draft.id);
      setSent(t('codeSent', { phone: r.maskedPhone, minutes: r.validMinutes }));
      setSending({ busy: false, error: null });
    } catch (error) {
      setSending({ busy: false, error });
    }
  };
  const submit = async () => {
    const r = await editor.submit(code.trim());
    if (r) onSubmitted(r);
  };
  return (
    <section className="section" aria-labelledby="online-confirm">
      <h2 id="online-confirm">{t('sendCode')}</h2>
      <Button onClick={() => void send()} disabled={sending.busy}>{sending.busy ? t('sendingCode') : t('sendCode')}</Button>
      <Notice tone="success">{sent}</Notice>
      <Notice tone="error">{sending.error ? errorMessage(sending.error, tApp) : null}</Notice>
      {sent && (
        <>
          <Field label={t('codeLabel')} hint={t('codeHint')} value={code} inputMode="numeric" maxLength={6} autoComplete="one-time-code" onChange={(e) => setCode(e.target.value)} />
          <Button kind="primary" onClick={() => void submit()} disabled={editor.busy || code.trim().length !== 6}>{editor.busy ? t('submitting') : t('submit')}</Button>
        </>
      )}
    </section>
  );
}

function AssistForm({ procedure, onSubmitted }: { readonly procedure: ProcedureDetail; readonly onSubmitted: (s: Submitted) => void }) {
  const t = useOnlineT();
  const { t: tApp } = useTranslation();
  const editor = useDraftEditor(procedure, null);
  return (
    <div className="online-steps">
      <h2>{procedure.name}</h2>
      <QrFill editor={editor} />
      <ApplicantSection editor={editor} assisted />
      <EformSection editor={editor} />
      <PapersSection editor={editor} personalId={editor.applicant.personalId} />
      <DeliverySection editor={editor} />
      {editor.review && <ReviewSection review={editor.review} />}
      <ErrorNotice error={editor.error ? shownError(editor.error, tApp) : null} />
      <div className="form__actions"><Button kind={editor.review?.ready ? 'secondary' : 'primary'} onClick={() => void editor.check()} disabled={editor.busy}>{editor.busy ? t('saving') : t('check')}</Button></div>
      <Confirmation editor={editor} onSubmitted={onSubmitted} />
    </div>
  );
}

export function AssistPage() {
  const t = useOnlineT();
  const { t: tApp } = useTranslation();
  useDocumentTitle(t('assistTitle'));
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Submitted | null>(null);
  const choose = (code: string) => {
    setError(null);
    fetchProcedure(code).then(setProcedure, setError);
  };
  const again = () => { setDone(null); setProcedure(null); };
  return (
    <div className="online-assist">
      <PageHeading title={t('assistTitle')} lead={t('assistLead')} />
      <Notice tone="error">{error ? errorMessage(error, tApp) : null}</Notice>
      {done && <SubmittedView result={done} onAnother={again} />}
      {!done && !procedure && <ProcedurePicker onChoose={choose} />}
      {!done && procedure && procedure.onlineLevel === 'none' && <p className="notice notice--warning">{t('notOnline')}</p>}
      {!done && procedure && procedure.onlineLevel !== 'none' && <AssistForm key={procedure.code} procedure={procedure} onSubmitted={setDone} />}
    </div>
  );
}
