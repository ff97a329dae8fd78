// HTTP for reports: thin routes over service.ts. Every table also as XLSX (`format=xlsx`).
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/context';
import { requireActor, type HttpApp } from '../platform/http/server';
import { reportBreakdown, reportDossiers, reportIndicators, reportSummary, reportTrend, reportWorstLate, type BreakdownBy } from './service';
import { exportFile, exportStatus, ExportWorker, requestExport } from './exports';
import { tableToXlsx, type SheetColumn } from './xlsx';

const CivilDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const UnitCode = Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z@]+$' });
const Format = Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xlsx')]));
const strict = { additionalProperties: false } as const;
/** as-was (units in force at receipt, default) or as-is (mapped to today's units) — src/reports/units.ts */
const AsOfParam = Type.Optional(Type.Union([Type.Literal('was'), Type.Literal('is')]));
const periodFields = { from: CivilDate, to: CivilDate, unit: Type.Optional(UnitCode), asOf: AsOfParam, format: Format };
const PeriodQuery = Type.Object(periodFields, strict);

const breakdownColumns: SheetColumn[] = [
  { key: 'key', header: 'Mã' }, { key: 'label', header: 'Tên', width: 50 }, { key: 'received', header: 'Tiếp nhận' },
  { key: 'online', header: 'Trực tuyến' }, { key: 'postal', header: 'BCCI' }, { key: 'resolved', header: 'Đã giải quyết' },
  { key: 'onTime', header: 'Trước/đúng hạn' }, { key: 'late', header: 'Quá hạn' }, { key: 'lateShare', header: 'Tỷ lệ quá hạn (%)' },
];

async function send(reply: FastifyReply, format: string | undefined, name: string, title: string, q: { from: string; to: string; unit?: string }, columns: SheetColumn[], rows: Record<string, unknown>[], json: unknown) {
  if (format !== 'xlsx') return json;
  const file = await tableToXlsx(title, `Kỳ: ${q.from} – ${q.to}${q.unit ? `; đơn vị ${q.unit}` : ''}`, columns, rows);
  return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${name}-${q.from}-${q.to}.xlsx"`).send(file);
}

