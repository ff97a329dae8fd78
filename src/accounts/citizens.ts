// Citizen accounts (issue 15 §1): opened by the citizen with a verified phone or e-mail (src/identity
// checks the one-time code first), a password reset by a verified phone or e-mail, a personal ID verified by a
// clerk who checked the card at a counter, and the account staff find or open for a citizen they
// file for (assisted online filing). Each write and its audit record in one transaction.
import type { Selectable } from 'kysely';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { Clock } from '../platform/clock';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import type { UsersTable } from '../platform/db/schema';
import { conflict, forbidden, notFound, validationFailed } from '../platform/errors';
import { nameProblem, nfc } from '../platform/text';
import { passwordProblem } from './model';
import { generatePassword, hashPassword } from './passwords';
import { assertCan, can } from './policy';

type UserRow = Selectable<UsersTable>;

/** 84912345678 → 0912345678: the citizen signs in with the number as they write it. */
export const citizenUsernameOfPhone = (phone84: string): string => `0${phone84.slice(2)}`;

const PERSONAL_ID = /^\d{12}$/;

function checkName(fullName: string): string {
  const name = nfc(fullName.trim());
  const issue = nameProblem(name) ?? (name === '' ? 'Họ tên không được để trống.' : null);
  if (issue) throw validationFailed('INVALID_NAME', issue, [{ path: 'fullName', message: issue }]);
  return name;
}

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw validationFailed('WEAK_PASSWORD', problem, [{ path: 'password', message: problem }]);
}

function checkPersonalId(personalId: string | undefined): void {
  if (personalId !== undefined && !PERSONAL_ID.test(personalId)) {
    throw validationFailed('INVALID_PERSONAL_ID', 'Số định danh cá nhân phải gồm 12 chữ số.', [{ path: 'personalId', message: 'cần 12 chữ số' }]);
  }
}

export interface CitizenAccount {
  readonly userId: number;
  readonly username: string;
  readonly personalIdVerified: boolean;
}

const accountOf = (u: Pick<UserRow, 'id' | 'username' | 'personal_id_verified_at'>): CitizenAccount =>
  ({ userId: u.id, username: u.username, personalIdVerified: u.personal_id_verified_at !== null });

/** A phone (84…) or an e-mail address (lower case) the caller has verified by a one-time code. */
export type VerifiedContact = { readonly phone84: string; readonly email?: undefined } | { readonly email: string; readonly phone84?: undefined };

/** The name the citizen signs in with: the phone as they write it, or the e-mail address. */
const usernameOfContact = (contact: VerifiedContact): string => (contact.phone84 !== undefined ? citizenUsernameOfPhone(contact.phone84) : contact.email);

/** The citizen account holding the contact verified, or whose sign-in name it is. */
export function citizenHolding(trx: Database, contact: VerifiedContact) {
  const username = usernameOfContact(contact);
  return trx.selectFrom('users').select(['id', 'username', 'active']).where((eb) => eb.or([
    eb(eb.fn('lower', ['username']), '=', username),
    contact.phone84 !== undefined
      ? eb.and([eb('role', '=', 'citizen'), eb('phone', '=', contact.phone84), eb('phone_verified_at', 'is not', null)])
      : eb.and([eb('role', '=', 'citizen'), eb(eb.fn('lower', ['email']), '=', contact.email), eb('email_verified_at', 'is not', null)]),
  ])).limit(1).executeTakeFirst();
}

/**
 * The checks of a new account that need no code (name, password rules, personal ID): made before the
 * code is used up, so that a weak password does not cost the citizen their code.
 */
export function checkNewCitizen(input: { contact: VerifiedContact; fullName?: string; password: string; personalId?: string | undefined }): void {
  if (input.fullName !== undefined) checkName(input.fullName);
  checkPassword(input.password, usernameOfContact(input.contact));
  checkPersonalId(input.personalId);
}

/**
 * Opens a citizen's account for a phone or an e-mail that the caller has verified (one-time code):
 * that contact verified, the sign-in name made of it. The personal ID, when given, is the
 * citizen's claim: unverified until the e-ID login or a clerk.
 */
