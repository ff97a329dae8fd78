// Report exports as durable jobs (issue 5 part 5): `POST /api/v1/reports/exports` records the
// request in `report_exports` (migration 0010) as 'queued', starts the pg-boss job
// `reports.exports` (src/platform/jobs.ts; the route's send hook) and answers 202. The job claims
// rows (FOR UPDATE SKIP LOCKED), keeps a heartbeat and the progress while it computes month by
// month, and stores the file in the row. Nothing is lost with the process: a queued export stays
// queued, and a running one whose heartbeat is older than STALE_MS is claimed again by the job's
// next run (its cron every minute, at start, or the next request's send).
import { writeSafeXlsx } from '../platform/xlsx';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import type { Actor } from '../platform/actor';
import type { JobDefinition } from '../platform/jobs';
import type { Clock } from '../platform/clock';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import { isDomainError, notFound } from '../platform/errors';
import { renderPeriodicReportPdf } from './pdf';
import { summary } from './queries';
import { periodOf, reportBreakdown, reportIndicators, scopeOf, type BreakdownBy } from './service';
import { loadUnitMap, type AsOf } from './units';

export type ExportKind = 'periodic-pdf' | 'breakdown-xlsx' | 'postal-quarterly-xlsx';

/**
 * An export another capability builds (the postal quarterly report), run by this one runner with
 * the requester's rights: wired in src/app.ts, so that reports imports no higher capability.
 */
export type ExportBuilder = (ctx: ServiceContext, params: { readonly from: string; readonly to: string; readonly unit?: string }, progress: (percent: number) => Promise<void>) =>
  Promise<{ name: string; contentType: string; bytes: Uint8Array }>;
export type ExportBuilders = Partial<Record<ExportKind, ExportBuilder>>;
/** What another capability's export requires of its parameters, checked when the export is requested (a 400 then, not a failed job later). */
export type ExportChecks = Partial<Record<ExportKind, (params: { readonly from: string; readonly to: string }) => void>>;

export interface ExportRequest {
  readonly kind: ExportKind;
  readonly from: string;
  readonly to: string;
  readonly unit?: string;
  readonly asOf?: AsOf;
}

export interface ExportStatus {
  readonly id: string;
  readonly kind: ExportKind;
  readonly status: 'queued' | 'running' | 'done' | 'failed';
  readonly progress: number;
  readonly error?: string;
  readonly createdAt: string;
  readonly finishedAt?: string;
  readonly fileName?: string;
}

interface StoredParams {
  readonly from: string;
  readonly to: string;
  readonly unit?: string;
  readonly asOf: AsOf;
  /** the requester as they were when asking: the job runs with their rights */
  readonly actor: Actor;
}

