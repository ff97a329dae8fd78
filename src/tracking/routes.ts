// HTTP for public tracking (no sign-in): GET /api/v1/track/:code?pin=NNNNNN.
import { Type } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { ErrorShape } from '../platform/http/schemas';
import { publicRateLimit, type HttpApp } from '../platform/http/server';
import { trackDossier } from './service';

export interface TrackingRouteDeps extends RouteDeps {
  /** Requests a minute per client address (on top of the per-code back-off). */
  readonly trackRateLimit?: number;
}

const TrackingViewSchema = Type.Object({
  code: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  procedureName: Type.String(),
  receivedAt: Type.Union([Type.String(), Type.Null()]),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  rated: Type.Boolean(),
  steps: Type.Array(Type.Object({ label: Type.String(), at: Type.String() })),
  supplement: Type.Union([
    Type.Object({ items: Type.Array(Type.String()), dueBy: Type.Union([Type.String(), Type.Null()]), requestedAt: Type.String() }),
    Type.Null(),
  ]),
});

export function registerTrackingRoutes(app: HttpApp, deps: TrackingRouteDeps): void {
  app.get('/api/v1/track/:code', {
    config: publicRateLimit(deps.trackRateLimit ?? 30),
    schema: {
      tags: ['tracking'], summary: 'Tra cứu tình trạng hồ sơ (công khai): mã hồ sơ và mã tra cứu 6 chữ số in trên giấy tiếp nhận',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false }),
      querystring: Type.Object({ pin: Type.String({ maxLength: 20 }) }, { additionalProperties: false }),
      response: { 200: TrackingViewSchema, 404: ErrorShape, 429: ErrorShape },
    },
  }, async (request) => trackDossier(deps, request.params.code, request.query.pin));
}
