// HTTP for certified electronic copies (issue 12 §5): the agency issues one; anyone verifies it
// by its id (no sign-in, rate-limited). Thin routes with request and response schemas.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { CodeSystem } from '../dossiers/codes';
import type { DossierHook } from '../dossiers/events';
import type { RouteDeps } from '../platform/context';
import { ErrorShape, Nullable } from '../platform/http/schemas';
import { publicRateLimit, requireActor, type HttpApp } from '../platform/http/server';
import { certifyCopy, checkCopyHash, verifyCopy } from './copies';
import type { FilesDeps } from './model';
import type { RemoteSigner } from './signing';

export interface CopyRouteDeps extends RouteDeps {
  readonly hooks: readonly DossierHook[];
  readonly codeSystem?: CodeSystem;
  readonly files: FilesDeps;
  readonly signer: RemoteSigner | null;
  readonly publicUrl: string;
  /** public verification: requests a minute per client address */
  readonly rateLimit: number;
}

const strict = { additionalProperties: false } as const;
const Sha256 = Type.String({ pattern: '^[0-9a-fA-F]{64}$' });
const CopyId = Type.Object({ id: Type.String({ pattern: '^[0-9A-Za-z]{12}$', description: 'Mã bản sao (12 ký tự, in trên bản sao)' }) }, strict);

const CertifiedCopyAnswer = Type.Object({
  id: Type.String(), dossierCode: Type.String(), title: Type.String(), fileId: Type.Integer(), sha256: Type.String(), originalSha256: Type.String(),
  agencyName: Type.String(), certifiedByName: Type.String(), certifiedAt: Type.String({ format: 'date-time' }), verifyUrl: Type.String(),
  signature: Nullable(Type.Object({ provider: Type.String(), legal: Type.Boolean() })),
});
export type CertifiedCopyResponse = Static<typeof CertifiedCopyAnswer>;

export const CopyVerificationAnswer = Type.Object({
  id: Type.String(), title: Type.String(), dossierCode: Type.String(), agencyName: Type.String(), certifiedByName: Type.String(),
  certifiedAt: Type.String({ format: 'date-time' }), originalSha256: Type.String(), copySha256: Type.String(), storedCopyIntact: Type.Boolean(),
  signature: Nullable(Type.Object({ provider: Type.String(), legal: Type.Boolean(), valid: Type.Boolean() })),
});
export type CopyVerificationResponse = Static<typeof CopyVerificationAnswer>;
export const CopyCheckAnswer = Type.Object({ matches: Type.Union([Type.Literal('copy'), Type.Literal('original'), Type.Literal('none')]) });
export type CopyCheckResponse = Static<typeof CopyCheckAnswer>;

export function registerCopyRoutes(app: HttpApp, deps: CopyRouteDeps): void {
  const ctx = (request: FastifyRequest) => ({
    db: deps.db, clock: deps.clock, actor: requireActor(request), hooks: deps.hooks, files: deps.files, ...(deps.codeSystem ? { codeSystem: deps.codeSystem } : {}),
  });
  const copyDeps = { signer: deps.signer, publicUrl: deps.publicUrl };

  app.post('/api/v1/dossiers/:code/certified-copies', {
    schema: {
      tags: ['documents'], summary: 'Cấp bản sao điện tử của một tệp kết quả (khối xác nhận, mã QR tới trang xác minh; ký số khi đã cấu hình dịch vụ ký số)',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }, strict),
      body: Type.Object({ fileId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, strict),
      response: { 201: CertifiedCopyAnswer },
    },
  }, async (request, reply) => reply.status(201).send(await certifyCopy(ctx(request), copyDeps, request.params.code, request.body.fileId)));

  app.get('/api/v1/public/certified-copies/:id', {
    config: publicRateLimit(deps.rateLimit),
    schema: {
      tags: ['documents'], summary: 'Xác minh bản sao điện tử (công khai): cơ quan, người xác nhận, thời điểm, mã băm, chữ ký số',
      params: CopyId, response: { 200: CopyVerificationAnswer, 404: ErrorShape, 429: ErrorShape },
    },
  }, async (request) => verifyCopy({ db: deps.db, clock: deps.clock, files: deps.files }, deps.signer, request.params.id));

  app.post('/api/v1/public/certified-copies/:id/check', {
    config: publicRateLimit(deps.rateLimit),
    schema: {
      tags: ['documents'], summary: 'So mã băm SHA-256 của một tệp (tính trên máy người dùng) với bản sao và tệp gốc',
      params: CopyId, body: Type.Object({ sha256: Sha256 }, strict), response: { 200: CopyCheckAnswer, 404: ErrorShape, 429: ErrorShape },
    },
  }, async (request) => checkCopyHash({ db: deps.db }, request.params.id, request.body.sha256));
}