export async function openCitizenAccount(
  deps: { db: Database; clock: Clock },
  input: { contact: VerifiedContact; fullName: string; password: string; personalId?: string },
): Promise<CitizenAccount> {
  const { contact } = input;
  const username = usernameOfContact(contact);
  const fullName = checkName(input.fullName);
  checkPassword(input.password, username);
  checkPersonalId(input.personalId);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (await citizenHolding(trx, contact)) {
      throw contact.phone84 !== undefined
        ? conflict('ACCOUNT_EXISTS', 'Số điện thoại này đã có tài khoản. Hãy đăng nhập, hoặc lấy lại mật khẩu bằng mã gửi tới số này.')
        : conflict('ACCOUNT_EXISTS', 'Địa chỉ thư này đã có tài khoản. Hãy đăng nhập, hoặc lấy lại mật khẩu bằng mã gửi tới địa chỉ này.');
    }
    const user = await trx.insertInto('users').values({
      username, full_name: fullName, role: 'citizen', personal_id: input.personalId ?? null, password_hash: passwordHash,
      phone: contact.phone84 ?? null, phone_verified_at: contact.phone84 !== undefined ? now : null,
      email: contact.email ?? null, email_verified_at: contact.email !== undefined ? now : null,
      scope_unit_id: null, scope_agency_id: null, scope_service_point_id: null, scope_code: null, scope_path: null,
      personal_id_verified_at: null, personal_id_verified_via: null,
    }).returning(['id', 'username', 'personal_id_verified_at']).executeTakeFirstOrThrow();
    await recordAudit(trx, { userId: user.id, username }, {
      action: 'citizen.registered', entity: 'user', entityKey: user.id, at: now, payload: contact.phone84 !== undefined ? { phone: contact.phone84 } : { email: contact.email },
    });
    return accountOf(user);
  });
}

/**
 * A new password for the citizen account of a phone or an e-mail the caller has verified; its
 * sessions end, and the contact counts as verified from now. An e-mail must already be the
 * account's verified one (an address typed by someone else must not open the account); a phone,
 * as before e-mail existed, is the account's phone (staff may have opened it for the citizen).
 */
export async function resetCitizenPassword(deps: { db: Database; clock: Clock }, input: { contact: VerifiedContact; password: string }): Promise<void> {
  const { contact } = input;
  const now = deps.clock.now();
  const user = await deps.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('users').select(['id', 'username']).where('role', '=', 'citizen').where('active', '=', true)
      .where((eb) => (contact.phone84 !== undefined
        ? eb('phone', '=', contact.phone84)
        : eb.and([eb(eb.fn('lower', ['email']), '=', contact.email), eb('email_verified_at', 'is not', null)])))
      .orderBy('phone_verified_at', 'asc').orderBy('id').limit(1).forUpdate().executeTakeFirst();
    if (!found) {
      throw contact.phone84 !== undefined
        ? notFound('ACCOUNT_NOT_FOUND', 'Không có tài khoản nào đăng ký bằng số điện thoại này.')
        : notFound('ACCOUNT_NOT_FOUND', 'Không có tài khoản nào đăng ký bằng địa chỉ thư này.');
    }
    return found;
  });
  checkPassword(input.password, user.username);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: false, ...(contact.phone84 !== undefined ? { phone_verified_at: now } : {}) })
      .where('id', '=', user.id).execute();
    await trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    await recordAudit(trx, { userId: user.id, username: user.username }, { action: 'citizen.passwordReset', entity: 'user', entityKey: user.id, at: now, payload: contact.phone84 !== undefined ? { via: 'phone' } : { via: 'email' } });
  });
}

/**
 * A clerk checked the citizen's card at the counter: the account's personal ID becomes verified
 * (permission `citizens.verify`). Refused when another account already holds that ID verified.
 */
