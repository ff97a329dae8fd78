// HTTP for the catalogue's administrator (permission catalog.manage, system administrators only):
// the list of procedures, one procedure's versions and history, a new version from an edit, and
// the import with its dry run. Thin: each route calls one use case.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { RouteDeps } from '../platform/context';
import { ErrorShape, literals } from '../platform/http/schemas';
import { requireActor, type HttpApp } from '../platform/http/server';
import type { ProcedureEdit } from './edit';
import { importCatalog, type ImportFormat } from './import';
import { FieldChange, Nullable, Procedure, ProcedureEditBody } from './schemas';
import { listProceduresForAdmin, procedureForAdmin, saveProcedureVersion } from './versions';

const errors = { 400: ErrorShape, 401: ErrorShape, 403: ErrorShape, 404: ErrorShape };
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z.]+$' });

const AdminItem = Type.Object({
  code: Type.String(), name: Type.String(), field: Type.String(), competentAgency: Type.String(), version: Type.Integer(),
  effectiveFrom: Type.String(), effectiveTo: Nullable(Type.String()), scheduled: Type.Boolean(), versions: Type.Integer(),
});
const ChangeRecord = Type.Object({
  at: Type.String(), actorName: Nullable(Type.String()), action: Type.String(), version: Nullable(Type.Integer()),
  effectiveFrom: Nullable(Type.String()), reason: Nullable(Type.String()), changes: Type.Array(FieldChange),
});
const ImportOutcome = Type.Object({
  dryRun: Type.Boolean(), rows: Type.Integer(), inserted: Type.Integer(), closed: Type.Integer(),
  versions: Type.Array(Type.Object({
    row: Type.Integer(), code: Type.String(), name: Type.String(), kind: literals(['new', 'version'] as const),
    version: Type.Integer(), effectiveFrom: Type.String(), changes: Type.Array(FieldChange),
  })),
});

const ProcedureDetail = Type.Object({ code: Type.String(), versions: Type.Array(Procedure), inForceVersion: Nullable(Type.Integer()), history: Type.Array(ChangeRecord) });

// The answers as the web client reads them (type-only imports, docs/adr/013).
export type AdminProcedureView = Static<typeof AdminItem>;
export type ChangeRecordView = Static<typeof ChangeRecord>;
export type ImportOutcomeView = Static<typeof ImportOutcome>;
export type ProcedureDetailView = Static<typeof ProcedureDetail>;
export type ProcedureVersionView = Static<typeof Procedure>;
/** the editable content of a version: the edit without its first day and reason */
export type ProcedureContentView = Omit<Static<typeof ProcedureEditBody>, 'effectiveFrom' | 'reason'>;

export function registerCatalogAdminRoutes(app: HttpApp, deps: RouteDeps): void {
  const tags = ['catalog'];
  const ctx = (request: Parameters<typeof requireActor>[0]) => ({ db: deps.db, clock: deps.clock, actor: requireActor(request) });

  app.get('/api/v1/admin/catalog/procedures', {
    schema: {
      tags, summary: 'Quản trị: danh sách thủ tục theo phiên bản mới nhất (tìm có hoặc không dấu, hoặc theo mã)',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        offset: Type.Optional(Type.Integer({ minimum: 0 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(AdminItem), total: Type.Integer() }), ...errors },
    },
  }, async (request) => {
    const { q, ...page } = request.query;
    return listProceduresForAdmin(ctx(request), q ?? null, page);
  });

  app.get('/api/v1/admin/catalog/procedures/:code', {
    schema: {
      tags, summary: 'Quản trị: mọi phiên bản của một thủ tục theo ngày hiệu lực, và lịch sử thay đổi',
      params: Type.Object({ code: Code }),
      response: {
        200: ProcedureDetail,
        ...errors,
      },
    },
  }, async (request) => procedureForAdmin(ctx(request), request.params.code));

  app.post('/api/v1/admin/catalog/procedures/:code/versions', {
    schema: {
      tags, summary: 'Quản trị: lưu phiên bản mới của thủ tục, có hiệu lực từ ngày chọn (phiên bản cũ giữ nguyên cho hồ sơ đã nhận)',
      params: Type.Object({ code: Code }),
      body: ProcedureEditBody,
      response: { 200: Procedure, ...errors },
    },
  }, async (request) => saveProcedureVersion(ctx(request), request.params.code, request.body as ProcedureEdit));

  app.post('/api/v1/admin/catalog/import', {
    bodyLimit: 12 * 1024 * 1024, // an XLSX catalogue in base64 (the content itself is capped by the schema)
    schema: {
      tags, summary: 'Nhập phiên bản thủ tục từ JSON, CSV hoặc XLSX (base64); dryRun: chỉ kiểm tra và cho xem thay đổi',
      body: Type.Object({
        format: literals(['json', 'csv', 'xlsx'] as const),
        content: Type.String({ minLength: 1, maxLength: 10_000_000 }),
        dryRun: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 200: ImportOutcome, ...errors },
    },
  }, async (request) => importCatalog(ctx(request), request.body as { format: ImportFormat; content: string; dryRun?: boolean }));
}
