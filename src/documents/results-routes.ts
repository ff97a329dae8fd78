// HTTP for electronic results (issue 12 §5): attach, list, download (signed in, or with the
// tracking PIN). Thin routes with request and response schemas.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { CodeSystem } from '../dossiers/codes';
import type { DossierContext, DossierHook } from '../dossiers/events';
import { ActionResultSchema } from '../dossiers/schemas';
import type { RouteDeps } from '../platform/context';
import { ErrorShape, fileAnswer, Nullable } from '../platform/http/schemas';
import { publicRateLimit, requireActor, type HttpApp } from '../platform/http/server';
import { trackDossier } from '../tracking/service';
import { attachmentHeader, mediaTypes, type FileMeta, type FilesDeps } from './model';
import { attachResultFile, listResultFiles, openResultFile } from './results';
import { FileAnswer } from './files-routes';

export interface ResultRouteDeps extends RouteDeps {
  readonly hooks: readonly DossierHook[];
  readonly codeSystem?: CodeSystem;
  readonly files: FilesDeps;
  /** public downloads with the tracking PIN: requests a minute per client address */
  readonly trackRateLimit: number;
}

const strict = { additionalProperties: false } as const;
const CivilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Code = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }, strict);
const CodeAndFile = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }), fileId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, strict);

const ResultFile = Type.Object({
  fileId: Type.Integer(), title: Type.String(), sha256: Type.String(), mediaType: Type.String(), attachedAt: Type.String({ format: 'date-time' }),
  validFrom: Nullable(CivilDate), validUntil: Nullable(CivilDate),
});
export const ResultFilesAnswer = Type.Object({ code: Type.String(), items: Type.Array(ResultFile) });
export type ResultFilesResponse = Static<typeof ResultFilesAnswer>;

function sendFile(reply: FastifyReply, f: { meta: FileMeta; stream: Readable; fileName: string }) {
  return reply.type(f.meta.mediaType)
    .header('content-length', String(f.meta.sizeBytes))
    .header('content-disposition', attachmentHeader(f.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(f.stream);
}

export function registerResultRoutes(app: HttpApp, deps: ResultRouteDeps): void {
  const ctx = (request: FastifyRequest): DossierContext & { files: FilesDeps } => ({
    db: deps.db, clock: deps.clock, actor: requireActor(request), hooks: deps.hooks, files: deps.files,
    ...(deps.codeSystem ? { codeSystem: deps.codeSystem } : {}),
  });

  app.post('/api/v1/dossiers/:code/result-files', {
    schema: {
      tags: ['documents'], summary: 'Cơ quan đính kèm tệp kết quả điện tử đã ký của hồ sơ (tệp đã tải lên qua POST /api/v1/files)',
      params: Code,
      body: Type.Object({
        fileId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
        title: Type.String({ minLength: 2, maxLength: 300, description: 'Tên kết quả, ví dụ "Giấy khai sinh"' }),
        validFrom: Type.Optional(CivilDate),
        validUntil: Type.Optional(CivilDate),
        note: Type.Optional(Type.String({ maxLength: 2000 })),
        expectedVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
      }, strict),
      response: { 201: Type.Intersect([ActionResultSchema, Type.Object({ file: FileAnswer })]) },
    },
  }, async (request, reply) => reply.status(201).send(await attachResultFile(ctx(request), request.params.code, request.body)));

  app.get('/api/v1/dossiers/:code/result-files', {
    schema: { tags: ['documents'], summary: 'Các tệp kết quả điện tử của hồ sơ', params: Code, response: { 200: ResultFilesAnswer } },
  }, async (request) => listResultFiles(ctx(request), request.params.code));

  app.get('/api/v1/dossiers/:code/result-files/:fileId', {
    schema: { tags: ['documents'], summary: 'Tải về (để lưu hoặc in) một tệp kết quả điện tử của hồ sơ', params: CodeAndFile, response: { 200: fileAnswer('Tệp kết quả', ...mediaTypes) } },
  }, async (request, reply) => sendFile(reply, await openResultFile(ctx(request), request.params.code, request.params.fileId)));

  app.get('/api/v1/track/:code/result-files/:fileId', {
    config: publicRateLimit(deps.trackRateLimit),
    schema: {
      tags: ['tracking'], summary: 'Tải kết quả điện tử khi tra cứu bằng mã hồ sơ và mã tra cứu (không cần đăng nhập)',
      params: CodeAndFile, querystring: Type.Object({ pin: Type.String({ maxLength: 20 }) }, strict),
      response: { 200: fileAnswer('Tệp kết quả', ...mediaTypes), 404: ErrorShape, 429: ErrorShape },
    },
  }, async (request, reply) => {
    const view = await trackDossier(deps, request.params.code, request.query.pin);
    return sendFile(reply, await openResultFile({ db: deps.db, clock: deps.clock, actor: null, files: deps.files }, view.code, request.params.fileId, view.code));
  });
}
