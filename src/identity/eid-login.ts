// The e-ID login's use cases (issue 15 §1): start — a state, a nonce and a PKCE verifier kept in the
// database (any instance may take the callback), the browser sent to the provider — and finish —
// the state used once, the code exchanged and the id_token checked by the adapter, then the
// citizen's account found or opened with its personal ID verified by e-ID, and a session opened,
// audited in the same transaction.
import { accountOfVerifiedIdentity } from '../accounts/citizens';
import { openSession } from '../accounts/login';
import { recordAudit } from '../platform/audit-log';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { unavailable, validationFailed } from '../platform/errors';
import { codeChallengeOf, EidError, randomToken, type EidProvider } from './eid';

export const EID_CALLBACK_PATH = '/api/v1/public/eid/callback';
const STATE_MINUTES = 10;

export interface EidLoginDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly provider: EidProvider;
  /** the public base URL: the callback the provider sends the browser back to */
  readonly publicUrl: string;
  readonly sessionTtlHours: number;
}

const redirectUriOf = (publicUrl: string): string => `${publicUrl.replace(/\/$/, '')}${EID_CALLBACK_PATH}`;

/** Only a path of this site (never another site: no open redirect); the portal's home otherwise. */
export function safeReturnPath(returnTo: string | undefined): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\') || /[\s\\]/.test(returnTo)) return '/';
  return returnTo.slice(0, 500);
}

const providerFailure = (e: unknown): never => {
  if (e instanceof EidError) {
    throw e.reason === 'refused'
      ? validationFailed('EID_LOGIN_REFUSED', e.message, [{ path: 'code', message: 'không được xác nhận' }])
      : unavailable('EID_UNAVAILABLE', e.message);
  }
  throw e;
};

/** A new login: the provider's authorization URL to send the browser to. */
export async function startEidLogin(deps: EidLoginDeps, input: { returnTo?: string }): Promise<string> {
  const state = randomToken();
  const nonce = randomToken();
  const verifier = randomToken();
  const now = deps.clock.now();
  // forget logins that were never finished, so that the table stays small
  await deps.db.deleteFrom('eid_login_states').where('expires_at', '<', new Date(now.getTime() - 86_400_000)).execute();
  await deps.db.insertInto('eid_login_states').values({
    state, nonce, code_verifier: verifier, return_to: safeReturnPath(input.returnTo), created_at: now,
    expires_at: new Date(now.getTime() + STATE_MINUTES * 60_000),
  }).execute();
  return deps.provider.authorizationUrl({ state, nonce, codeChallenge: codeChallengeOf(verifier), redirectUri: redirectUriOf(deps.publicUrl) }).catch(providerFailure);
}

export interface EidLoginResult {
  readonly token: string;
  readonly expiresAt: Date;
  readonly returnTo: string;
  readonly userId: number;
  readonly created: boolean;
}

const STATE_UNKNOWN = () => validationFailed('EID_STATE_INVALID', 'Lần đăng nhập này đã hết hạn hoặc đã dùng. Vui lòng đăng nhập lại bằng VNeID.', [{ path: 'state', message: 'không hợp lệ' }]);

/** The provider's answer: the state used up first (a replayed callback fails), then the proof, then the account. */
export async function finishEidLogin(deps: EidLoginDeps, input: { code?: string; state?: string; error?: string }): Promise<EidLoginResult> {
  const now = deps.clock.now();
  if (!input.state) throw STATE_UNKNOWN();
  const started = await deps.db.updateTable('eid_login_states').set({ used_at: now })
    .where('state', '=', input.state).where('used_at', 'is', null).where('expires_at', '>', now)
    .returning(['nonce', 'code_verifier', 'return_to']).executeTakeFirst();
  if (!started) throw STATE_UNKNOWN();
  if (input.error || !input.code) {
    throw validationFailed('EID_LOGIN_CANCELLED', 'Bạn đã hủy đăng nhập bằng VNeID, hoặc VNeID không cho phép. Bạn có thể thử lại.', [{ path: 'error', message: input.error ?? 'thiếu mã' }]);
  }
  const identity = await deps.provider.identityOf({
    code: input.code, codeVerifier: started.code_verifier, redirectUri: redirectUriOf(deps.publicUrl), nonce: started.nonce,
  }).catch(providerFailure);
  const before = await deps.db.selectFrom('users').select('id').where('personal_id', '=', identity.personalId).where('personal_id_verified_at', 'is not', null).executeTakeFirst();
  const account = await accountOfVerifiedIdentity(deps, { personalId: identity.personalId, fullName: identity.fullName });
  const session = await deps.db.transaction().execute(async (trx) => {
    const user = { userId: account.userId, username: account.username };
    await recordAudit(trx, user, { action: 'citizen.eidLogin', entity: 'user', entityKey: account.userId, at: now, payload: { via: 'eid', provider: deps.provider.kind, subject: identity.subject } });
    return openSession(trx, user, { now, sessionTtlHours: deps.sessionTtlHours, action: 'login.eid' });
  });
  return { ...session, returnTo: started.return_to, userId: account.userId, created: before === undefined };
}
