// HTTP for the outbox's administration: thin routes over admin.ts (which checks the actor).
import { Type } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { ErrorShape, literals } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { listOutbox, outboxStates, retryDeadOutbox } from './admin';

const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const Instant = Type.Union([Type.String(), Type.Null()]);
const Text = Type.Union([Type.String(), Type.Null()]);

const OutboxItemView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  state: literals(outboxStates),
  dossierCode: Text,
  channel: Type.Union([literals(['sms', 'mail'] as const), Type.Null()]),
  attempts: Type.Integer(),
  createdAt: Type.String(),
  nextAttemptAt: Instant,
  lockedUntil: Instant,
  deliveredAt: Instant,
  deadAt: Instant,
  lastError: Text,
  skippedReason: Text,
  providerId: Text,
});

const errors = { 400: ErrorShape, 401: ErrorShape, 403: ErrorShape };

export function registerOutboxAdminRoutes(app: HttpApp, deps: RouteDeps): void {
  app.get('/api/v1/admin/outbox', {
    schema: {
      tags: ['notifications'],
      summary: 'Hàng đợi thông báo gửi đi (SMS, thư) theo trạng thái, mới nhất trước (quản trị toàn hệ thống)',
      querystring: Type.Object({
        state: Type.Optional(literals(outboxStates)),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        before: Type.Optional(Id),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(OutboxItemView), next: Type.Union([Type.Integer(), Type.Null()]) }), ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const q = request.query;
    return listOutbox({ db: deps.db, clock: deps.clock, actor }, {
      state: q.state ?? 'pending', ...(q.limit !== undefined ? { limit: q.limit } : {}), ...(q.before !== undefined ? { before: q.before } : {}),
    });
  });

  app.post('/api/v1/admin/outbox/:id/retry', {
    schema: {
      tags: ['notifications'],
      summary: 'Gửi lại một tin đã bị bỏ sau nhiều lần gửi hỏng (quản trị toàn hệ thống)',
      // a string, so that "1.5" or "1e3" is a 400 rather than coerced into another row's id
      params: Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,14}$', description: 'số của tin trong hàng đợi' }) }, { additionalProperties: false }),
      response: { 200: OutboxItemView, ...errors, 404: ErrorShape, 409: ErrorShape },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return retryDeadOutbox({ db: deps.db, clock: deps.clock, actor }, Number(request.params.id));
  });
}
