// HTTP for the post's figures (issue 13 §5, §8): the dashboard's postal panel reads
// `GET /api/v1/postal/stats`. Thin: the scope and the figures are stats.ts's.
import { Type } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { requireActor, type HttpApp } from '../platform/http/server';
import { PostalStatsSchema } from './schemas';
import { postalStats } from './stats';

const Day = Type.String({ minLength: 10, maxLength: 10, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export function registerPostalReportRoutes(app: HttpApp, deps: RouteDeps): void {
  const tags = ['postal'];
  app.get('/api/v1/postal/stats', {
    schema: {
      tags, summary: 'Số liệu bưu chính công ích của kỳ theo bưu cục: sản lượng, đúng chỉ tiêu J+n, phát không thành công, sự cố, bồi thường',
      querystring: Type.Object({ from: Day, to: Day }, { additionalProperties: false }), response: { 200: PostalStatsSchema },
    },
  }, async (request) => postalStats({ db: deps.db, clock: deps.clock, actor: requireActor(request) }, request.query));
}
