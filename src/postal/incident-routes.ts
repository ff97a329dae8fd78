// HTTP for postal incidents and complaints (issue 13 §8): thin routes over incidents.ts, with
// request and response schemas. Shapes in README.md.
import { Type } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { literals } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { incidentKinds, incidentStatuses } from './incident-rules';
import { listIncidents, recordIncident, resolveIncident } from './incidents';
import { IncidentSchema } from './schemas';

const strict = { additionalProperties: false } as const;

const IncidentBody = Type.Object({
  kind: literals(incidentKinds),
  description: Type.String({ minLength: 1, maxLength: 2000 }),
  reportedBy: Type.String({ minLength: 1, maxLength: 100, description: 'Người phản ánh: người nộp, cán bộ cơ quan nhận, bưu tá' }),
  reporterPhone: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
}, strict);

const ResolveBody = Type.Object({
  resolution: Type.String({ minLength: 1, maxLength: 2000 }),
  compensation: Type.Optional(Type.Object({
    amountVnd: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
    recipientName: Type.String({ minLength: 1, maxLength: 100 }),
    paymentMethod: literals(['cash', 'transfer'] as const),
  }, strict)),
}, strict);

export function registerPostalIncidentRoutes(app: HttpApp, deps: RouteDeps): void {
  const ctx = (request: Parameters<typeof requireActor>[0]) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });
  const tags = ['postal'];

  app.post('/api/v1/postal/legs/:trackingNumber/incidents', {
    schema: {
      tags, summary: 'Ghi nhận sự cố (thất lạc, hư hỏng, chậm) hoặc khiếu nại về một chặng bưu gửi',
      params: Type.Object({ trackingNumber: Type.String({ minLength: 13, maxLength: 20 }) }, strict), body: IncidentBody, response: { 201: IncidentSchema },
    },
  }, async (request, reply) => reply.status(201).send(await recordIncident(ctx(request), request.params.trackingNumber, request.body)));

  app.get('/api/v1/postal/incidents', {
    schema: {
      tags, summary: 'Sự cố, khiếu nại của bưu cục, mới nhất trước',
      querystring: Type.Object({ status: Type.Optional(literals(incidentStatuses)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, strict),
      response: { 200: Type.Object({ items: Type.Array(IncidentSchema) }) },
    },
  }, async (request) => listIncidents(ctx(request), request.query));

  app.post('/api/v1/postal/incidents/:id/resolve', {
    schema: {
      tags, summary: 'Giải quyết sự cố, khiếu nại; ghi khoản bồi thường đã chi (phiếu chi bồi thường)',
      params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, strict), body: ResolveBody, response: { 200: IncidentSchema },
    },
  }, async (request) => resolveIncident(ctx(request), request.params.id, request.body));
}
