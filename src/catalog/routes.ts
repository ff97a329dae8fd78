// HTTP for the catalogue: public browsing (citizens need no login); the administrator's routes are in admin-routes.ts.
import { Type } from '@fastify/type-provider-typebox';
import { todayInVietnam } from '../directory/service';
import type { RouteDeps } from '../platform/context';
import { notFound } from '../platform/errors';
import { ErrorShape, literals } from '../platform/http/schemas';
import { publicRateLimit, type HttpApp } from '../platform/http/server';
import { registerCatalogAdminRoutes } from './admin-routes';
import { competentLevels } from './model';
import { CivilDate, Procedure, Summary } from './schemas';
import { getProcedure, searchProcedures } from './service';

const errors = { 400: ErrorShape, 401: ErrorShape, 403: ErrorShape, 404: ErrorShape };

export function registerCatalogRoutes(app: HttpApp, deps: RouteDeps & { readonly rateLimit: number }): void {
  const tags = ['catalog'];
  const today = () => todayInVietnam(deps.clock);

  // Public: rate-limited per client (Config.rateLimits.catalog, generous: a post office's counters share one address).
  app.get('/api/v1/procedures', {
    config: publicRateLimit(deps.rateLimit),
    schema: {
      tags, summary: 'Tra cứu thủ tục hành chính (không cần đăng nhập)',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        field: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        level: Type.Optional(literals(competentLevels)),
        onDate: Type.Optional(CivilDate),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        offset: Type.Optional(Type.Integer({ minimum: 0 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object(Summary)), total: Type.Integer() }), ...errors },
    },
  }, async (request) => {
    const { q, onDate, ...filter } = request.query;
    return searchProcedures(deps.db, q ?? null, onDate ?? today(), filter);
  });

  app.get('/api/v1/procedures/:code', {
    config: publicRateLimit(deps.rateLimit),
    schema: {
      tags, summary: 'Một thủ tục: phiên bản đang hiệu lực, hoặc vào ngày onDate',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z.]+$' }) }),
      querystring: Type.Object({ onDate: Type.Optional(CivilDate) }, { additionalProperties: false }),
      response: { 200: Procedure, ...errors },
    },
  }, async (request) => {
    const day = request.query.onDate ?? today();
    const p = await getProcedure(deps.db, request.params.code, day);
    if (!p) throw notFound('PROCEDURE_NOT_FOUND', `Không tìm thấy thủ tục ${request.params.code} có hiệu lực ngày ${day}.`);
    return p;
  });

  registerCatalogAdminRoutes(app, deps);
}