export async function verifyPersonalIdAtCounter(ctx: ServiceContext, input: { username: string; personalId: string }): Promise<CitizenAccount> {
  assertCan(ctx.actor, 'citizens.verify');
  const actor = ctx.actor;
  checkPersonalId(input.personalId);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').selectAll().where('role', '=', 'citizen')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.trim().toLowerCase())).forUpdate().executeTakeFirst();
    if (!user) throw notFound('ACCOUNT_NOT_FOUND', `Không tìm thấy tài khoản công dân ${input.username.slice(0, 40)}.`);
    const holder = await trx.selectFrom('users').select('id').where('personal_id', '=', input.personalId)
      .where('personal_id_verified_at', 'is not', null).where('id', '!=', user.id).executeTakeFirst();
    if (holder) throw conflict('PERSONAL_ID_HELD', 'Số định danh này đã được xác minh cho một tài khoản khác.');
    const updated = await trx.updateTable('users')
      .set({ personal_id: input.personalId, personal_id_verified_at: now, personal_id_verified_via: 'counter' })
      .where('id', '=', user.id).returning(['id', 'username', 'personal_id_verified_at']).executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'citizen.personalIdVerified', entity: 'user', entityKey: user.id, at: now,
      payload: { before: { personalId: user.personal_id, verifiedVia: user.personal_id_verified_via }, after: { personalId: input.personalId, verifiedVia: 'counter' } },
    });
    return accountOf(updated);
  });
}

/**
 * The e-ID login proved who the person is: the account holding that personal ID verified, else a
 * new one (verified by e-ID, with a password nobody knows: the citizen signs in through e-ID or
 * sets one by phone later).
 */
export async function accountOfVerifiedIdentity(deps: { db: Database; clock: Clock }, identity: { personalId: string; fullName: string }): Promise<CitizenAccount> {
  checkPersonalId(identity.personalId);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const held = await trx.selectFrom('users').select(['id', 'username', 'personal_id_verified_at', 'active']).where('personal_id', '=', identity.personalId)
      .where('personal_id_verified_at', 'is not', null).executeTakeFirst();
    if (held) {
      if (!held.active) throw conflict('ACCOUNT_DISABLED', 'Tài khoản của số định danh này đã bị khóa.');
      return accountOf(held);
    }
    const username = `vneid.${identity.personalId}`;
    const user = await trx.insertInto('users').values({
      username, full_name: checkName(identity.fullName), role: 'citizen', phone: null, email: null, personal_id: identity.personalId,
      personal_id_verified_at: now, personal_id_verified_via: 'eid', password_hash: await hashPassword(generatePassword()),
      scope_unit_id: null, scope_agency_id: null, scope_service_point_id: null, scope_code: null, scope_path: null,
    }).returning(['id', 'username', 'personal_id_verified_at']).executeTakeFirstOrThrow();
    await recordAudit(trx, { userId: user.id, username }, { action: 'citizen.registered', entity: 'user', entityKey: user.id, at: now, payload: { via: 'eid' } });
    return accountOf(user);
  });
}

/**
 * Assisted filing (issue 15 §3): the citizen's account found by their phone or verified personal
 * ID, or opened for them (unverified, a password nobody knows) by the staff member filing for
 * them (permission `dossiers.receive`); the citizen takes it over by a one-time code to the phone.
 */
export async function citizenAccountFor(
  ctx: ServiceContext,
  input: { phone84?: string; personalId?: string; fullName: string },
): Promise<CitizenAccount & { created: boolean }> {
  assertCan(ctx.actor, 'dossiers.receive');
  const actor = ctx.actor;
  checkPersonalId(input.personalId);
  if (!input.phone84 && !input.personalId) {
    throw validationFailed('CITIZEN_CONTACT_REQUIRED', 'Cần số điện thoại hoặc số định danh của công dân.', [{ path: 'phone', message: 'bắt buộc' }]);
  }
  const now = ctx.clock.now();
  return ctx.db.transaction().execute((trx) => findOrOpen(trx, actor, input, now));
}

type Trx = Parameters<Parameters<ReturnType<Database['transaction']>['execute']>[0]>[0];

