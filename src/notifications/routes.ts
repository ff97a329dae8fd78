// HTTP for the signed-in user's notifications: thin routes over service.ts.
import { Type } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { requireActor, type HttpApp } from '../platform/http/server';
import { listNotifications, markNotificationsRead } from './service';
import { MarkedSchema, NotificationListSchema } from './schemas';

const strict = { additionalProperties: false } as const;
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export function registerNotificationRoutes(app: HttpApp, deps: RouteDeps): void {
  app.get('/api/v1/notifications', {
    schema: {
      tags: ['notifications'], summary: 'Thông báo của người dùng đang đăng nhập (mới nhất trước)',
      querystring: Type.Object({
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        before: Type.Optional(Id),
        unread: Type.Optional(Type.Boolean()),
      }, strict),
      response: { 200: NotificationListSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const q = request.query;
    return listNotifications({ db: deps.db, clock: deps.clock, actor }, {
      ...(q.limit !== undefined ? { limit: q.limit } : {}), ...(q.before !== undefined ? { before: q.before } : {}), unreadOnly: q.unread === true,
    });
  });

  app.post('/api/v1/notifications/read', {
    schema: {
      tags: ['notifications'], summary: 'Đánh dấu đã đọc (các thông báo đã chọn, hoặc tất cả)',
      body: Type.Object({ ids: Type.Optional(Type.Array(Id, { maxItems: 500 })) }, strict),
      response: { 200: MarkedSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return markNotificationsRead({ db: deps.db, clock: deps.clock, actor }, request.body.ids ?? 'all');
  });
}
