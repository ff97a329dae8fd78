// Citizen identity (issue 15 §1): the use cases that join a proof — a one-time code to the phone or
// to the e-mail (appointments' codes, reused) — to an account (accounts' citizen accounts). The code is checked
// first; the account write and its audit record are one transaction in accounts/citizens.ts.
import {
  accountForConfirmedFiling, accountOfVerifiedIdentity, checkNewCitizen, citizenAccountFor as accountsCitizenAccountFor, openCitizenAccount, resetCitizenPassword, verifyPersonalIdAtCounter,
  type CitizenAccount, type VerifiedContact,
} from '../accounts/citizens';
import { citizenContacts, setVerifiedContact, type CitizenContacts } from '../accounts/citizen-contacts';
import { assertCan } from '../accounts/policy';
import { sendMailCode, sendOneTimeCode, verifyMailCode, verifyOneTimeCode } from '../appointments/one-time-codes';
import type { MailSender } from '../notifications/mail';
import { normalizeVietnameseMobile, type SmsSender } from '../notifications/sms';
import { queueTemplatedMessage } from '../notifications/service';
import type { ServiceContext } from '../platform/context';
import { validationFailed } from '../platform/errors';

export type { CitizenAccount };

/** One purpose per use, so that a code sent to open an account cannot reset a password nor add a contact. */
const codePurpose = { register: 'citizen-register', reset: 'citizen-reset', contact: 'citizen-contact' } as const;
type CodePurpose = keyof typeof codePurpose;

/** Where the citizen wants the code: a phone or an e-mail address, exactly one. */
export interface ContactInput {
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
}

export interface AccountCodeSent {
  readonly channel: 'sms' | 'mail';
  /** the phone or the address, masked */
  readonly sentTo: string;
  readonly expiresAt: string;
  readonly validMinutes: number;
}

function oneContact(input: ContactInput): { phone: string } | { email: string } {
  const phone = input.phone?.trim() ? input.phone : undefined;
  const email = input.email?.trim() ? input.email : undefined;
  if ((phone === undefined) === (email === undefined)) {
    throw validationFailed('CONTACT_REQUIRED', 'Hãy nhập số điện thoại di động hoặc địa chỉ thư điện tử (một trong hai).', [{ path: phone ? 'email' : 'phone', message: 'nhập một trong hai' }]);
  }
  return phone !== undefined ? { phone } : { email: email ?? '' };
}

/** A code for the purpose to the phone (SMS) or the e-mail (mail), sent at once. */
export async function sendAccountCode(
  ctx: ServiceContext & { sms: SmsSender; mail?: MailSender },
  input: ContactInput & { purpose: CodePurpose; clientAddress: string },
): Promise<AccountCodeSent> {
  const contact = oneContact(input);
  const purpose = codePurpose[input.purpose];
  if ('phone' in contact) {
    const sent = await sendOneTimeCode(ctx, { phone: contact.phone, purpose, clientAddress: input.clientAddress });
    return { channel: 'sms', sentTo: sent.maskedPhone, expiresAt: sent.expiresAt, validMinutes: sent.validMinutes };
  }
  if (!ctx.mail) throw new Error('sendAccountCode: no mail sender wired for a code by mail');
  const sent = await sendMailCode({ ...ctx, mail: ctx.mail }, { email: contact.email, purpose, clientAddress: input.clientAddress });
  return { channel: 'mail', sentTo: sent.maskedEmail, expiresAt: sent.expiresAt, validMinutes: sent.validMinutes };
}

/** The contact as it will be stored, before its code is checked (for the checks that need no code). */
function presumedContact(input: ContactInput): VerifiedContact {
  const contact = oneContact(input);
  if ('phone' in contact) return { phone84: normalizeVietnameseMobile(contact.phone) ?? contact.phone };
  return { email: contact.email.normalize('NFC').trim().toLowerCase() };
}

/** The phone or e-mail whose code is right for the purpose (the code used up by this check). */
async function verifiedContact(ctx: ServiceContext, input: ContactInput & { code: string }, purpose: CodePurpose): Promise<VerifiedContact> {
  const contact = oneContact(input);
  const code = input.code.trim();
  if ('phone' in contact) return { phone84: (await verifyOneTimeCode(ctx, { phone: contact.phone, code, purpose: codePurpose[purpose] })).phone };
  return { email: await verifyMailCode(ctx, { email: contact.email, code, purpose: codePurpose[purpose] }) };
}

