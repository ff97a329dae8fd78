// Public transparency figures (no sign-in, rate-limited): thin routes over transparency.ts.
import { Type } from '@fastify/type-provider-typebox';
import { laggingReads, type RouteDeps } from '../platform/context';
import { publicRateLimit, type HttpApp } from '../platform/http/server';
import { procedureTransparency, transparencyList } from './transparency';
import { ProcedureTransparencySchema, TransparencyListSchema } from './schemas';

const strict = { additionalProperties: false } as const;

export function registerTransparencyRoutes(app: HttpApp, deps: RouteDeps & { readonly rateLimit: number }): void {
  const limit = publicRateLimit(deps.rateLimit);
  const reads = { db: laggingReads(deps), clock: deps.clock }; // public figures of the last 12 months: the read replica may serve them
  app.get('/api/v1/transparency/procedures', {
    config: limit,
    schema: {
      tags: ['transparency'], summary: 'Công khai thời gian giải quyết các thủ tục trong 12 tháng qua',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 100 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
      }, strict),
      response: { 200: TransparencyListSchema },
    },
  }, async (request) => transparencyList(reads, request.query));

  app.get('/api/v1/transparency/procedures/:code', {
    config: limit,
    schema: {
      tags: ['transparency'], summary: 'Công khai thời gian giải quyết một thủ tục trong 12 tháng qua',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, strict),
      response: { 200: ProcedureTransparencySchema },
    },
  }, async (request) => procedureTransparency(reads, request.params.code));
}
