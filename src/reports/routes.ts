// HTTP for reports: thin routes over service.ts. Every table also as XLSX (`format=xlsx`).
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { laggingReads, type RouteDeps } from '../platform/context';
import { requireActor, type HttpApp } from '../platform/http/server';
import { reportBreakdown, reportDossiers, reportIndicators, reportSummary, reportTrend, reportWorstLate, type BreakdownBy } from './service';
import { exportFile, exportStatus, requestExport, type ExportChecks } from './exports';
import { tableToXlsx } from './xlsx';
import { breakdownTable, drillTable, indicatorsTable, summaryTable, trendTable, worstLateTable, type XlsxTable } from './xlsx-layouts';
import { BreakdownSchema, DrillPageSchema, ExportAcceptedSchema, ExportStatusSchema, IndicatorsSchema, ReportSummarySchema, TrendSchema, WorstLateSchema } from './schemas';
import { fileAnswer, jsonOrFile, PDF, XLSX } from '../platform/http/schemas';
import { registerBundleReportRoute } from './bundles';

const CivilDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const UnitCode = Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z@]+$' });
const Format = Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xlsx')]));
const strict = { additionalProperties: false } as const;
/** as-was (units in force at receipt, default) or as-is (mapped to today's units) — src/reports/units.ts */
const AsOfParam = Type.Optional(Type.Union([Type.Literal('was'), Type.Literal('is')]));
const periodFields = { from: CivilDate, to: CivilDate, unit: Type.Optional(UnitCode), asOf: AsOfParam, format: Format };
const PeriodQuery = Type.Object(periodFields, strict);

/** The JSON answer, or the same table as XLSX (the reply is then sent: Fastify ignores the value). */
async function send<T>(
  reply: FastifyReply, q: { format?: string; from: string; to: string; unit?: string }, table: XlsxTable, rows: readonly object[], json: T,
): Promise<T> {
  if (q.format !== 'xlsx') return json;
  const file = await tableToXlsx(table.title, `Kỳ: ${q.from} – ${q.to}${q.unit ? `; đơn vị ${q.unit}` : ''}`, table.columns, rows as readonly Record<string, unknown>[]);
  return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${table.name}-${q.from}-${q.to}.xlsx"`).send(file) as never;
}

export interface ReportRouteOptions {
  readonly atRiskWorkingMinutes?: number;
  /**
   * Starts the export job now (pg-boss `send` of `reports.exports`, exports.ts). Without it, or
   * when it fails, the job's next tick (every minute, on any instance) runs the request.
   */
  readonly startExports?: () => Promise<void>;
  /** the other capabilities' checks of an export's parameters at request time (src/app.ts: the postal quarter) */
  readonly exportChecks?: ExportChecks;
}

