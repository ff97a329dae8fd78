// HTTP for supervision: thin routes over supervision.ts.
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/context';
import { requireActor, type HttpApp } from '../platform/http/server';
import { officerWorkload, supervisedDossiers, verifyAuditPeriod } from './service';
import { OfficerWorkloadListSchema, PeriodAuditReportSchema, SupervisedPageSchema } from './schemas';

const strict = { additionalProperties: false } as const;
const CivilDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  after: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9]+:[0-9]+$' })),
}, strict);
const Period = Type.Object({ from: CivilDate, to: CivilDate }, strict);

export function registerSupervisionRoutes(app: HttpApp, deps: RouteDeps & { readonly atRiskWorkingMinutes?: number }): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });
  const page = (q: { limit?: number; after?: string }) => ({ ...(q.limit !== undefined ? { limit: q.limit } : {}), ...(q.after !== undefined ? { after: q.after } : {}) });

  app.get('/api/v1/supervision/at-risk', {
    schema: { tags: ['supervision'], summary: 'Hồ sơ sắp đến hạn (còn ít thời gian làm việc nhất trước)', querystring: ListQuery, response: { 200: SupervisedPageSchema } },
  }, async (request) => supervisedDossiers(ctx(request), 'atRisk', page(request.query), deps.atRiskWorkingMinutes));

  app.get('/api/v1/supervision/overdue', {
    schema: { tags: ['supervision'], summary: 'Hồ sơ đang giải quyết đã quá hạn', querystring: ListQuery, response: { 200: SupervisedPageSchema } },
  }, async (request) => supervisedDossiers(ctx(request), 'overdue', page(request.query), deps.atRiskWorkingMinutes));

  app.get('/api/v1/supervision/officers', {
    schema: { tags: ['supervision'], summary: 'Khối lượng và tiến độ giải quyết theo cán bộ', querystring: Period, response: { 200: OfficerWorkloadListSchema } },
  }, async (request) => officerWorkload(ctx(request), request.query));

  app.post('/api/v1/supervision/audit-verify', {
    schema: { tags: ['supervision', 'audit'], summary: 'Kiểm tra chuỗi băm nhật ký các hồ sơ tiếp nhận trong kỳ (tối đa 31 ngày, trong phạm vi của người dùng)', body: Period, response: { 200: PeriodAuditReportSchema } },
  }, async (request) => verifyAuditPeriod(ctx(request), request.body));
}
