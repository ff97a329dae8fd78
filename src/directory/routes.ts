// HTTP for the directory: read routes for any signed-in user, the admin import. Thin: validate,
// call one service function, return its data.
import type { FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { requireActor, type HttpApp } from '../platform/http/server';
import { ErrorShape, literals, Nullable } from '../platform/http/schemas';
import { registerDirectoryAdminRoutes } from './admin-routes';
import { importDirectory } from './import';
import { agencyHandovers, agencyKinds, agencyLevels, servicePointKinds, unitLevels } from './model';
import { getServicePoint, getUnit, listAgencies, listServicePoints, listUnits } from './service';

const CivilDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z@._-]+$' });

/** Query fields every directory list takes: the day its versions are in force on and a search text. */
const listFilters = {
  validOn: Type.Optional(CivilDate),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
};
/** Query fields of the lists that are paged. */
const paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
};

const UnitQuery = Type.Object({
  ...listFilters, ...paging,
  level: Type.Optional(literals(unitLevels)),
  parent: Type.Optional(Code),
}, { additionalProperties: false });
const AgencyQuery = Type.Object({
  ...listFilters, ...paging,
  level: Type.Optional(literals(agencyLevels)),
  kind: Type.Optional(literals(agencyKinds)),
  unit: Type.Optional(Code),
}, { additionalProperties: false });
const ServicePointQuery = Type.Object({
  ...listFilters,
  kind: Type.Optional(literals(servicePointKinds)),
  unit: Type.Optional(Code),
}, { additionalProperties: false });

const CodeParam = Type.Object({ code: Code });

const errors = { 400: ErrorShape, 401: ErrorShape, 403: ErrorShape, 404: ErrorShape };

const Unit = Type.Object({
  code: Type.String(), name: Type.String(), kind: Type.String(), level: literals(unitLevels),
  parentCode: Nullable(Type.String()), provinceCode: Type.String(), path: Type.String(),
  validFrom: Type.String(), validTo: Nullable(Type.String()),
  formerName: Type.Optional(Type.String({ description: 'Tên cũ (trước sắp xếp 2025) mà lần tìm này khớp' })),
});
const UnitLink = Type.Object({
  code: Type.String(), name: Type.String(), validFrom: Type.String(), validTo: Nullable(Type.String()),
  effectiveDate: Type.String(), partial: Type.Boolean(),
});
const Agency = Type.Object({
  identifier: Type.String(), name: Type.String(), kind: literals(agencyKinds), level: literals(agencyLevels),
  identifierConfirmed: Type.Boolean(), handover: literals(agencyHandovers), unitCode: Type.String(), unitName: Type.String(),
  parentIdentifier: Nullable(Type.String()), provinceCode: Type.String(),
  address: Nullable(Type.String({ description: 'Địa chỉ nhận hồ sơ, kết quả của cơ quan' })), phone: Nullable(Type.String({ description: 'Số điện thoại của cơ quan' })),
  validFrom: Type.String(), validTo: Nullable(Type.String()),
});
const OpeningHours = Type.Object({ weekly: Type.Record(Type.String(), Type.Array(Type.String())) });
const ServicePoint = Type.Object({
  code: Type.String(), name: Type.String(), kind: literals(servicePointKinds), unitCode: Type.String(), unitName: Type.String(),
  unitPath: Type.String(), receivingAgency: Nullable(Type.String()), address: Type.String(),
  latitude: Nullable(Type.Number()), longitude: Nullable(Type.Number()), phone: Nullable(Type.String()),
  openingHours: OpeningHours, validFrom: Type.String(), validTo: Nullable(Type.String()),
});
/** Every version of one unit code, each with the units it became and the units it came from. */
const UnitVersions = Type.Object({
  code: Type.String(),
  versions: Type.Array(Type.Intersect([Unit, Type.Object({ successors: Type.Array(UnitLink), predecessors: Type.Array(UnitLink) })])),
});
const ServicePointWithCounters = Type.Intersect([ServicePoint, Type.Object({
  counters: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), active: Type.Boolean() })),
})]);
// The answers' types, for the web app (type-only imports: nothing of the server is bundled).
export type UnitView = Static<typeof Unit>;
export type UnitLinkView = Static<typeof UnitLink>;
export type AgencyView = Static<typeof Agency>;
export type OpeningHoursView = Static<typeof OpeningHours>;
export type ServicePointView = Static<typeof ServicePoint>;
const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });

export function registerDirectoryRoutes(app: HttpApp, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });
  const tags = ['directory'];

  /** The options of a read route: its request schema (query or path) and its answer. */
  const read = <R extends object, A extends TSchema>(summary: string, request: R, answer: A) =>
    ({ schema: { tags, summary, ...request, response: { 200: answer, ...errors } } });

  app.get('/api/v1/units', read('Đơn vị hành chính (theo ngày hiệu lực)', { querystring: UnitQuery }, Page(Unit)),
    async (request) => listUnits(ctx(request), request.query));
  app.get('/api/v1/units/:code', read('Các phiên bản của một mã đơn vị, kèm đơn vị kế thừa và tiền thân', { params: CodeParam }, UnitVersions),
    async (request) => getUnit(ctx(request), request.params.code));
  app.get('/api/v1/agencies', read('Cơ quan (mã định danh điện tử)', { querystring: AgencyQuery }, Page(Agency)),
    async (request) => listAgencies(ctx(request), request.query));
  app.get('/api/v1/service-points', read('Điểm phục vụ (bưu cục, trung tâm phục vụ hành chính công)', { querystring: ServicePointQuery }, Page(ServicePoint)),
    async (request) => listServicePoints(ctx(request), request.query));
  app.get('/api/v1/service-points/:code', read('Một điểm phục vụ và các quầy', { params: CodeParam }, ServicePointWithCounters),
    async (request) => getServicePoint(ctx(request), request.params.code));

  app.post('/api/v1/admin/directory/import', {
    bodyLimit: 8 * 1024 * 1024, // a whole province's list (the content itself is capped by the schema)
    schema: {
      tags, summary: 'Nhập đơn vị hành chính, cơ quan hoặc điểm phục vụ từ JSON/CSV',
      body: Type.Object({
        kind: literals(['units', 'agencies', 'servicePoints'] as const),
        format: literals(['json', 'csv'] as const),
        content: Type.String({ minLength: 1, maxLength: 5_000_000 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Record(Type.String(), Type.Integer()), ...errors },
    },
  }, async (request) => importDirectory(ctx(request), request.body));

  registerDirectoryAdminRoutes(app, deps);
}
