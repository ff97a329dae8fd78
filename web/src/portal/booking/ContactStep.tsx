// Step 4: who comes, and their phone verified by a 6-digit code sent by SMS; then the booking. A
// signed-in citizen starts with their account's name and phone (issue 15 §1).
import { useEffect, useState, type FormEvent } from 'react';
import { currentUser } from '../../api/auth';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { shownError, type ShownError } from '../../ui/errors';
import { sendPhoneCode, verifyPhoneCode, type CodeSent } from '../api';
import { usePortalT } from '../i18n';

export interface Contact {
  readonly name: string;
  readonly personalId: string;
  readonly phone: string;
  readonly phoneVerification: string;
}

export function ContactStep({ onBook }: { readonly onBook: (contact: Contact) => Promise<ShownError | null> }) {
  const t = usePortalT();
  const { t: tApp } = useTranslation();
  const [name, setName] = useState('');
  const [personalId, setPersonalId] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState<'send' | 'book' | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    currentUser(controller.signal).then((user) => {
      if (!user || !user.permissions.includes('portal.self')) return;
      setName((n) => n || user.fullName);
      setPhone((p) => p || user.phone || '');
    }, () => undefined); // not signed in, or the server away: the citizen types them
    return () => controller.abort();
  }, []);

  const checkPerson = (): Record<string, string> => ({
    ...(name.trim() === '' ? { name: t('nameRequired') } : {}),
    ...(personalId.trim() !== '' && !/^\d{12}$/.test(personalId.trim()) ? { personalId: t('personalIdInvalid') } : {}),
    ...(phone.trim() === '' ? { phone: t('phoneRequired') } : {}),
  });

  const send = async () => {
    const found = checkPerson();
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy('send'); setError(null);
    try { setSent(await sendPhoneCode(phone.trim())); } catch (e) { setError(shownError(e, tApp)); } finally { setBusy(null); }
  };

  const book = async (event: FormEvent) => {
    event.preventDefault();
    const found = { ...checkPerson(), ...(!/^\d{6}$/.test(code.trim()) ? { code: t('codeRequired') } : {}) };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy('book'); setError(null);
    try {
      const verified = await verifyPhoneCode(phone.trim(), code.trim());
      setError(await onBook({ name: name.trim(), personalId: personalId.trim(), phone: phone.trim(), phoneVerification: verified.verification }));
    } catch (e) {
      setError(shownError(e, tApp));
    } finally {
      setBusy(null);
    }
  };

  return (
    <form className="form" onSubmit={book} noValidate>
      <Field label={t('name')} value={name} error={problems.name ?? null} autoComplete="name" onChange={(e) => setName(e.target.value)} />
      <Field label={t('personalId')} hint={t('personalIdHint')} value={personalId} error={problems.personalId ?? null} inputMode="numeric" maxLength={12} onChange={(e) => setPersonalId(e.target.value)} />
      <Field label={t('phone')} hint={t('phoneHint')} value={phone} error={problems.phone ?? null} type="tel" autoComplete="tel" inputMode="tel" onChange={(e) => setPhone(e.target.value)} />
      <div className="form__actions">
        <Button kind={sent ? 'secondary' : 'primary'} disabled={busy !== null} onClick={() => void send()}>{busy === 'send' ? t('sending') : t('sendCode')}</Button>
      </div>
      {sent && <Notice tone="success">{t('codeSent', { phone: sent.maskedPhone, minutes: sent.validMinutes })}</Notice>}
      {sent && (
        <>
          <Field label={t('code')} value={code} error={problems.code ?? null} inputMode="numeric" autoComplete="one-time-code" maxLength={6} onChange={(e) => setCode(e.target.value)} />
          <div className="form__actions">
            <Button kind="primary" type="submit" disabled={busy !== null}>{busy === 'book' ? t('booking') : t('book')}</Button>
          </div>
        </>
      )}
      <ErrorNotice error={error} />
    </form>
  );
}
