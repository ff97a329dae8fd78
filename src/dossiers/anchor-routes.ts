// The public face of the anchors (no sign-in, rate-limited): `GET /api/v1/public/anchors` (JSON)
// and `GET /cong-khai/neo` (a plain page listing days, digests, signatures and the public key), so
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
type AnchorsAnswer = Static<typeof AnchorsAnswer>;

async function publicAnchors(deps: RouteDeps, keyFile: string): Promise<AnchorsAnswer> {
  const key = await readAnchorKey(keyFile).catch(() => null);
  const publicKey = key ? publicKeyText(key.publicKey) : null;
  return { publicKey, keyId: publicKey === null ? null : keyIdOf(publicKey), anchors: await loadAnchors(deps.db) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const ddmmyyyy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export function anchorsPage(a: AnchorsAnswer): string {
  // one block per day (newest first): the digests and signatures are long, a table would not fit 360 px
  const rows = [...a.anchors].reverse().map((x) => `<section><h3>Ngày ${ddmmyyyy(x.day)}</h3><dl>
<dt>Số hồ sơ có thay đổi</dt><dd>${x.heads}</dd>
<dt>Chuỗi tóm tắt (SHA-256)</dt><dd><code>${escapeHtml(x.digest)}</code></dd>
<dt>Chuỗi tóm tắt ngày trước</dt><dd><code>${escapeHtml(x.prevDigest)}</code></dd>
<dt>Chữ ký (Ed25519, base64)</dt><dd><code>${escapeHtml(x.signature)}</code></dd>
<dt>Mã khóa</dt><dd><code>${escapeHtml(x.keyId)}</code></dd></dl></section>`);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Neo nhật ký hồ sơ — motcua</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem;max-width:60rem}section{border:1px solid #ccc;border-radius:4px;padding:0 .8rem;margin:.6rem 0}dt{font-weight:600;margin-top:.4rem}dd{margin:0}code{word-break:break-all;font-size:.85rem}</style></head><body>
<h1>Neo nhật ký hồ sơ</h1>
<p>Mỗi ngày, mã băm mới nhất của từng hồ sơ có thay đổi trong ngày được gộp thành một chuỗi tóm tắt, nối với chuỗi tóm tắt của ngày trước và ký bằng khóa Ed25519 giữ ngoài cơ sở dữ liệu. Ai lưu bản sao trang này có thể kiểm tra sau rằng nhật ký không bị viết lại (<code>motcua audit verify --anchors</code>).</p>
<h2>Khóa công khai</h2>
${a.publicKey === null ? '<p>Chưa cấu hình khóa neo.</p>' : `<p>Mã khóa <code>${escapeHtml(a.keyId ?? '')}</code> (Ed25519, SPKI DER base64):</p><p><code>${escapeHtml(a.publicKey)}</code></p>`}
<h2>Các ngày đã neo (${a.anchors.length})</h2>
<p>Dữ liệu máy đọc: <a href="/api/v1/public/anchors">/api/v1/public/anchors</a></p>
${rows.join('\n') || '<p>Chưa có ngày nào được neo.</p>'}
</body></html>`;
}

export function registerAnchorRoutes(app: HttpApp, deps: RouteDeps & { readonly anchorKeyFile: string; readonly rateLimit: number }): void {
  const limit = publicRateLimit(deps.rateLimit);
  app.get('/api/v1/public/anchors', {
    config: limit,
    schema: { tags: ['audit'], summary: 'Công khai các neo hằng ngày của nhật ký hồ sơ và khóa công khai', response: { 200: AnchorsAnswer } },
  }, async () => publicAnchors(deps, deps.anchorKeyFile));

  app.get('/cong-khai/neo', { config: limit, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(anchorsPage(await publicAnchors(deps, deps.anchorKeyFile))));
}