export function registerReportRoutes(app: HttpApp, deps: RouteDeps, options: { exportPollMs?: number; atRiskWorkingMinutes?: number } = {}): void {
  const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });
  // exports run in this process; the worker also resumes what a previous process left
  const worker = new ExportWorker(deps.db, deps.clock, options.exportPollMs ?? 5_000, (e) => app.log.error({ err: e }, 'report export worker'));
  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());

  app.post('/api/v1/reports/exports', {
    schema: {
      tags: ['reports'], summary: 'Yêu cầu xuất báo cáo định kỳ (PDF) hoặc bảng số liệu (XLSX); chạy nền, trả mã yêu cầu',
      body: Type.Object({
        kind: Type.Union([Type.Literal('periodic-pdf'), Type.Literal('breakdown-xlsx')]),
        from: CivilDate, to: CivilDate, unit: Type.Optional(UnitCode), asOf: AsOfParam,
      }, strict),
    },
  }, async (request, reply) => {
    const r = await requestExport(ctx(request), request.body);
    worker.kick();
    return reply.code(202).header('location', `/api/v1/reports/exports/${r.id}`).send(r);
  });

  const ExportParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
  app.get('/api/v1/reports/exports/:id', {
    schema: { tags: ['reports'], summary: 'Trạng thái và tiến độ (0–100) của một yêu cầu xuất báo cáo', params: ExportParams },
  }, async (request) => exportStatus(ctx(request), request.params.id));

  app.get('/api/v1/reports/exports/:id/file', {
    schema: { tags: ['reports'], summary: 'Tệp báo cáo đã xuất', params: ExportParams },
  }, async (request, reply) => {
    const f = await exportFile(ctx(request), request.params.id);
    return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename="${f.name}"`).send(f.bytes);
  });

  app.get('/api/v1/reports/summary', {
    schema: { tags: ['reports'], summary: 'Tổng hợp tình hình tiếp nhận, giải quyết hồ sơ trong kỳ', querystring: PeriodQuery },
  }, async (request, reply) => {
    const s = await reportSummary(ctx(request), request.query, options.atRiskWorkingMinutes);
    const rows = Object.entries(s).filter(([, v]) => typeof v === 'number').map(([k, v]) => ({ key: k, value: v }));
    return send(reply, request.query.format, 'tong-hop', 'Tổng hợp tình hình giải quyết TTHC', request.query, [{ key: 'key', header: 'Chỉ tiêu', width: 32 }, { key: 'value', header: 'Giá trị' }], rows, s);
  });

  app.get('/api/v1/reports/breakdown', {
    schema: {
      tags: ['reports'], summary: 'Số liệu theo đơn vị, cơ quan, nơi tiếp nhận, thủ tục, kênh hoặc cấp',
      querystring: Type.Object({ ...periodFields, by: Type.Union((['unit', 'agency', 'receiving', 'procedure', 'channel', 'level'] as const).map((b) => Type.Literal(b))) }, strict),
    },
  }, async (request, reply) => {
    const r = await reportBreakdown(ctx(request), { ...request.query, by: request.query.by as BreakdownBy });
    return send(reply, request.query.format, `theo-${r.by}`, 'Số liệu giải quyết TTHC', request.query, breakdownColumns, r.rows as unknown as Record<string, unknown>[], r);
  });

  app.get('/api/v1/reports/trend', {
    schema: { tags: ['reports'], summary: 'Diễn biến theo tháng', querystring: PeriodQuery },
  }, async (request, reply) => {
    const r = await reportTrend(ctx(request), request.query);
    return send(reply, request.query.format, 'theo-thang', 'Diễn biến theo tháng', request.query,
      [{ key: 'month', header: 'Tháng' }, { key: 'received', header: 'Tiếp nhận' }, { key: 'online', header: 'Trực tuyến' }, { key: 'postal', header: 'BCCI' }, { key: 'resolved', header: 'Đã giải quyết' }, { key: 'late', header: 'Quá hạn' }],
      r.points, r);
  });

  app.get('/api/v1/reports/late', {
    schema: {
      tags: ['reports'], summary: 'Thủ tục, cơ quan có nhiều hồ sơ quá hạn nhất',
      querystring: Type.Object({ ...periodFields, by: Type.Union([Type.Literal('procedure'), Type.Literal('agency')]), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, strict),
    },
  }, async (request, reply) => {
    const r = await reportWorstLate(ctx(request), request.query);
    return send(reply, request.query.format, `qua-han-${request.query.by}`, 'Hồ sơ quá hạn', request.query, breakdownColumns, r.rows as unknown as Record<string, unknown>[], r);
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
    },
  }, async (request, reply) => {
    const r = await reportDossiers(ctx(request), request.query);
    return send(reply, request.query.format, 'ho-so', 'Danh sách hồ sơ', request.query,
      [{ key: 'code', header: 'Mã hồ sơ', width: 30 }, { key: 'procedureCode', header: 'Thủ tục' }, { key: 'applicantName', header: 'Người nộp', width: 28 }, { key: 'channel', header: 'Kênh' }, { key: 'status', header: 'Trạng thái' }, { key: 'receivedAt', header: 'Tiếp nhận', width: 26 }, { key: 'dueAt', header: 'Hẹn trả', width: 26 }, { key: 'finishedAt', header: 'Kết thúc', width: 26 }],
      r.items as unknown as Record<string, unknown>[], r);
  });

  app.get('/api/v1/reports/indicators', {
    schema: { tags: ['reports'], summary: 'Bộ chỉ số theo Quyết định 766/QĐ-TTg (có giải thích)', querystring: PeriodQuery },
  }, async (request, reply) => {
    const r = await reportIndicators(ctx(request), request.query);
    return send(reply, request.query.format, 'chi-so-766', 'Bộ chỉ số 766/QĐ-TTg', request.query,
      [{ key: 'code', header: 'Chỉ số' }, { key: 'name', header: 'Tên', width: 50 }, { key: 'value', header: 'Giá trị' }, { key: 'unit', header: 'Đơn vị' }, { key: 'numerator', header: 'Tử số' }, { key: 'denominator', header: 'Mẫu số' }, { key: 'score', header: 'Điểm' }, { key: 'maxScore', header: 'Điểm tối đa' }, { key: 'rule', header: 'Cách tính', width: 80 }],
      r.indicators as unknown as Record<string, unknown>[], r);
  });
}
