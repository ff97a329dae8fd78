// The local e-ID simulator (issue 15 §1): an OpenID Connect provider served by motcua at /eid-sim
// when no real provider is configured. A login page where the tester picks a test identity, codes
// used once and bound to the client's redirect and PKCE challenge, id_tokens signed ES256 with the
// simulator's own key (one for every instance, kept in the database), and its JWKS. motcua's e-ID
// adapter (eid.ts) talks to it over HTTP exactly as to the real provider.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { codeChallengeOf } from './eid';

export const EID_SIM_PATH = '/eid-sim';
/** The simulator's client: known to anyone, accepted only by the simulator. */
export const EID_SIM_CLIENT = { clientId: 'motcua-local', clientSecret: 'motcua-eid-simulator-secret-not-for-production' } as const;

/** The test identities offered on the simulator's page (the first is the demo citizen). */
export const EID_SIM_IDENTITIES = [
  { key: 'an', personalId: '087090001234', fullName: 'Nguyễn Văn An', birthDate: '1990-03-14' },
  { key: 'binh', personalId: '087195004321', fullName: 'Trần Thị Bình', birthDate: '1995-11-02' },
  { key: 'cuong', personalId: '087080007777', fullName: 'Lê Văn Cường', birthDate: '1980-07-21' },
] as const;

const CODE_MINUTES = 2;
const TOKEN_MINUTES = 10;

export interface EidSimulatorDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** the simulator's issuer: `<public URL>/eid-sim` */
  readonly issuer: string;
}

const hashOf = (code: string): string => createHash('sha256').update(code).digest('hex');

/** The simulator's key pair, made once and shared by every instance through the database. */
async function signingKey(deps: EidSimulatorDeps): Promise<{ privateJwk: JWK; kid: string }> {
  let row = await deps.db.selectFrom('eid_simulator_key').select('private_jwk').executeTakeFirst();
  if (!row) {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = await exportJWK(privateKey);
    await deps.db.insertInto('eid_simulator_key').values({ private_jwk: JSON.stringify(jwk), created_at: deps.clock.now() })
      .onConflict((oc) => oc.column('id').doNothing()).execute();
    row = await deps.db.selectFrom('eid_simulator_key').select('private_jwk').executeTakeFirstOrThrow();
  }
  const privateJwk = row.private_jwk as JWK;
  return { privateJwk, kid: await calculateJwkThumbprint(privateJwk) };
}

export function simulatorDiscovery(issuer: string): Record<string, unknown> {
  return {
    issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'], grant_types_supported: ['authorization_code'], code_challenge_methods_supported: ['S256'],
    id_token_signing_alg_values_supported: ['ES256'], subject_types_supported: ['public'], token_endpoint_auth_methods_supported: ['client_secret_basic'],
  };
}

export async function simulatorJwks(deps: EidSimulatorDeps): Promise<{ keys: JWK[] }> {
  const { privateJwk, kid } = await signingKey(deps);
  const { kty, crv, x, y } = privateJwk;
  return { keys: [{ kty, crv, x, y, kid, use: 'sig', alg: 'ES256' } as JWK] };
}

export interface AuthorizeQuery {
  readonly response_type?: string;
  readonly client_id?: string;
  readonly redirect_uri?: string;
  readonly state?: string;
  readonly nonce?: string;
  readonly code_challenge?: string;
  readonly code_challenge_method?: string;
}

