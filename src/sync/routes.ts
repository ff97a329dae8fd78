// HTTP of the national sync: thin routes over service.ts (which checks the actor and the scope).
import { Type } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { ErrorShape } from '../platform/http/schemas';
import { signedInContext, type HttpApp } from '../platform/http/server';
import { maySyncRetry, retrySync, syncCounts, syncFailures, syncStats } from './service';
import { backfillSync } from './backfill';
import { SyncBackfillView, SyncCountsView, SyncFailuresPage, SyncRetryView, SyncStatsView } from './schemas';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (giờ Việt Nam)' });
const PeriodQuery = Type.Object({ from: Day, to: Day }, { additionalProperties: false });
const errors = { 400: ErrorShape, 401: ErrorShape, 403: ErrorShape };

export function registerSyncRoutes(app: HttpApp, deps: RouteDeps): void {
  const ctx = signedInContext(deps);

  app.get('/api/v1/sync/status', {
    schema: {
      tags: ['sync'], summary: 'Tình hình đồng bộ hồ sơ lên Cổng DVCQG: chờ gửi, đang lỗi, đã ngừng, đã gửi trong kỳ (trong phạm vi người xem)',
      querystring: PeriodQuery, response: { 200: SyncCountsView, ...errors },
    },
  }, async (request) => {
    const c = ctx(request);
    return { ...await syncCounts(c, request.query), mayRetry: maySyncRetry(c.actor) };
  });

  app.get('/api/v1/sync/failures', {
    schema: {
      tags: ['sync'], summary: 'Bản ghi đồng bộ bị lỗi chưa gửi được, lỗi mới nhất trước',
      querystring: Type.Object({
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
      }, { additionalProperties: false }),
      response: { 200: SyncFailuresPage, ...errors },
    },
  }, async (request) => {
    const q = request.query;
    return syncFailures(ctx(request), { ...(q.limit !== undefined ? { limit: q.limit } : {}), ...(q.before !== undefined ? { before: q.before } : {}) });
  });

  app.post('/api/v1/sync/failures/:id/retry', {
    schema: {
      tags: ['sync'], summary: 'Gửi lại ngay một bản ghi đồng bộ bị lỗi (quản trị viên)',
      // a string, so that "1.5" or "1e3" is a 400 rather than coerced into another row's id
      params: Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,14}$', description: 'số của bản ghi đồng bộ' }) }, { additionalProperties: false }),
      response: { 200: SyncRetryView, ...errors, 404: ErrorShape, 409: ErrorShape },
    },
  }, async (request) => retrySync(ctx(request), Number(request.params.id)));

  app.get('/api/v1/sync/stats', {
    schema: {
      tags: ['sync'], summary: 'Tỷ lệ hồ sơ tiếp nhận trong kỳ đã đồng bộ lên Cổng DVCQG (chỉ số 1.4), trong phạm vi người xem',
      querystring: PeriodQuery, response: { 200: SyncStatsView, ...errors },
    },
  }, async (request) => syncStats(ctx(request), request.query));

  app.post('/api/v1/sync/backfill', {
    schema: {
      tags: ['sync'], summary: 'Đồng bộ bù: gửi lên Cổng DVCQG mọi hồ sơ có thay đổi trong kỳ mà Cổng chưa xác nhận thay đổi mới nhất (quản trị viên; chạy lại không gửi trùng)',
      body: PeriodQuery, response: { 200: SyncBackfillView, ...errors },
    },
  }, async (request) => backfillSync(ctx(request), request.body));
}
