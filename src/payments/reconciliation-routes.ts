// HTTP of the reconciliation: the gateway's settlement file imported, and the day's report (JSON or XLSX).
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/context';
import { jsonOrFile, literals, Nullable, XLSX } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import { mismatchKinds } from './reconcile-rules';
import { importSettlement, reconciliationOf } from './reconciliation';
import { reconciliationXlsx } from './reconciliation-xlsx';

const strict = { additionalProperties: false } as const;
const CivilDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const Report = Type.Object({
  day: Type.String(), settlementImported: Type.Boolean(), paidHereVnd: Type.Integer(), settledVnd: Type.Integer(), matched: Type.Integer(),
  mismatches: Type.Array(Type.Object({
    kind: literals(mismatchKinds), label: Type.String(), txnRef: Nullable(Type.String()), dossierCode: Nullable(Type.String()), receiptNumber: Nullable(Type.String()),
    hereVnd: Nullable(Type.Integer()), gatewayVnd: Nullable(Type.Integer()),
    refund: Nullable(Type.Object({
      state: literals(['pending', 'refunded', 'givenUp'] as const), at: Nullable(Type.String({ format: 'date-time' })), error: Nullable(Type.String()),
      inSettlement: Type.Boolean({ description: 'tệp quyết toán của cổng thanh toán có dòng hoàn tiền' }),
    }, { description: 'thu hai lần: việc hoàn tự động khoản thu sau' })),
  })),
});
export type ReconciliationResponse = Static<typeof Report>;

export function registerReconciliationRoutes(app: HttpApp, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });

  app.post('/api/v1/payments/settlements', {
    schema: {
      tags: ['payments'], summary: 'Nhập tệp đối soát (CSV) một ngày của cổng thanh toán',
      body: Type.Object({ day: CivilDate, csv: Type.String({ maxLength: 5_000_000 }) }, strict),
      response: { 201: Type.Object({ imported: Type.Integer(), lines: Type.Integer() }) },
    },
  }, async (request, reply) => reply.status(201).send(await importSettlement(ctx(request), request.body)));

  app.get('/api/v1/payments/reconciliation', {
    schema: {
      tags: ['payments'], summary: 'Đối soát một ngày: đã thu, hồ sơ và tệp quyết toán của cổng thanh toán; mọi chênh lệch',
      querystring: Type.Object({ day: CivilDate, format: Type.Optional(literals(['json', 'xlsx'] as const)) }, strict),
      response: { 200: jsonOrFile(Report, 'Báo cáo đối soát', XLSX) },
    },
  }, async (request, reply) => {
    const report = await reconciliationOf(ctx(request), request.query.day);
    if (request.query.format !== 'xlsx') return report;
    return reply.type(XLSX).header('content-disposition', `attachment; filename="doi-soat-${report.day}.xlsx"`).send((await reconciliationXlsx(report.day, report)) as never);
  });
}