export function registerReportRoutes(app: HttpApp, deps: RouteDeps, options: ReportRouteOptions = {}): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });
  // the dashboard's reads may lag a moment: the read replica when there is one; exports write, and are read back, on the primary
  const reads = (request: FastifyRequest) => ({ ...ctx(request), db: laggingReads(deps) });

  app.post('/api/v1/reports/exports', {
    schema: {
      tags: ['reports'], summary: 'Yêu cầu xuất báo cáo định kỳ (PDF) hoặc bảng số liệu (XLSX); chạy nền, trả mã yêu cầu',
      body: Type.Object({
        kind: Type.Union([Type.Literal('periodic-pdf'), Type.Literal('breakdown-xlsx'), Type.Literal('postal-quarterly-xlsx')]),
        from: CivilDate, to: CivilDate, unit: Type.Optional(UnitCode), asOf: AsOfParam,
      }, strict),
      response: { 202: ExportAcceptedSchema },
    },
  }, async (request, reply) => {
    const r = await requestExport(ctx(request), request.body, options.exportChecks);
    // the request is recorded: a failed send only delays it to the job's next tick
    await options.startExports?.().catch((e: unknown) => request.log.warn({ err: e }, 'report export job not sent; its next tick runs it'));
    return reply.code(202).header('location', `/api/v1/reports/exports/${r.id}`).send(r);
  });

  const ExportParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
  app.get('/api/v1/reports/exports/:id', {
    schema: { tags: ['reports'], summary: 'Trạng thái và tiến độ (0–100) của một yêu cầu xuất báo cáo', params: ExportParams, response: { 200: ExportStatusSchema } },
  }, async (request) => exportStatus(ctx(request), request.params.id));

  app.get('/api/v1/reports/exports/:id/file', {
    schema: { tags: ['reports'], summary: 'Tệp báo cáo đã xuất', params: ExportParams, response: { 200: fileAnswer('Tệp PDF hoặc XLSX', PDF, XLSX) } },
  }, async (request, reply) => {
    const f = await exportFile(ctx(request), request.params.id);
    return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename="${f.name}"`).send(f.bytes);
  });

  registerBundleReportRoute(app, reads);

  app.get('/api/v1/reports/summary', {
    schema: { tags: ['reports'], summary: 'Tổng hợp tình hình tiếp nhận, giải quyết hồ sơ trong kỳ', querystring: PeriodQuery, response: { 200: jsonOrFile(ReportSummarySchema, 'Số liệu tổng hợp', XLSX) } },
  }, async (request, reply) => {
    const s = await reportSummary(reads(request), request.query, options.atRiskWorkingMinutes);
    const rows = Object.entries(s).filter(([, v]) => typeof v === 'number').map(([k, v]) => ({ key: k, value: v }));
    return send(reply, request.query, summaryTable, rows, s);
  });

  app.get('/api/v1/reports/breakdown', {
    schema: {
      tags: ['reports'], summary: 'Số liệu theo đơn vị, cơ quan, nơi tiếp nhận, thủ tục, kênh hoặc cấp',
      querystring: Type.Object({ ...periodFields, by: Type.Union((['unit', 'agency', 'receiving', 'procedure', 'channel', 'level'] as const).map((b) => Type.Literal(b))) }, strict),
      response: { 200: jsonOrFile(BreakdownSchema, 'Số liệu theo nhóm', XLSX) },
    },
  }, async (request, reply) => {
    const r = await reportBreakdown(reads(request), { ...request.query, by: request.query.by as BreakdownBy });
    return send(reply, request.query, breakdownTable(r.by), r.rows, r);
  });

  app.get('/api/v1/reports/trend', {
    schema: { tags: ['reports'], summary: 'Diễn biến theo tháng', querystring: PeriodQuery, response: { 200: jsonOrFile(TrendSchema, 'Số liệu theo tháng', XLSX) } },
  }, async (request, reply) => {
    const r = await reportTrend(reads(request), request.query);
    return send(reply, request.query, trendTable, r.points, r);
  });

  app.get('/api/v1/reports/late', {
    schema: {
      tags: ['reports'], summary: 'Thủ tục, cơ quan có nhiều hồ sơ quá hạn nhất',
      querystring: Type.Object({ ...periodFields, by: Type.Union([Type.Literal('procedure'), Type.Literal('agency')]), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, strict),
      response: { 200: jsonOrFile(WorstLateSchema, 'Các nhóm có nhiều hồ sơ quá hạn nhất', XLSX) },
    },
  }, async (request, reply) => {
    const r = await reportWorstLate(reads(request), request.query);
    return send(reply, request.query, worstLateTable(request.query.by), r.rows, r);
  });

  app.get('/api/v1/reports/dossiers', {
    schema: {
      tags: ['reports'], summary: 'Danh sách hồ sơ sau một con số (phân trang)',
      querystring: Type.Object({
        ...periodFields,
        agency: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
        receiving: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'cơ quan, điểm tiếp nhận' })),
        level: Type.Optional(Type.Union([Type.Literal('province'), Type.Literal('district'), Type.Literal('commune'), Type.Literal('central')])),
        agencyUnit: Type.Optional(Type.String({ pattern: '^[0-9]{1,10}$', description: 'mã đơn vị hành chính của cơ quan giải quyết (không gồm đơn vị cấp dưới)' })),
        procedure: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
        channel: Type.Optional(Type.Union([Type.Literal('counter'), Type.Literal('online'), Type.Literal('postal')])),
        kind: Type.Optional(Type.Union([Type.Literal('received'), Type.Literal('late'), Type.Literal('onTime'), Type.Literal('open')])),
        after: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9]+:[0-9]+$' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
      }, strict),
      response: { 200: jsonOrFile(DrillPageSchema, 'Một trang hồ sơ', XLSX) },
    },
  }, async (request, reply) => {
    const r = await reportDossiers(reads(request), request.query);
    return send(reply, request.query, drillTable, r.items, r);
  });

  app.get('/api/v1/reports/indicators', {
    schema: { tags: ['reports'], summary: 'Bộ chỉ số theo Quyết định 766/QĐ-TTg (có giải thích)', querystring: PeriodQuery, response: { 200: jsonOrFile(IndicatorsSchema, 'Các chỉ số', XLSX) } },
  }, async (request, reply) => {
    const r = await reportIndicators(reads(request), request.query);
    return send(reply, request.query, indicatorsTable, r.indicators, r);
  });
}