async function findOrOpen(trx: Trx, actor: Actor, input: { phone84?: string; personalId?: string; fullName: string }, now: Date): Promise<CitizenAccount & { created: boolean }> {
  let query = trx.selectFrom('users').select(['id', 'username', 'personal_id_verified_at']).where('role', '=', 'citizen');
  query = query.where((eb) => eb.or([
    ...(input.phone84 ? [eb('phone', '=', input.phone84)] : []),
    ...(input.personalId ? [eb.and([eb('personal_id', '=', input.personalId), eb('personal_id_verified_at', 'is not', null)])] : []),
  ]));
  const found = await query.orderBy('personal_id_verified_at', 'asc').limit(1).forUpdate().executeTakeFirst();
  if (found) return { ...accountOf(found), created: false };
  const username = input.phone84 ? citizenUsernameOfPhone(input.phone84) : `cd.${input.personalId ?? ''}`;
  const user = await trx.insertInto('users').values({
    username, full_name: checkName(input.fullName), role: 'citizen', phone: input.phone84 ?? null, email: null, personal_id: input.personalId ?? null,
    personal_id_verified_at: null, personal_id_verified_via: null, password_hash: await hashPassword(generatePassword()),
    scope_unit_id: null, scope_agency_id: null, scope_service_point_id: null, scope_code: null, scope_path: null,
  }).returning(['id', 'username', 'personal_id_verified_at']).executeTakeFirstOrThrow();
  await recordAudit(trx, actor, { action: 'citizen.accountOpenedForFiling', entity: 'user', entityKey: user.id, at: now, payload: { username } });
  return { ...accountOf(user), created: true };
}

/**
 * The citizen confirmed an assisted dossier with the code sent to their phone (issue 15 §3): their
 * account found or opened, the personal ID the clerk read from the card verified (`via: 'counter'`)
 * unless another account already holds it verified, the confirmation audited, and `notify` (the
 * caller's outbox message) written — one transaction: the caller's when `ctx.db` is one (src/online
 * runs it in the submission's transaction, so there is no dossier without its account nor the
 * reverse). Staff who file for a citizen: a clerk (`dossiers.receive`) or a postal worker at the
 * citizen's home (`postal.courier`).
 */
export async function accountForConfirmedFiling(
  ctx: ServiceContext,
  input: { phone84: string; personalId?: string; fullName: string; dossierCode: string },
  notify: (trx: Trx, account: CitizenAccount & { created: boolean }) => Promise<void>,
): Promise<CitizenAccount & { created: boolean }> {
  const actor = ctx.actor;
  if (!actor || !(can(actor, 'dossiers.receive') || can(actor, 'postal.courier'))) throw forbidden('FORBIDDEN', 'Bạn không có quyền mở tài khoản cho công dân.');
  checkPersonalId(input.personalId);
  const now = ctx.clock.now();
  const inTransaction = <T>(work: (trx: Trx) => Promise<T>): Promise<T> =>
    (ctx.db.isTransaction ? work(ctx.db as Trx) : ctx.db.transaction().execute(work));
  return inTransaction(async (trx) => {
    let account = await findOrOpen(trx, actor, input, now);
    // the code reached this phone: it is the account's, verified (unless another account holds it verified)
    await trx.updateTable('users').set({ phone_verified_at: now }).where('id', '=', account.userId).where('phone', '=', input.phone84)
      .where('phone_verified_at', 'is', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('users as other').select('other.id').where('other.role', '=', 'citizen')
        .where('other.phone', '=', input.phone84).where('other.phone_verified_at', 'is not', null))))
      .execute();
    const id = input.personalId;
    if (id && !account.personalIdVerified) {
      const holder = await trx.selectFrom('users').select('id').where('personal_id', '=', id)
        .where('personal_id_verified_at', 'is not', null).where('id', '!=', account.userId).executeTakeFirst();
      if (!holder) {
        await trx.updateTable('users').set({ personal_id: id, personal_id_verified_at: now, personal_id_verified_via: 'counter' }).where('id', '=', account.userId).execute();
        await recordAudit(trx, actor, { action: 'citizen.personalIdVerified', entity: 'user', entityKey: account.userId, at: now, payload: { after: { personalId: id, verifiedVia: 'counter' }, dossierCode: input.dossierCode } });
        account = { ...account, personalIdVerified: true };
      }
    }
    await recordAudit(trx, actor, { action: 'citizen.assistedFilingConfirmed', entity: 'user', entityKey: account.userId, at: now, payload: { dossierCode: input.dossierCode, created: account.created } });
    await notify(trx, account);
    return account;
  });
}
