// Citizen identity (issue 15 §1): the use cases that join a proof — a one-time code to the phone
// (appointments' codes, reused) — to an account (accounts' citizen accounts). The code is checked
// first; the account write and its audit record are one transaction in accounts/citizens.ts.
import {
  accountForConfirmedFiling, accountOfVerifiedIdentity, citizenAccountFor as accountsCitizenAccountFor, openCitizenAccount, resetCitizenPassword, verifyPersonalIdAtCounter,
  type CitizenAccount,
} from '../accounts/citizens';
import { assertCan } from '../accounts/policy';
import { sendOneTimeCode, verifyOneTimeCode, type CodeSent } from '../appointments/one-time-codes';
import { normalizeVietnameseMobile, type SmsSender } from '../notifications/sms';
import { queueTemplatedMessage } from '../notifications/service';
import type { ServiceContext } from '../platform/context';
import { validationFailed } from '../platform/errors';

export type { CitizenAccount };

/** One purpose per use, so that a code sent to open an account cannot reset a password. */
const codePurpose = { register: 'citizen-register', reset: 'citizen-reset' } as const;

export async function sendAccountCode(ctx: ServiceContext & { sms: SmsSender }, input: { phone: string; purpose: keyof typeof codePurpose; clientAddress: string }): Promise<CodeSent> {
  return sendOneTimeCode(ctx, { phone: input.phone, purpose: codePurpose[input.purpose], clientAddress: input.clientAddress });
}

/** Opens the account once the code sent to the phone is right (used up by this check). */
export async function registerCitizen(
  ctx: ServiceContext,
  input: { phone: string; code: string; fullName: string; password: string; personalId?: string },
): Promise<CitizenAccount> {
  const verified = await verifyOneTimeCode(ctx, { phone: input.phone, code: input.code, purpose: codePurpose.register });
  return openCitizenAccount(ctx, {
    phone84: verified.phone, fullName: input.fullName, password: input.password, ...(input.personalId ? { personalId: input.personalId } : {}),
  });
}

export async function resetPasswordByPhone(ctx: ServiceContext, input: { phone: string; code: string; password: string }): Promise<void> {
  const verified = await verifyOneTimeCode(ctx, { phone: input.phone, code: input.code, purpose: codePurpose.reset });
  await resetCitizenPassword(ctx, { phone84: verified.phone, password: input.password });
}

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
  input: { phone: string; personalId?: string; fullName: string; dossierCode: string },
): Promise<CitizenAccount & { created: boolean }> {
  const phone84 = normalizeVietnameseMobile(input.phone);
  if (!phone84) throw validationFailed('PHONE_NOT_MOBILE', 'Số điện thoại phải là số di động Việt Nam (ví dụ 0912 345 678).', [{ path: 'phone', message: 'không phải số di động' }]);
  const { phone: _phone, ...rest } = input;
  return accountForConfirmedFiling(ctx, { ...rest, phone84 }, (trx, account) => queueTemplatedMessage(trx, {
    kind: 'account.assistedFiling', facts: { phone: phone84, username: account.username, created: account.created, dossierCode: input.dossierCode },
  }));
}
