// HTTP for files (issue 12 §1): upload (multipart, streamed, cut off past the limit), download
// (streamed, always as an attachment). Thin: the checks are in files-service.ts.
import multipart from '@fastify/multipart';
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/context';
import { tooLarge, unsupportedMediaType, validationFailed } from '../platform/errors';
import { fileAnswer, literals } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { attachmentHeader, mediaTypes, UPLOAD_SLACK_BYTES, type FilesDeps } from './model';
import { rotations } from './compose';
import { assertMayUpload, composeFile, downloadFile, uploadFile } from './service';

export const FileAnswer = Type.Object({
  id: Type.Integer(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  mediaType: literals(mediaTypes),
  sizeBytes: Type.Integer(),
  pageCount: Type.Integer(),
}, { description: 'Tệp đã lưu (cùng nội dung chỉ lưu một lần)' });
export type FileAnswerView = Static<typeof FileAnswer>;

const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, { additionalProperties: false });

/** How long a refused upload's connection stays open (not read) so that the client reads the answer. */
const LINGER_MS = 5_000;

/**
 * After a refusal, read no more of the request: the socket stops being read (TCP holds the
 * client back), the answer goes out, and the connection is closed a little later. Reading the
 * rest would let anyone make the server swallow an endless body.
 */
function stopReading(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  pauseRequest(request);
  reply.raw.once('finish', () => {
    const socket = raw.socket as Partial<import('node:net').Socket> | undefined;
    if (typeof socket?.destroy !== 'function') return; // an injected request (tests) has no socket
    const timer = setTimeout(() => socket.destroy?.(), LINGER_MS);
    timer.unref();
    socket.once?.('close', () => clearTimeout(timer));
  });
}

/** Reads no more of the request body: it is no longer fed to the multipart parser, and TCP holds the client back. */
function pauseRequest(request: FastifyRequest): void {
  request.raw.unpipe();
  request.raw.pause();
}

export function registerFilesRoutes(app: HttpApp, deps: RouteDeps & { readonly files: FilesDeps }): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request), files: deps.files });
  const maxBytes = deps.files.maxBytes;

  void app.register(async (scope) => {
    // multipart only here: one part, the file; the size is watched by uploadFile (limit + 1 byte lets it see the excess)
    await scope.register(multipart, { throwFileSizeLimit: false, limits: { files: 1, fields: 0, parts: 1, fileSize: maxBytes + 1, headerPairs: 50 } });

    scope.post('/api/v1/files', {
      schema: {
        tags: ['documents'], summary: 'Tải lên bản quét (PDF, JPEG, PNG, TIFF; trường multipart "file"): loại tệp nhận theo nội dung, cùng nội dung chỉ lưu một lần',
        consumes: ['multipart/form-data'], response: { 201: FileAnswer },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      try {
        assertMayUpload(actor);
        const declared = Number(request.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes + UPLOAD_SLACK_BYTES) throw tooLarge('FILE_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (${Math.round(maxBytes / 1024 / 1024)} MB).`);
        if (!request.isMultipart()) throw unsupportedMediaType('UPLOAD_NOT_MULTIPART', 'Tệp phải được gửi dạng multipart/form-data, trường "file".');
        const part = await request.file();
        if (!part || part.fieldname !== 'file') throw validationFailed('FILE_MISSING', 'Không có tệp trong yêu cầu (trường "file").');
        // past the limit, stop reading the request at once (not after the refusal is written)
        part.file.once('limit', () => pauseRequest(request));
        const meta = await uploadFile({ ...ctx(request), actor }, part.file, { fileName: part.filename, declaredType: part.mimetype });
        return await reply.status(201).send(meta);
      } catch (e) {
        stopReading(request, reply);
        throw e;
      }
    });
  });

  app.post('/api/v1/files/compose', {
    schema: {
      tags: ['documents'], summary: 'Ghép các trang đã quét của MỘT giấy tờ thành MỘT tệp PDF, theo thứ tự và chiều xoay nhân viên chọn',
      body: Type.Object({
        pages: Type.Array(Type.Object({
          fileId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
          rotation: Type.Unsafe<0 | 90 | 180 | 270>({ type: 'integer', enum: [...rotations] }),
        }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
      }, { additionalProperties: false }),
      response: { 201: FileAnswer },
    },
  }, async (request, reply) => reply.status(201).send(await composeFile(ctx(request), request.body.pages)));

  app.get('/api/v1/files/:id', {
    schema: {
      tags: ['documents'], summary: 'Tải về một tệp (luôn là tệp đính kèm): người tải lên, cán bộ được xem hồ sơ có tệp, công dân chủ hồ sơ',
      params: Id, response: { 200: fileAnswer('Tệp', ...mediaTypes) },
    },
  }, async (request, reply) => {
    const { meta, stream, fileName } = await downloadFile(ctx(request), request.params.id);
    return reply
      .type(meta.mediaType)
      .header('content-length', String(meta.sizeBytes))
      .header('content-disposition', attachmentHeader(fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(stream);
  });
}
