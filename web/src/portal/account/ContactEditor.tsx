// One contact on "Tài khoản của tôi" being verified, added or changed: the code sent to it, typed
// back; on success the account's contacts as the server now has them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { shownError, type ShownError } from '../../ui/errors';
import { sendContactCode, verifyContact, type Channel, type Contacts } from './api';
import { CodeRequestFields } from './CodeRequestFields';
import { usePortalAccountT } from './i18n';
import { useCodeRequest } from './useCodeRequest';

interface ContactEditorProps {
  readonly channel: Channel;
  readonly current: string | null;
  readonly onDone: (contacts: Contacts) => void;
  readonly onCancel: () => void;
}

export function ContactEditor({ channel, current, onDone, onCancel }: ContactEditorProps) {
  const t = usePortalAccountT();
  const { t: tApp } = useTranslation();
  // an unverified contact is offered as typed; a verified one is being changed: a new one is typed
  const request = useCodeRequest(sendContactCode, channel, current ?? '');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!request.sent) { await request.send(); return; }
    if (!/^\d{6}$/.test(code.trim())) { setProblem(t('codeRequired')); return; }
    setProblem(null); setBusy(true); setError(null);
    try { onDone(await verifyContact(request.contact, code)); } catch (e) { setError(shownError(e, tApp)); } finally { setBusy(false); }
  };
  return (
    <form className="form contact-editor" onSubmit={(e) => void confirm(e)} noValidate>
      <CodeRequestFields request={request} name={`contact-${channel}`} fixedChannel />
      {request.sent && (
        <>
          <Field label={t('code')} value={code} error={problem} inputMode="numeric" autoComplete="one-time-code" maxLength={6} onChange={(e) => setCode(e.target.value)} />
          <div className="form__actions">
            <Button kind="primary" type="submit" disabled={busy}>{busy ? t('confirming') : t('confirmCode')}</Button>
          </div>
          <ErrorNotice error={error} />
        </>
      )}
      <div className="form__actions"><Button onClick={onCancel}>{t('cancel')}</Button></div>
    </form>
  );
}
