// The national e-ID login (VNeID-style OpenID Connect, issue 15 §1): the `EidProvider` interface and
// its one implementation over HTTP — discovery document, authorization-code flow with PKCE (S256),
// token exchange with the client's secret, and the id_token's signature checked against the
// provider's JWKS (`jose`), with its issuer, audience, expiry and nonce. The local simulator
// (eid-simulator.ts) is reached through this same code, over HTTP.
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, customFetch, jwtVerify, type JWTPayload } from 'jose';

export interface EidIdentity {
  /** the 12-digit personal identification number */
  readonly personalId: string;
  readonly fullName: string;
  /** the provider's subject identifier */
  readonly subject: string;
}

export interface AuthorizationRequest {
  readonly state: string;
  readonly nonce: string;
  readonly codeChallenge: string;
  readonly redirectUri: string;
}

export interface TokenRequest {
  readonly code: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  readonly nonce: string;
}

export interface EidProvider {
  /** 'simulator': the local test provider (the portal says so on its button) */
  readonly kind: 'oidc' | 'simulator';
  authorizationUrl(request: AuthorizationRequest): Promise<string>;
  /** The code exchanged, the id_token checked: who signed in. Throws EidError otherwise. */
  identityOf(request: TokenRequest): Promise<EidIdentity>;
}

/** A failed login: `refused` — the provider or its token said no (4xx); otherwise unreachable (503). */
export class EidError extends Error {
  constructor(readonly reason: 'refused' | 'unreachable', message: string) {
    super(message);
  }
}

export interface OidcSettings {
  readonly kind: EidProvider['kind'];
  readonly discoveryUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** the id_token claim holding the personal ID (VNeID: a 12-digit number) */
  readonly personalIdClaim: string;
  /** seconds of clock skew allowed on the token's times */
  readonly clockToleranceSeconds?: number;
  /** the time the token's expiry is judged at (the app's clock) */
  readonly now?: () => Date;
  /** how HTTP requests leave (the global fetch; the simulator's are answered by this app's own routes) */
  readonly fetch?: typeof fetch;
}

interface Discovery {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url');
/** A random value for state, nonce or the PKCE verifier (256 bits). */
export const randomToken = (): string => base64url(randomBytes(32));
/** RFC 7636 S256: BASE64URL(SHA256(verifier)). */
export const codeChallengeOf = (verifier: string): string => base64url(createHash('sha256').update(verifier).digest());

const TIMEOUT_MS = 15_000;

async function fetchJson(fetcher: typeof fetch, url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetcher(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch {
    throw new EidError('unreachable', 'Không kết nối được với hệ thống định danh điện tử. Vui lòng thử lại sau.');
  }
  const body: unknown = await res.json().catch(() => null);
  return { status: res.status, body };
}

function discoveryOf(body: unknown): Discovery {
  const d = body as Partial<Record<keyof Discovery, unknown>> | null;
  const fields = ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const;
  if (!d || fields.some((f) => typeof d[f] !== 'string')) throw new EidError('unreachable', 'Tài liệu cấu hình của hệ thống định danh điện tử không hợp lệ.');
  return d as Discovery;
}

const stringClaim = (payload: JWTPayload, name: string): string | null => {
  const value = payload[name];
  return typeof value === 'string' ? value : null;
};

/** The provider over HTTP: discovery read once (retried after a failure), the JWKS cached by jose. */
export function oidcEidProvider(settings: OidcSettings): EidProvider {
  const fetcher = settings.fetch ?? fetch;
  let discovered: Promise<{ discovery: Discovery; jwks: ReturnType<typeof createRemoteJWKSet> }> | null = null;
  const discover = () => {
    discovered ??= fetchJson(fetcher, settings.discoveryUrl).then(({ status, body }) => {
      if (status !== 200) throw new EidError('unreachable', 'Không đọc được cấu hình của hệ thống định danh điện tử.');
      const discovery = discoveryOf(body);
      return { discovery, jwks: createRemoteJWKSet(new URL(discovery.jwks_uri), { timeoutDuration: TIMEOUT_MS, [customFetch]: (url, options) => fetcher(url, options) }) };
    }).catch((e: unknown) => {
      discovered = null;
      throw e;
    });
    return discovered;
  };
  return {
    kind: settings.kind,
    async authorizationUrl(request) {
      const { discovery } = await discover();
      const url = new URL(discovery.authorization_endpoint);
      const params = {
        response_type: 'code', client_id: settings.clientId, redirect_uri: request.redirectUri, scope: 'openid profile',
        state: request.state, nonce: request.nonce, code_challenge: request.codeChallenge, code_challenge_method: 'S256',
      };
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return url.toString();
    },
    async identityOf(request) {
      const { discovery, jwks } = await discover();
      const { status, body } = await fetchJson(fetcher, discovery.token_endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: request.code, redirect_uri: request.redirectUri, code_verifier: request.codeVerifier }).toString(),
      });
      if (status >= 500) throw new EidError('unreachable', 'Hệ thống định danh điện tử đang gặp sự cố. Vui lòng thử lại sau.');
      const idToken = (body as { id_token?: unknown } | null)?.id_token;
      if (status !== 200 || typeof idToken !== 'string') throw new EidError('refused', 'Hệ thống định danh điện tử không xác nhận lần đăng nhập này.');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(idToken, jwks, { issuer: discovery.issuer, audience: settings.clientId, clockTolerance: settings.clockToleranceSeconds ?? 60, ...(settings.now ? { currentDate: settings.now() } : {}) }));
      } catch {
        throw new EidError('refused', 'Chữ ký của thông tin đăng nhập định danh điện tử không hợp lệ.');
      }
      if (payload.nonce !== request.nonce) throw new EidError('refused', 'Thông tin đăng nhập định danh điện tử không thuộc lần đăng nhập này.');
      const personalId = stringClaim(payload, settings.personalIdClaim);
      const fullName = stringClaim(payload, 'name');
      if (!personalId || !/^\d{12}$/.test(personalId) || !fullName || !payload.sub) {
        throw new EidError('refused', 'Thông tin định danh điện tử thiếu số định danh hoặc họ tên.');
      }
      return { personalId, fullName, subject: payload.sub };
    },
  };
}