/** A running export whose heartbeat is older than this is taken to be dead and claimed again. */
export const STALE_MS = 60_000;
const MAX_ATTEMPTS = 3;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Records the request (scope checked now, with the requester's rights) and returns its id. */
export async function requestExport(ctx: ServiceContext, req: ExportRequest, checks: ExportChecks = {}): Promise<{ id: string }> {
  periodOf(req);
  checks[req.kind]?.(req);
  const scope = await scopeOf(ctx, req.unit, req.asOf);
  const actor = ctx.actor as Actor; // scopeOf asserted reports.read
  const params: StoredParams = { from: req.from, to: req.to, ...(req.unit ? { unit: req.unit } : {}), asOf: scope.asOf, actor };
  const row = await sql<{ id: string }>`
    INSERT INTO report_exports (requested_by, scope_path, kind, params)
    VALUES (${actor.userId}, ${scope.unitPath}, ${req.kind}, ${JSON.stringify(params)}::jsonb) RETURNING id`.execute(ctx.db);
  return { id: String(row.rows[0]?.id) };
}

interface ExportRow {
  id: string; requested_by: string | number; scope_path: string; kind: ExportKind; params: StoredParams; status: ExportStatus['status'];
  progress: number; error: string | null; created_at: Date; finished_at: Date | null; file_name: string | null; content_type: string | null;
}

/** The export if the actor may see it: the requester, or a reports reader whose scope covers it. */
async function visibleExport(ctx: ServiceContext, id: string, withFile: boolean): Promise<ExportRow & { file?: Buffer | null }> {
  const own = await scopeOf(ctx, undefined); // reports.read and a unit scope, or it throws
  const actor = ctx.actor as Actor;
  if (!UUID_RE.test(id)) throw notFound('EXPORT_NOT_FOUND', 'Không tìm thấy yêu cầu xuất báo cáo.');
  const r = await sql<ExportRow & { file?: Buffer | null }>`
    SELECT id, requested_by, scope_path, kind, params, status, progress, error, created_at, finished_at, file_name, content_type
           ${withFile ? sql`, file` : sql``}
      FROM report_exports WHERE id = ${id}::uuid`.execute(ctx.db);
  const row = r.rows[0];
  const mine = row !== undefined && Number(row.requested_by) === actor.userId;
  const sameScope = row !== undefined && (row.scope_path.startsWith(own.unitPath) || (own.extraPaths ?? []).includes(row.scope_path));
  if (!row || !(mine || sameScope)) throw notFound('EXPORT_NOT_FOUND', 'Không tìm thấy yêu cầu xuất báo cáo.');
  return row;
}

export async function exportStatus(ctx: ServiceContext, id: string): Promise<ExportStatus> {
  const r = await visibleExport(ctx, id, false);
  return {
    id: r.id, kind: r.kind, status: r.status, progress: r.progress,
    ...(r.error ? { error: r.error } : {}),
    createdAt: r.created_at.toISOString(),
    ...(r.finished_at ? { finishedAt: r.finished_at.toISOString() } : {}),
    ...(r.file_name ? { fileName: r.file_name } : {}),
  };
}

export async function exportFile(ctx: ServiceContext, id: string): Promise<{ name: string; contentType: string; bytes: Buffer }> {
  const r = await visibleExport(ctx, id, true);
  if (r.status !== 'done' || !r.file) throw notFound('EXPORT_NOT_READY', r.status === 'failed' ? `Xuất báo cáo không thành công: ${r.error ?? ''}` : 'Báo cáo chưa xuất xong.');
  return { name: r.file_name ?? `bao-cao-${r.id}`, contentType: r.content_type ?? 'application/octet-stream', bytes: r.file };
}

// ── the worker ─────────────────────────────────────────────────────────────────────────────

/** Months of a period as [from, to] civil dates clipped to the period. */
export function monthsOf(from: string, to: string): { month: string; from: string; to: string }[] {
  const out: { month: string; from: string; to: string }[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    if (first > to) break;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ month: first.slice(0, 7), from: first < from ? from : first, to: last > to ? to : last });
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

type Progress = (percent: number) => Promise<void>;

async function buildPeriodicPdf(ctx: ServiceContext, p: StoredParams, progress: Progress): Promise<{ name: string; contentType: string; bytes: Uint8Array }> {
  const scope = await scopeOf(ctx, p.unit, p.asOf);
  const q = { from: p.from, to: p.to, ...(p.unit ? { unit: p.unit } : {}), asOf: p.asOf };
  const total = await summary(ctx.db, scope, q);
  await progress(5);
  const levels = (await reportBreakdown(ctx, { ...q, by: 'level' })).rows;
  await progress(10);
  // month by month: the long part of a long period, and the progress the client sees
  const months = monthsOf(p.from, p.to);
  const rows: { month: string; received: number; online: number; postal: number; resolved: number; onTime: number; late: number }[] = [];
  for (const [i, m] of months.entries()) {
    const s = await summary(ctx.db, scope, m);
    rows.push({ month: m.month, received: s.received, online: s.receivedOnline, postal: s.receivedPostal, resolved: s.resolved, onTime: s.resolvedEarly + s.resolvedOnTime, late: s.resolvedLate });
    await progress(10 + Math.floor(((i + 1) / months.length) * 75));
  }
  const ind = await reportIndicators(ctx, q);
  await progress(90);
  const units = await loadUnitMap(ctx.db);
  const unit = units.byPath.get(scope.unitPath);
  const unitName = unit?.name ?? scope.unitPath;
  const province = units.byPath.get(`/${scope.unitPath.split('/')[1] ?? ''}/`);
  const bytes = await renderPeriodicReportPdf({
    from: p.from, to: p.to, unitName, placeName: (province?.name ?? unitName).replace(/^(Tỉnh|Thành phố)\s+/u, ''), asOf: p.asOf,
    issuedAt: ctx.clock.now(), summary: total, levels, months: rows, indicators: ind.indicators, notes: ind.notes,
  });
  return { name: `bao-cao-tthc-${p.from}-${p.to}.pdf`, contentType: 'application/pdf', bytes };
}

async function buildBreakdownXlsx(ctx: ServiceContext, p: StoredParams, progress: Progress): Promise<{ name: string; contentType: string; bytes: Uint8Array }> {
  const q = { from: p.from, to: p.to, ...(p.unit ? { unit: p.unit } : {}), asOf: p.asOf };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const sheets: [BreakdownBy, string][] = [['unit', 'Theo đơn vị'], ['level', 'Theo cấp'], ['agency', 'Theo cơ quan'], ['channel', 'Theo kênh'], ['procedure', 'Theo thủ tục']];
  const headers = ['Mã', 'Tên', 'Tiếp nhận', 'Trực tuyến', 'BCCI', 'Đã giải quyết', 'Trước/đúng hạn', 'Quá hạn', 'Tỷ lệ quá hạn (%)'];
  for (const [i, [by, title]] of sheets.entries()) {
    const { rows } = await reportBreakdown(ctx, { ...q, by });
    const ws = wb.addWorksheet(title);
    ws.addRow([`Số liệu giải quyết TTHC – ${title.toLowerCase()}`]).font = { bold: true, size: 14 };
    ws.addRow([`Kỳ: ${p.from} – ${p.to}${p.unit ? `; đơn vị ${p.unit}` : ''}; ${p.asOf === 'is' ? 'đơn vị hiện nay' : 'đơn vị tại thời điểm tiếp nhận'}`]);
    ws.addRow([]);
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow([r.key, r.label, r.received, r.online, r.postal, r.resolved, r.onTime, r.late, r.lateShare]);
    ws.getColumn(2).width = 50;
    ws.views = [{ state: 'frozen', ySplit: 4 }];
    await progress(Math.floor(((i + 1) / sheets.length) * 90));
  }
  return { name: `so-lieu-tthc-${p.from}-${p.to}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await writeSafeXlsx(wb) };
}

/** Claims one export (queued, or running with a stale heartbeat) and runs it. False when none. */
export async function runOneExport(db: Database, clock: Clock, builders: ExportBuilders = {}): Promise<boolean> {
  const claimed = await sql<{ id: string; kind: ExportKind; params: StoredParams; attempts: number }>`
    UPDATE report_exports SET status = 'running', heartbeat_at = now(), attempts = attempts + 1, progress = 0, error = NULL
     WHERE id = (SELECT id FROM report_exports
                  WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < now() - ${`${STALE_MS} milliseconds`}::interval)
                  ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING id, kind, params, attempts`.execute(db);
  const job = claimed.rows[0];
  if (!job) return false;
  const ctx: ServiceContext = { db, clock, actor: job.params.actor };
  let last = -1;
  const progress: Progress = async (percent) => {
    const p = Math.max(0, Math.min(99, Math.floor(percent)));
    if (p === last) return;
    last = p;
    await sql`UPDATE report_exports SET progress = ${p}, heartbeat_at = now() WHERE id = ${job.id}::uuid AND status = 'running'`.execute(db);
  };
  try {
    const other = builders[job.kind];
    const file = job.kind === 'periodic-pdf' ? await buildPeriodicPdf(ctx, job.params, progress)
      : job.kind === 'breakdown-xlsx' ? await buildBreakdownXlsx(ctx, job.params, progress)
        : other ? await other(ctx, job.params, progress) : await Promise.reject(new Error(`no builder for the export kind ${job.kind}`));
    await sql`UPDATE report_exports SET status = 'done', progress = 100, file = ${Buffer.from(file.bytes)}, file_name = ${file.name},
      content_type = ${file.contentType}, finished_at = now(), heartbeat_at = now() WHERE id = ${job.id}::uuid`.execute(db);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // a transient failure is tried again (up to MAX_ATTEMPTS); a refusal of the rights is final
    const final = job.attempts >= MAX_ATTEMPTS || isDomainError(e);
    await sql`UPDATE report_exports SET status = ${final ? 'failed' : 'queued'}, error = ${message.slice(0, 500)},
      finished_at = ${final ? sql`now()` : sql`NULL`} WHERE id = ${job.id}::uuid`.execute(db);
  }
  return true;
}

/** The pg-boss queue of report exports (the route sends to it at each request). */
export const REPORT_EXPORTS_JOB = 'reports.exports';

/**
 * The one export runner, a pg-boss job (src/platform/jobs.ts): sent at each request, and every
 * minute (and at start) for what a stopped instance left queued or stalled. Each run drains the
 * table; claims are row locks, so two instances never run one export twice.
 */
export function reportExportsJob(deps: { readonly db: Database; readonly clock: Clock; readonly builders?: ExportBuilders }): JobDefinition {
  return {
    name: REPORT_EXPORTS_JOB, cron: '* * * * *', runAtStart: true,
    handler: async () => {
      let n = 0;
      while (await runOneExport(deps.db, deps.clock, deps.builders)) n++;
      return n;
    },
  };
}
