// Sign-in, sessions and password change. No lock-out that anyone could trigger: guesses are slowed
// down per account name and per client address (src/platform/throttle.ts), and an unknown or
// inactive username gets the same answer after the same work (a real Argon2 verification against
// a dummy hash) as a wrong password.
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { Clock } from '../platform/clock';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import { forbidden, tooManyRequests, unauthenticated, validationFailed } from '../platform/errors';
import { claimAttempt, clearAttempts, forgiveAttempt, type BackoffPolicy, type ThrottleKey } from '../platform/throttle';
import { citizenIdOfSignInName } from './citizen-contacts';
import { passwordProblem } from './model';
import { hashPassword, newSessionToken, verifyPassword } from './passwords';
import { actorOfUser, toUserView, type UserView } from './service';

/**
 * One account name: 3 free tries, then 1, 2, 4 … seconds, never more than 30 s — a user who
 * mistyped waits seconds, a guesser gets about 2 900 tries a day at most against a password of
 * 10+ characters, and nobody can keep an owner out for longer than 30 s at a time.
 */
export const ACCOUNT_BACKOFF: BackoffPolicy = { free: 3, baseSeconds: 1, capSeconds: 30, forgetAfterSeconds: 3600 };
/** One client address (a post office behind one NAT signs in many clerks): 20 free, up to 5 minutes. */
export const ADDRESS_BACKOFF: BackoffPolicy = { free: 20, baseSeconds: 1, capSeconds: 300, forgetAfterSeconds: 3600 };

const accountKey = (username: string): ThrottleKey => ({ key: `login-account:${username}`, policy: ACCOUNT_BACKOFF });
const addressKey = (address: string): ThrottleKey => ({ key: `login-address:${address}`, policy: ADDRESS_BACKOFF });

export const normalizeUsername = (username: string): string => username.normalize('NFC').trim().toLowerCase();

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

let dummyHash: Promise<string> | null = null;
/** A real Argon2id hash (same parameters as every user's) of a random secret nobody knows. */
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword(randomBytes(24).toString('base64url')));

const INVALID_CREDENTIALS = () => unauthenticated('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
const throttled = (seconds: number) =>
  tooManyRequests('LOGIN_THROTTLED', `Đã nhập sai nhiều lần. Vui lòng thử lại sau ${seconds} giây.`, seconds);

const userById = (db: Database, id: number | null) =>
  (id === null ? Promise.resolve(undefined) : db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst());

export interface LoginResult {
  readonly token: string;
  readonly expiresAt: Date;
  readonly user: UserView;
}

export async function login(
  deps: { db: Database; clock: Clock },
  input: { username: string; password: string; clientAddress: string },
  sessionTtlHours: number,
): Promise<LoginResult> {
  const now = deps.clock.now();
  const username = normalizeUsername(input.username);
  const account = accountKey(username);
  const address = addressKey(input.clientAddress);
  // the claim comes first and is the same for every name, known or not: the wait tells nothing
  const claim = await claimAttempt(deps.db, [account, address], now);
  if (!claim.allowed) throw throttled(claim.retryAfterSeconds);
  const user = await deps.db.selectFrom('users').selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username)).executeTakeFirst()
    ?? await userById(deps.db, await citizenIdOfSignInName(deps.db, username));
  const known = user !== undefined && user.active;
  const passwordOk = await verifyPassword(known ? user.password_hash : await dummyPasswordHash(), input.password);
  if (!known || !passwordOk) {
    if (known) await recordAudit(deps.db, null, { action: 'login.failed', entity: 'user', entityKey: user.id, at: now });
    throw INVALID_CREDENTIALS();
  }
  const { token, expiresAt } = await deps.db.transaction().execute(async (trx) => {
    await clearAttempts(trx, account.key);
    await forgiveAttempt(trx, address.key);
    return openSession(trx, { userId: user.id, username: user.username }, { now, sessionTtlHours, action: 'login' });
  });
  return { token, expiresAt, user: toUserView(user) };
}

