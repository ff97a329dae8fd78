// HTTP for the paper outcomes at the counter: thin routes with request and response schemas.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/context';
import { fileAnswer, literals, PDF } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { applicantKinds, outcomeKinds } from './model';
import { getCounterOutcome, listCounterOutcomes, recordCounterOutcome, renderCounterOutcomeSlip } from './service';

const strict = { additionalProperties: false } as const;
const CivilDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const Text = (max: number) => Type.String({ maxLength: max });

const Applicant = Type.Object({
  kind: literals(applicantKinds),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  personalId: Type.Optional(Text(12)),
  phone: Type.Optional(Text(20)),
  address: Type.Optional(Text(300)),
  taxCode: Type.Optional(Text(14)),
  representative: Type.Optional(Text(100)),
  principal: Type.Optional(Text(200)),
  authorisation: Type.Optional(Text(200)),
}, strict);

const OutcomeBody = Type.Object({
  kind: literals(outcomeKinds),
  procedureCode: Type.String({ minLength: 1, maxLength: 60 }),
  applicant: Applicant,
  items: Type.Array(Type.String({ maxLength: 500 }), { maxItems: 50 }),
  note: Type.Optional(Text(2000)),
}, strict);

/** What the counter screen sends (web/src/counter/outcomes.ts). */
export type CounterOutcomeRequest = Static<typeof OutcomeBody>;

const Outcome = Type.Object({
  id: Type.Integer(),
  kind: literals(outcomeKinds),
  kindLabel: Type.String(),
  number: Type.String(),
  year: Type.Integer(),
  servicePointCode: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  applicant: Applicant,
  applicantLine: Type.String(),
  items: Type.Array(Type.String()),
  note: Type.Union([Type.String(), Type.Null()]),
  clerkName: Type.String(),
  at: Type.String(),
  printable: Type.Boolean(),
});
export type CounterOutcomeResponse = Static<typeof Outcome>;

const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, strict);

export function registerCounterRoutes(app: HttpApp, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });

  app.post('/api/v1/counter-outcomes', {
    schema: {
      tags: ['counter'], summary: 'Ghi kết quả tại quầy khi chưa tiếp nhận: hướng dẫn, yêu cầu bổ sung (mẫu 02), từ chối tiếp nhận (mẫu 03)',
      body: OutcomeBody, response: { 201: Outcome },
    },
  }, async (request, reply) => reply.status(201).send(await recordCounterOutcome(ctx(request), request.body)));

  app.get('/api/v1/counter-outcomes', {
    schema: {
      tags: ['counter'], summary: 'Các kết quả tại quầy trong kỳ (mới nhất trước)',
      querystring: Type.Object({ from: CivilDate, to: CivilDate, kind: Type.Optional(literals(outcomeKinds)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, strict),
      response: { 200: Type.Object({ items: Type.Array(Outcome) }) },
    },
  }, async (request) => listCounterOutcomes(ctx(request), request.query));

  app.get('/api/v1/counter-outcomes/:id', {
    schema: { tags: ['counter'], summary: 'Một kết quả tại quầy', params: Id, response: { 200: Outcome } },
  }, async (request) => getCounterOutcome(ctx(request), request.params.id));

  app.get('/api/v1/counter-outcomes/:id/slip.pdf', {
    schema: { tags: ['counter'], summary: 'Phiếu in: mẫu 02 (yêu cầu bổ sung) hoặc mẫu 03 (từ chối tiếp nhận)', params: Id, response: { 200: fileAnswer('Phiếu PDF', PDF) } },
  }, async (request, reply) => {
    const { pdf, fileName } = await renderCounterOutcomeSlip(ctx(request), request.params.id);
    return reply.type(PDF).header('content-disposition', `inline; filename="${fileName}"`).send(Buffer.from(pdf));
  });
}
