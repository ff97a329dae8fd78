// HTTP for the directory's administration screens: create and edit units (with successions),
// agencies and service points; the audited history of one record. Thin: the row readers in the
// service check each field and answer in Vietnamese, naming the field.
import type { FastifyRequest } from 'fastify';
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { requireActor, type HttpApp } from '../platform/http/server';
import { ErrorShape, literals, Nullable } from '../platform/http/schemas';
import {
  createAgency, createServicePoint, createUnit, directoryHistory, updateAgency, updateServicePoint, updateUnit,
} from './admin';
import { agencyHandovers, agencyKinds, agencyLevels, servicePointKinds, unitKinds, unitLevels } from './model';

// dates and codes are checked by the row readers, which name the field in Vietnamese
const Day = Type.String({ maxLength: 10 });
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z@._-]+$' });
const Text = (max: number) => Type.String({ maxLength: max });
const errors = { 400: ErrorShape, 401: ErrorShape, 403: ErrorShape, 404: ErrorShape, 409: ErrorShape };

const UnitBody = Type.Object({
  code: Code, name: Text(200), kind: literals(unitKinds), level: literals(unitLevels),
  parentCode: Type.Optional(Code), pathSegment: Type.Optional(Code),
  validFrom: Day, validTo: Type.Optional(Nullable(Day)),
  formedFrom: Type.Optional(Type.Array(Code, { maxItems: 100 })),
  partiallyFrom: Type.Optional(Type.Array(Code, { maxItems: 100 })),
  legalSource: Type.Optional(Text(300)),
}, { additionalProperties: false });

const UnitPatch = Type.Object({
  name: Type.Optional(Text(200)), kind: Type.Optional(literals(unitKinds)), validTo: Type.Optional(Nullable(Day)),
}, { additionalProperties: false });

const agencyFields = {
  name: Text(300), kind: literals(agencyKinds), level: literals(agencyLevels), unitCode: Code,
  parentIdentifier: Type.Optional(Nullable(Code)), identifierConfirmed: Type.Optional(Type.Boolean()),
  functionCode: Type.Optional(Nullable(Text(40))), validTo: Type.Optional(Nullable(Day)),
  handover: Type.Optional(literals(agencyHandovers)),
  address: Type.Optional(Nullable(Text(500))), phone: Type.Optional(Nullable(Text(30))),
};
const AgencyBody = Type.Object({ identifier: Code, validFrom: Day, ...agencyFields }, { additionalProperties: false });
const AgencyPatch = Type.Partial(Type.Object(agencyFields), { additionalProperties: false });

const OpeningHours = Type.Object({
  weekly: Type.Record(Type.String({ maxLength: 1 }), Type.Array(Type.String({ maxLength: 11 }), { maxItems: 6 })),
}, { additionalProperties: false });
const Counter = Type.Object({ code: Type.String({ maxLength: 10 }), name: Type.Optional(Text(100)) }, { additionalProperties: false });
const servicePointFields = {
  name: Text(300), kind: literals(servicePointKinds), unitCode: Code, receivingAgency: Type.Optional(Nullable(Code)),
  address: Text(500), latitude: Type.Optional(Nullable(Type.Number())), longitude: Type.Optional(Nullable(Type.Number())),
  phone: Type.Optional(Nullable(Text(30))), openingHours: OpeningHours, validFrom: Day, validTo: Type.Optional(Nullable(Day)),
  counters: Type.Optional(Type.Array(Counter, { maxItems: 50 })),
};
const ServicePointBody = Type.Object({ code: Code, ...servicePointFields }, { additionalProperties: false });
const ServicePointPatch = Type.Partial(Type.Object(servicePointFields), { additionalProperties: false });

const UnitKey = Type.Object({ code: Code, validFrom: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' }) });
const AgencyKey = Type.Object({ identifier: Code, validFrom: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) });
const UnitRef = Type.Object({ code: Type.String(), validFrom: Type.String() });
const AgencyRef = Type.Object({ identifier: Type.String(), validFrom: Type.String() });
const PointRef = Type.Object({ code: Type.String() });

const Change = Type.Object({
  at: Type.String(), actorName: Nullable(Type.String()), action: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown()),
});

export function registerDirectoryAdminRoutes(app: HttpApp, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });
  const tags = ['directory'];

  /** Options of a create route (201 with the new record's key) and of an edit route (200). */
  const creating = <B extends TSchema, A extends TSchema>(summary: string, body: B, answer: A) =>
    ({ schema: { tags, summary, body, response: { 201: answer, ...errors } } });
  const editing = <P extends TSchema, B extends TSchema, A extends TSchema>(summary: string, params: P, body: B, answer: A) =>
    ({ schema: { tags, summary, params, body, response: { 200: answer, ...errors } } });

  app.post('/api/v1/admin/units', creating('Thêm đơn vị hành chính (kèm đơn vị tiền thân: sáp nhập, chia tách)', UnitBody, UnitRef),
    async (request, reply) => reply.status(201).send(await createUnit(ctx(request), request.body)));
  app.post('/api/v1/admin/agencies', creating('Thêm cơ quan', AgencyBody, AgencyRef),
    async (request, reply) => reply.status(201).send(await createAgency(ctx(request), request.body)));
  app.post('/api/v1/admin/service-points', creating('Thêm điểm phục vụ (giờ làm việc, quầy)', ServicePointBody, PointRef),
    async (request, reply) => reply.status(201).send(await createServicePoint(ctx(request), request.body)));

  app.patch('/api/v1/admin/units/:code/:validFrom', editing('Đính chính tên, loại hoặc ngày kết thúc của một phiên bản đơn vị', UnitKey, UnitPatch, UnitRef),
    async (request) => updateUnit(ctx(request), request.params.code, request.params.validFrom, request.body));
  app.patch('/api/v1/admin/agencies/:identifier/:validFrom', editing('Sửa một phiên bản cơ quan', AgencyKey, AgencyPatch, AgencyRef),
    async (request) => updateAgency(ctx(request), request.params.identifier, request.params.validFrom, request.body));
  app.patch('/api/v1/admin/service-points/:code', editing('Sửa điểm phục vụ (giờ làm việc, quầy, hiệu lực)', Type.Object({ code: Code }), ServicePointPatch, PointRef),
    async (request) => updateServicePoint(ctx(request), request.params.code, request.body));

  app.get('/api/v1/admin/directory/history', {
    schema: {
      tags, summary: 'Lịch sử thay đổi của một bản ghi danh mục (ai, khi nào, trước → sau)',
      querystring: Type.Object({
        entity: literals(['unit', 'agency', 'servicePoint'] as const),
        key: Type.String({ minLength: 1, maxLength: 60 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Change) }), ...errors },
    },
  }, async (request) => ({ items: await directoryHistory(ctx(request), request.query.entity, request.query.key) }));
}
