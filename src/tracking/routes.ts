// HTTP for public tracking (no sign-in): GET /api/v1/track/:code?pin=NNNNNN.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { TrackingViewSchema } from '../dossiers/schemas';
import { ErrorShape } from '../platform/http/schemas';
import { publicRateLimit, requireActor, type HttpApp } from '../platform/http/server';
import { trackDossier } from './service';
import { citizenStepKinds, myDossierTimeline } from './my-dossier';
import { literals, Nullable } from '../platform/http/schemas';
import { statuses } from '../dossiers/lifecycle';

/** The citizen's timeline of one of their dossiers: only what a citizen may see. */
const MyDossierTimelineSchema = Type.Object({
  code: Type.String(), status: literals(statuses), statusLabel: Type.String(), procedureName: Type.String(), dueAt: Nullable(Type.String()),
  steps: Type.Array(Type.Object({
    kind: literals(citizenStepKinds), at: Type.String(),
    items: Type.Optional(Type.Array(Type.String())), reason: Type.Optional(Type.String()), dueAt: Type.Optional(Type.String()), trackingNumber: Type.Optional(Type.String()),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export type MyDossierTimelineResponse = Static<typeof MyDossierTimelineSchema>;

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

  app.get('/api/v1/my/dossiers/:code/timeline', {
    schema: {
      tags: ['tracking'], summary: 'Hồ sơ của tôi: tình trạng và các bước của một hồ sơ, bằng lời của người dân',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false }),
      response: { 200: MyDossierTimelineSchema, 401: ErrorShape, 403: ErrorShape, 404: ErrorShape },
    },
  }, async (request) => myDossierTimeline({ db: deps.db, clock: deps.clock, actor: requireActor(request) }, request.params.code));
}
