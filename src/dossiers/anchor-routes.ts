// The public face of the anchors (no sign-in, rate-limited): `GET /api/v1/public/anchors` (JSON),
// which the web app's page /cong-khai/neo shows (days, digests, signatures and the public key), so
// that anyone can keep a copy and later check that the log was not rewritten.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { publicRateLimit, type HttpApp } from '../platform/http/server';
import { readAnchorKey } from './anchor-key';
import { loadAnchors } from './anchor-store';
import { keyIdOf, publicKeyText } from './anchors';

const strict = { additionalProperties: false } as const;

const AnchorsAnswer = Type.Object({
  publicKey: Type.Union([Type.String(), Type.Null()], { description: 'Ed25519, SPKI DER base64, from the key file (not from the database); null without a key' }),
  keyId: Type.Union([Type.String(), Type.Null()]),
  anchors: Type.Array(Type.Object({
    day: Type.String({ description: 'YYYY-MM-DD, Vietnam time' }),
    heads: Type.Integer({ description: 'chains folded in' }),
    prevDigest: Type.String(),
    digest: Type.String(),
    keyId: Type.String(),
    publicKey: Type.String(),
    signature: Type.String({ description: 'Ed25519 over "motcua-anchor-v1:DAY:DIGEST", base64' }),
  }, strict)),
}, strict);
/** The answer's type, also read by the web app's anchors page (web/src/anchors, /cong-khai/neo). */
export type AnchorsAnswer = Static<typeof AnchorsAnswer>;

async function publicAnchors(deps: RouteDeps, keyFile: string): Promise<AnchorsAnswer> {
  const key = await readAnchorKey(keyFile).catch(() => null);
  const publicKey = key ? publicKeyText(key.publicKey) : null;
  return { publicKey, keyId: publicKey === null ? null : keyIdOf(publicKey), anchors: await loadAnchors(deps.db) };
}

export function registerAnchorRoutes(app: HttpApp, deps: RouteDeps & { readonly anchorKeyFile: string; readonly rateLimit: number }): void {
  const limit = publicRateLimit(deps.rateLimit);
  app.get('/api/v1/public/anchors', {
    config: limit,
    schema: { tags: ['audit'], summary: 'Công khai các neo hằng ngày của nhật ký hồ sơ và khóa công khai', response: { 200: AnchorsAnswer } },
  }, async () => publicAnchors(deps, deps.anchorKeyFile));
}