/** What is wrong with an authorization request (null: it can be shown). */
export function authorizeProblem(q: AuthorizeQuery): string | null {
  if (q.response_type !== 'code') return 'response_type phải là code';
  if (q.client_id !== EID_SIM_CLIENT.clientId) return 'client_id không được đăng ký với hệ thống giả lập';
  if (!q.redirect_uri || !/^https?:\/\//.test(q.redirect_uri)) return 'thiếu redirect_uri';
  if (!q.state || !q.nonce) return 'thiếu state hoặc nonce';
  if (q.code_challenge_method !== 'S256' || !q.code_challenge) return 'cần PKCE (code_challenge_method=S256)';
  return null;
}

/** The tester picked an identity: a code bound to this request, and where the browser goes. */
export async function issueCode(deps: EidSimulatorDeps, q: Required<AuthorizeQuery>, identityKey: string): Promise<string | null> {
  if (authorizeProblem(q) || !EID_SIM_IDENTITIES.some((i) => i.key === identityKey)) return null;
  const code = randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  await deps.db.insertInto('eid_simulator_codes').values({
    code_hash: hashOf(code), identity_key: identityKey, client_id: q.client_id, redirect_uri: q.redirect_uri, nonce: q.nonce,
    code_challenge: q.code_challenge, created_at: now, expires_at: new Date(now.getTime() + CODE_MINUTES * 60_000),
  }).execute();
  const target = new URL(q.redirect_uri);
  target.searchParams.set('code', code);
  target.searchParams.set('state', q.state);
  return target.toString();
}

/** The tester cancelled: the client hears `access_denied`, as from the real provider. */
export function deniedRedirect(q: Required<AuthorizeQuery>): string | null {
  if (authorizeProblem(q)) return null;
  const target = new URL(q.redirect_uri);
  target.searchParams.set('error', 'access_denied');
  target.searchParams.set('state', q.state);
  return target.toString();
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function clientOf(authorization: string | undefined): string | null {
  if (!authorization?.startsWith('Basic ')) return null;
  const [id = '', secret = ''] = Buffer.from(authorization.slice(6), 'base64').toString().split(':').map(decodeURIComponent);
  return sameText(id, EID_SIM_CLIENT.clientId) && sameText(secret, EID_SIM_CLIENT.clientSecret) ? id : null;
}

export type TokenAnswer = { status: 200; body: { access_token: string; token_type: 'Bearer'; expires_in: number; id_token: string } }
  | { status: 400 | 401; body: { error: string; error_description: string } };

const tokenError = (status: 400 | 401, error: string, description: string): TokenAnswer => ({ status, body: { error, error_description: description } });

/** The token endpoint: the client authenticated, the code unused, unexpired, for this redirect and verifier. */
export async function exchangeCode(deps: EidSimulatorDeps, authorization: string | undefined, form: Record<string, string>): Promise<TokenAnswer> {
  const clientId = clientOf(authorization);
  // RFC 6749 §5.2: 401 when the client tried the Authorization header, 400 when it sent none
  if (!clientId) return authorization ? tokenError(401, 'invalid_client', 'client authentication failed') : tokenError(400, 'invalid_client', 'client authentication required');
  if (form.grant_type !== 'authorization_code' || !form.code || !form.code_verifier || !form.redirect_uri) return tokenError(400, 'invalid_request', 'missing parameter');
  const now = deps.clock.now();
  const row = await deps.db.updateTable('eid_simulator_codes').set({ used_at: now })
    .where('code_hash', '=', hashOf(form.code)).where('used_at', 'is', null).where('expires_at', '>', now)
    .returningAll().executeTakeFirst();
  if (!row || row.client_id !== clientId || row.redirect_uri !== form.redirect_uri || !sameText(row.code_challenge, codeChallengeOf(form.code_verifier))) {
    return tokenError(400, 'invalid_grant', 'code unknown, used, expired, or not issued for this request');
  }
  const identity = EID_SIM_IDENTITIES.find((i) => i.key === row.identity_key);
  if (!identity) return tokenError(400, 'invalid_grant', 'unknown identity');
  const { privateJwk, kid } = await signingKey(deps);
  const key = await importJWK(privateJwk, 'ES256');
  const issuedAt = Math.floor(now.getTime() / 1000);
  const idToken = await new SignJWT({ nonce: row.nonce, name: identity.fullName, personal_id: identity.personalId, birthdate: identity.birthDate })
    .setProtectedHeader({ alg: 'ES256', kid }).setIssuer(deps.issuer).setAudience(clientId).setSubject(`sim-${identity.personalId}`)
    .setIssuedAt(issuedAt).setExpirationTime(issuedAt + TOKEN_MINUTES * 60).sign(key);
  return { status: 200, body: { access_token: randomBytes(24).toString('base64url'), token_type: 'Bearer', expires_in: TOKEN_MINUTES * 60, id_token: idToken } };
}
