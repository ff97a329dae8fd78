// HTTP for visits at home (issue 14 §2): which couriers of a service point visit which communes
// (its administrators), and the portal's public choice of a commune where couriers come.
import { Type } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { ErrorShape } from '../platform/http/schemas';
import { publicRateLimit, requireActor, type HttpApp } from '../platform/http/server';
import { vnDateOfInstant } from '../shared/civil-date';
import { getCourierAreas, saveCourierAreas } from './courier-areas';
import { homeCommunes } from './home-areas';
import { CourierAreasSchema, HomeCommunesSchema } from './schemas';

const strict = { additionalProperties: false } as const;
const Code = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }, strict);
const tags = ['appointments'];

export function registerHomeRoutes(app: HttpApp, deps: RouteDeps & { readonly rateLimit: number }): void {
  const staff = (request: Parameters<typeof requireActor>[0]) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });

  app.get('/api/v1/appointments/service-points/:code/courier-areas', {
    schema: { tags, summary: 'Địa bàn (xã, phường) từng bưu tá của điểm đến tận nhà', params: Code, response: { 200: CourierAreasSchema, 404: ErrorShape } },
  }, async (request) => getCourierAreas(staff(request), request.params.code));

  app.put('/api/v1/appointments/service-points/:code/courier-areas', {
    schema: {
      tags, summary: 'Lưu địa bàn của các bưu tá (thay toàn bộ); mã xã cũ được đổi sang xã hiện hành',
      params: Code,
      body: Type.Object({
        items: Type.Array(Type.Object({ courierId: Type.Integer({ minimum: 1 }), communeCodes: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 200 }) }, strict), { maxItems: 200 }),
      }, strict),
      response: { 200: CourierAreasSchema, 400: ErrorShape, 404: ErrorShape },
    },
  }, async (request) => saveCourierAreas(staff(request), request.params.code, request.body));

  app.get('/api/v1/portal/home-communes', {
    config: publicRateLimit(deps.rateLimit),
    schema: {
      tags: ['portal'], summary: 'Xã, phường có bưu tá đến tận nhà (công khai), tìm theo tên không cần dấu, kèm điểm phục vụ cử bưu tá',
      querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 100 }) }, strict),
      response: { 200: HomeCommunesSchema, 400: ErrorShape, 429: ErrorShape },
    },
  }, async (request) => homeCommunes(deps.db, request.query.q, vnDateOfInstant(deps.clock.now().getTime())));
}