/**
 * A new session of a user whose proof the caller checked (a password above, an e-ID login in
 * src/identity), with its audit record, inside the caller's transaction.
 */
export async function openSession(
  trx: Database,
  user: { userId: number; username: string },
  options: { now: Date; sessionTtlHours: number; action: 'login' | 'login.eid' },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(options.now.getTime() + options.sessionTtlHours * 3_600_000);
  await trx.insertInto('sessions').values({ token_hash: tokenHash(token), user_id: user.userId, created_at: options.now, expires_at: expiresAt }).execute();
  await recordAudit(trx, user, { action: options.action, entity: 'user', entityKey: user.userId, at: options.now });
  return { token, expiresAt };
}

export interface SessionUser {
  readonly actor: Actor;
  readonly mustChangePassword: boolean;
}

/** The user behind a session token, or null when it is unknown, expired or revoked. */
export async function sessionForToken(deps: { db: Database; clock: Clock }, token: string): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const row = await deps.db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.token_hash', '=', tokenHash(token))
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', deps.clock.now())
    .where('users.active', '=', true)
    .executeTakeFirst();
  return row ? { actor: actorOfUser(row), mustChangePassword: row.must_change_password } : null;
}

export async function actorForToken(deps: { db: Database; clock: Clock }, token: string): Promise<Actor | null> {
  return (await sessionForToken(deps, token))?.actor ?? null;
}

/** What a session that must change its password may still call (ask who it is, change it, leave). */
export const allowedBeforePasswordChange = (method: string, path: string): boolean =>
  (method === 'GET' && path === '/api/v1/auth/me')
  || (method === 'POST' && (path === '/api/v1/auth/password' || path === '/api/v1/auth/logout'));

export const passwordChangeRequired = () =>
  forbidden('PASSWORD_CHANGE_REQUIRED', 'Bạn cần đổi mật khẩu được cấp trước khi tiếp tục làm việc.');

export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  await ctx.db.updateTable('sessions').set({ revoked_at: ctx.clock.now() })
    .where('token_hash', '=', tokenHash(token)).where('revoked_at', 'is', null).execute();
}

/** A wrong current password counts against the account like a failed sign-in. */
export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string; clientAddress: string },
  keepToken: string | null,
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  const now = ctx.clock.now();
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const account = accountKey(normalizeUsername(user.username));
  const address = addressKey(input.clientAddress);
  const claim = await claimAttempt(ctx.db, [account, address], now);
  if (!claim.allowed) throw throttled(claim.retryAfterSeconds);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordAudit(ctx.db, actor, { action: 'password.wrong', entity: 'user', entityKey: user.id, at: now });
    throw validationFailed('WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.');
  }
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) {
    await clearAttempts(ctx.db, account.key); // the right current password: the owner, not a guesser
    await forgiveAttempt(ctx.db, address.key);
    throw validationFailed('WEAK_PASSWORD', problem, [{ path: 'body/newPassword', message: problem }]);
  }
  if (await verifyPassword(user.password_hash, input.newPassword)) {
    await clearAttempts(ctx.db, account.key);
    await forgiveAttempt(ctx.db, address.key);
    throw validationFailed('SAME_PASSWORD', 'Mật khẩu mới phải khác mật khẩu hiện tại.', [{ path: 'body/newPassword', message: 'trùng mật khẩu cũ' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await clearAttempts(trx, account.key);
    await forgiveAttempt(trx, address.key);
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: false }).where('id', '=', user.id).execute();
    // Other sessions end: a changed password must lock out whoever else knew the old one.
    let revoke = trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', user.id).where('revoked_at', 'is', null);
    if (keepToken) revoke = revoke.where('token_hash', '!=', tokenHash(keepToken));
    await revoke.execute();
    await recordAudit(trx, actor, { action: 'password.changed', entity: 'user', entityKey: user.id, at: now });
  });
}
