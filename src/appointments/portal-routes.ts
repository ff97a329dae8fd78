// HTTP for the citizens' portal (public, no sign-in): where one can book — the service points
// matching a name, an address or a commune. The booking itself is the appointments' routes.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { findServicePoints } from '../directory/references';
import type { RouteDeps } from '../platform/context';
import { ErrorShape } from '../platform/http/schemas';
import { publicRateLimit, type HttpApp } from '../platform/http/server';
import { vnDateOfInstant } from '../shared/civil-date';

const PortalServicePoints = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), address: Type.String(), unitName: Type.String() })),
});
export type PortalServicePointsResponse = Static<typeof PortalServicePoints>;

export function registerPortalRoutes(app: HttpApp, deps: RouteDeps & { readonly rateLimit: number }): void {
  app.get('/api/v1/portal/service-points', {
    config: publicRateLimit(deps.rateLimit),
    schema: {
      tags: ['portal'], summary: 'Tìm điểm phục vụ để đặt lịch hẹn (công khai): theo tên, địa chỉ hoặc xã, phường, không cần dấu',
      querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 100 }) }, { additionalProperties: false }),
      response: { 200: PortalServicePoints, 400: ErrorShape, 429: ErrorShape },
    },
  }, async (request) => ({ items: await findServicePoints(deps.db, request.query.q.trim(), vnDateOfInstant(deps.clock.now().getTime()), 30) }));
}
