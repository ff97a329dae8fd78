// What the portal's account pages read and write (src/identity/routes.ts): a code to a phone or an
// e-mail, opening an account, a new password by code, the citizen's own phone and e-mail. Types are
// the server's answer schemas (type-only imports: nothing of the server is bundled).
import { api } from '../../api/client';
import type { AccountCodeSentAnswer, CitizenAccountAnswer, ContactsAnswer } from '../../../../src/identity/routes';

export type CodeSent = AccountCodeSentAnswer;
export type Contacts = ContactsAnswer;
export type Channel = 'phone' | 'email';
/** A phone or an e-mail address, as the citizen typed it. */
export interface Contact {
  readonly channel: Channel;
  readonly value: string;
}
const body = (c: Contact) => (c.channel === 'phone' ? { phone: c.value.trim() } : { email: c.value.trim() });

export const sendAccountCode = (contact: Contact, purpose: 'register' | 'reset') =>
  api.post<CodeSent>('/api/v1/public/citizens/codes', { ...body(contact), purpose });
export const registerAccount = (contact: Contact, input: { code: string; fullName: string; password: string }) =>
  api.post<CitizenAccountAnswer>('/api/v1/public/citizens/register', { ...body(contact), ...input });
export const resetPassword = (contact: Contact, input: { code: string; password: string }) =>
  api.post<void>('/api/v1/public/citizens/password-reset', { ...body(contact), ...input });
export const fetchContacts = (signal?: AbortSignal) => api.get<Contacts>('/api/v1/citizens/me/contacts', signal);
export const sendContactCode = (contact: Contact) => api.post<CodeSent>('/api/v1/citizens/me/contact-codes', body(contact));
export const verifyContact = (contact: Contact, code: string) => api.post<Contacts>('/api/v1/citizens/me/contacts', { ...body(contact), code: code.trim() });
