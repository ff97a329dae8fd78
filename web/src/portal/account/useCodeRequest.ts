// A code asked for a phone or an e-mail: which channel, what was typed, what the server said when it
// sent the code (masked destination, minutes) or why it did not (rate limit, bad number, mail down).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownError, type ShownError } from '../../ui/errors';
import type { Channel, CodeSent, Contact } from './api';
import { usePortalAccountT } from './i18n';

export interface CodeRequest {
  readonly contact: Contact;
  readonly setChannel: (channel: Channel) => void;
  readonly setValue: (value: string) => void;
  readonly sent: CodeSent | null;
  readonly sending: boolean;
  readonly problem: string | null;
  readonly error: ShownError | null;
  readonly send: () => Promise<void>;
}

export function useCodeRequest(sendCode: (contact: Contact) => Promise<CodeSent>, initial: Channel = 'phone', initialValue = ''): CodeRequest {
  const t = usePortalAccountT();
  const { t: tApp } = useTranslation();
  const [contact, setContact] = useState<Contact>({ channel: initial, value: initialValue });
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const send = async () => {
    setError(null);
    if (contact.value.trim() === '') { setProblem(t('contactRequired')); return; }
    setProblem(null);
    setSending(true);
    try { setSent(await sendCode(contact)); } catch (e) { setError(shownError(e, tApp)); } finally { setSending(false); }
  };
  return {
    contact, sent, sending, problem, error, send,
    // another channel or another address needs another code
    setChannel: (channel) => { setContact({ channel, value: '' }); setSent(null); setProblem(null); setError(null); },
    setValue: (value) => { setContact((c) => ({ ...c, value })); setSent(null); },
  };
}