/** Opens the account once the code sent to the phone or the e-mail is right; it signs in with that phone or e-mail. */
export async function registerCitizen(
  ctx: ServiceContext,
  input: ContactInput & { code: string; fullName: string; password: string; personalId?: string },
): Promise<CitizenAccount> {
  checkNewCitizen({ contact: presumedContact(input), fullName: input.fullName, password: input.password, personalId: input.personalId });
  const contact = await verifiedContact(ctx, input, 'register');
  return openCitizenAccount(ctx, { contact, fullName: input.fullName, password: input.password, ...(input.personalId ? { personalId: input.personalId } : {}) });
}

/** A new password once the reset code sent to the account's phone or verified e-mail is right. */
export async function resetCitizenPasswordByCode(ctx: ServiceContext, input: ContactInput & { code: string; password: string }): Promise<void> {
  checkNewCitizen({ contact: presumedContact(input), password: input.password });
  const contact = await verifiedContact(ctx, input, 'reset');
  await resetCitizenPassword(ctx, { contact, password: input.password });
}

export const resetPasswordByPhone = (ctx: ServiceContext, input: { phone: string; code: string; password: string }): Promise<void> =>
  resetCitizenPasswordByCode(ctx, input);

/** "Tài khoản của tôi": a code to a new phone or e-mail of the signed-in citizen (`portal.self`). */
export async function sendContactCode(ctx: ServiceContext & { sms: SmsSender; mail: MailSender }, input: ContactInput & { clientAddress: string }): Promise<AccountCodeSent> {
  assertCan(ctx.actor, 'portal.self');
  return sendAccountCode(ctx, { ...input, purpose: 'contact' });
}

/** The phone or e-mail whose code is right becomes the signed-in citizen's, verified. */
export async function verifyContact(ctx: ServiceContext, input: ContactInput & { code: string }): Promise<CitizenContacts> {
  assertCan(ctx.actor, 'portal.self');
  return setVerifiedContact(ctx, await verifiedContact(ctx, input, 'contact'));
}

export { citizenContacts };

export const verifyCardAtCounter = verifyPersonalIdAtCounter;

/** The e-ID login proved the person (src/identity/eid.ts when it lands): their verified account. */
export const accountOfEidIdentity = accountOfVerifiedIdentity;

/**
 * For assisted online filing (h-online): the citizen's account by phone or verified personal ID,
 * or opened for them, unverified, by the staff member filing (permission `dossiers.receive`).
 */
export async function citizenAccountFor(
  ctx: ServiceContext,
  input: { phone?: string; personalId?: string; fullName: string },
): Promise<CitizenAccount & { created: boolean }> {
  assertCan(ctx.actor, 'dossiers.receive');
  const phone84 = input.phone === undefined ? undefined : normalizeVietnameseMobile(input.phone);
  if (phone84 === null) throw validationFailed('PHONE_NOT_MOBILE', 'Số điện thoại phải là số di động Việt Nam (ví dụ 0912 345 678).', [{ path: 'phone', message: 'không phải số di động' }]);
  return accountsCitizenAccountFor(ctx, { ...(phone84 ? { phone84 } : {}), ...(input.personalId ? { personalId: input.personalId } : {}), fullName: input.fullName });
}

/**
 * Assisted online filing confirmed by the citizen's code (src/online): their account found or
 * opened for the phone, the clerk-checked personal ID verified unless another account holds it,
 * and the SMS telling them how to sign in (outbox `account.assistedFiling`) — one transaction, the
 * submission's when `ctx.db` is the intake's transaction (src/online's submit).
 */
export async function accountForAssistedDossier(
  ctx: ServiceContext,
  input: { phone: string; personalId?: string; fullName: string; dossierCode: string; provinceCode: string },
): Promise<CitizenAccount & { created: boolean }> {
  const phone84 = normalizeVietnameseMobile(input.phone);
  if (!phone84) throw validationFailed('PHONE_NOT_MOBILE', 'Số điện thoại phải là số di động Việt Nam (ví dụ 0912 345 678).', [{ path: 'phone', message: 'không phải số di động' }]);
  const { phone: _phone, provinceCode, ...rest } = input;
  return accountForConfirmedFiling(ctx, { ...rest, phone84 }, (trx, account) => queueTemplatedMessage(trx, {
    kind: 'account.assistedFiling', provinceCode, facts: { phone: phone84, username: account.username, created: account.created, dossierCode: input.dossierCode },
  }));
}
