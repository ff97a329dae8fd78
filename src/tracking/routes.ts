// HTTP for public tracking (no sign-in): GET /api/v1/track/:code?pin=NNNNNN.
import { Type } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { TrackingViewSchema } from '../dossiers/schemas';
import { ErrorShape } from '../platform/http/schemas';
import { publicRateLimit, type HttpApp } from '../platform/http/server';
import { trackDossier } from './service';

export interface TrackingRouteDeps extends RouteDeps {
  /** Requests a minute per client address (on top of the per-code back-off). */
  readonly trackRateLimit: number;
}

export function registerTrackingRoutes(app: HttpApp, deps: TrackingRouteDeps): void {
  app.get('/api/v1/track/:code', {
    config: publicRateLimit(deps.trackRateLimit),
    schema: {
      tags: ['tracking'], summary: 'Tra cứu tình trạng hồ sơ (công khai): mã hồ sơ và mã tra cứu 6 chữ số in trên giấy tiếp nhận',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false }),
      querystring: Type.Object({ pin: Type.String({ maxLength: 20 }) }, { additionalProperties: false }),
      response: { 200: TrackingViewSchema, 404: ErrorShape, 429: ErrorShape },
    },
  }, async (request) => trackDossier(deps, request.params.code, request.query.pin));
}
