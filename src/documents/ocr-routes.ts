// HTTP for OCR (issue 12 §3): thin routes over ocr-service.ts (which checks the actor).
import { Type } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { ErrorShape } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { SEARCH_MAX_LENGTH } from './ocr-model';
import { OcrFailureView, ScanTextHitView } from './ocr-schemas';
import { listOcrFailures, retryOcr, searchScanText, type OcrDeps } from './ocr-service';

const errors = { 400: ErrorShape, 401: ErrorShape, 403: ErrorShape };

export function registerOcrRoutes(app: HttpApp, deps: RouteDeps & OcrDeps): void {
  const ctxOf = (request: Parameters<typeof requireActor>[0]) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });

  app.get('/api/v1/documents/search', {
    schema: {
      tags: ['documents'],
      summary: 'Tìm trong chữ đã nhận dạng (OCR) của bản quét thuộc hồ sơ trong phạm vi, có dấu hay không dấu',
      querystring: Type.Object({
        q: Type.String({ minLength: 1, maxLength: SEARCH_MAX_LENGTH * 4, description: 'các từ cần tìm, ví dụ "nguyen thi huong"' }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ScanTextHitView), truncated: Type.Boolean() }), ...errors },
    },
  }, async (request) => searchScanText(ctxOf(request), deps, request.query.q));

  app.get('/api/v1/documents/ocr/failures', {
    schema: {
      tags: ['documents'],
      summary: 'Bản quét không nhận dạng được chữ (đã bỏ sau nhiều lần thử, hoặc đang chờ thử lại) thuộc hồ sơ trong phạm vi',
      response: { 200: Type.Object({ items: Type.Array(OcrFailureView) }), ...errors },
    },
  }, async (request) => listOcrFailures(ctxOf(request), deps));

  app.post('/api/v1/documents/ocr/:id/retry', {
    schema: {
      tags: ['documents'],
      summary: 'Nhận dạng chữ lại một bản quét từ đầu',
      // a string, so that "1.5" or "1e3" is a 400 rather than coerced into another file's id
      params: Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,14}$', description: 'số của tệp' }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ fileId: Type.Integer(), status: Type.Literal('pending') }), ...errors, 404: ErrorShape },
    },
  }, async (request) => retryOcr(ctxOf(request), deps, Number(request.params.id)));
}
