// HTTP for the catalogue: public browsing (citizens need no login), the admin import.
import type { FastifyRequest } from 'fastify';
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { todayInVietnam } from '../directory/service';
import type { RouteDeps } from '../platform/context';
import { notFound } from '../platform/errors';
import { ErrorShape, literals } from '../platform/http/schemas';
import { publicRateLimit, requireActor, type HttpApp } from '../platform/http/server';
import { bodyKinds, bodyLevels } from './competent-body';
import { feeBases, feeChannels } from './fees';
import { competentLevels, durationUnits, onlineLevels, paperRequirements, resultTypes, stepRoles } from './model';
import { getProcedure, importCatalog, searchProcedures } from './service';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const CivilDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const errors = { 400: ErrorShape, 401: ErrorShape, 403: ErrorShape, 404: ErrorShape };

const Summary = {
  code: Type.String(), fullCode: Nullable(Type.String()), version: Type.Integer(), name: Type.String(), field: Type.String(),
  competentLevel: literals(competentLevels), competentAgency: Type.String(), durationValue: Type.Number(),
  durationUnit: literals(durationUnits), onlineLevel: literals(onlineLevels), postalAllowed: Type.Boolean(),
  effectiveFrom: Type.String(), effectiveTo: Nullable(Type.String()),
};
const Procedure = Type.Object({
  ...Summary,
  cutoff: Nullable(Type.String()),
  requiredPapers: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), originals: Type.Integer(), copies: Type.Integer(), note: Nullable(Type.String()), requirement: literals(paperRequirements) })),
  competentBody: Nullable(Type.Object({ kind: literals(bodyKinds), level: literals(bodyLevels), functionCode: Nullable(Type.String()) })),
  placeTied: Type.Boolean({ description: 'gắn với địa điểm (đất, công trình, địa điểm kinh doanh): hỏi xã nơi có địa điểm khi tiếp nhận' }),
  filingAnywhere: Type.Boolean({ description: 'nộp tại bất kỳ điểm tiếp nhận nào trong tỉnh (phi địa giới)' }),
  cases: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), durationValue: Type.Number(), durationUnit: literals(durationUnits), cutoff: Nullable(Type.String()) })),
  fees: Type.Array(Type.Object({
    name: Type.String(), amountVnd: Nullable(Type.Integer()), note: Nullable(Type.String()),
    channels: Type.Optional(Nullable(Type.Array(literals(feeChannels)))), caseKey: Type.Optional(Nullable(Type.String())),
    basis: Type.Optional(literals(feeBases)),
    tiers: Type.Optional(Type.Array(Type.Object({ fromPage: Type.Integer(), amountVnd: Type.Integer() }))),
    maxPerCopyVnd: Type.Optional(Nullable(Type.Integer())),
  })),
  resultType: literals(resultTypes),
  resultDescription: Nullable(Type.String()),
  eformSchema: Type.Record(Type.String(), Type.Unknown()),
  steps: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), role: literals(stepRoles), share: Type.Number() })),
  defaultsApplied: Type.Array(Type.Object({ field: Type.String(), default: Type.Unknown(), reason: Type.String() })),
  source: Nullable(Type.String()),
});

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

  app.post('/api/v1/admin/catalog/import', {
    bodyLimit: 12 * 1024 * 1024, // an XLSX catalogue in base64 (the content itself is capped by the schema)
    schema: {
      tags, summary: 'Nhập phiên bản thủ tục từ JSON hoặc XLSX (base64)',
      body: Type.Object({
        format: literals(['json', 'xlsx'] as const),
        content: Type.String({ minLength: 1, maxLength: 10_000_000 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ rows: Type.Integer(), inserted: Type.Integer(), closed: Type.Integer() }), ...errors },
    },
  }, async (request: FastifyRequest<{ Body: { format: 'json' | 'xlsx'; content: string } }>) =>
    importCatalog({ db: deps.db, clock: deps.clock, actor: requireActor(request) }, request.body));
}
