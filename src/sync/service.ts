// The use cases of the national sync: what administrators and supervisors see of it (counts,
// failures), an administrator's retry of a row, the sync rate of a period (the dashboard panel and
// indicator 1.4), each in the caller's unit scope. The push itself is push.ts (a job, no actor).
import { sql, type Kysely } from 'kysely';
import { assertCan, can } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { conflict, notFound } from '../platform/errors';
import { parsePeriod } from '../platform/period';

export { syncHook } from './hook';

/** The unit path an actor's sync reads are limited to ('/' for the whole system); null: none. */
function unitPathOf(actor: Actor): string | null {
  const s = actor.scope;
  return s.kind === 'unit' || s.kind === 'agency' || s.kind === 'servicePoint' ? s.unitPath : null;
}

function scopedPath(ctx: ServiceContext): string {
  assertCan(ctx.actor, 'sync.read');
  const path = unitPathOf(ctx.actor);
  // a reader without a unit sees nothing (no role holding sync.read has one today)
  return path ?? '\u0000';
}

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface SyncCounts {
  /** not yet accepted by the portal, retried automatically */
  readonly pending: number;
  /** among pending: the last attempt failed */
  readonly failing: number;
  /** automatic retries stopped (refused by the portal, or too many attempts): an administrator must retry */
  readonly gaveUp: number;
  /** accepted by the portal in the period */
  readonly sentInPeriod: number;
  /** the oldest change not yet accepted (ISO), null when none */
  readonly oldestPendingAt: string | null;
}

/** Counts of the sync outbox in the caller's scope; `sentInPeriod` over the civil days from–to (at most 366). */
export async function syncCounts(ctx: ServiceContext, q: { from: string; to: string }): Promise<SyncCounts> {
  const path = scopedPath(ctx);
  const period = parsePeriod(q.from, q.to, 366);
  const [open, sent] = await Promise.all([
    // sync_outbox_pending_idx: only unsent rows are read
    sql<{ pending: number; failing: number; gave_up: number; oldest: Date | null }>`SELECT count(*)::int AS pending,
        count(*) FILTER (WHERE last_error IS NOT NULL AND gave_up_at IS NULL)::int AS failing,
        count(*) FILTER (WHERE gave_up_at IS NOT NULL)::int AS gave_up, min(event_at) AS oldest
      FROM sync_outbox WHERE sent_at IS NULL AND unit_path LIKE ${likePrefix(path)}`.execute(ctx.db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM sync_outbox
      WHERE sent_at >= ${new Date(period.start)} AND sent_at < ${new Date(period.end)} AND unit_path LIKE ${likePrefix(path)}`.execute(ctx.db),
  ]);
  const o = open.rows[0];
  return {
    pending: o?.pending ?? 0, failing: o?.failing ?? 0, gaveUp: o?.gave_up ?? 0, sentInPeriod: sent.rows[0]?.n ?? 0,
    oldestPendingAt: o?.oldest ? new Date(o.oldest).toISOString() : null,
  };
}

export interface SyncFailure {
  readonly id: number;
  readonly dossierCode: string;
  readonly seq: number;
  readonly action: string;
  readonly syncCode: number;
  readonly eventAt: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly lastErrorAt: string | null;
  readonly nextAttemptAt: string | null;
  /** automatic retries stopped: only an administrator's retry sends it again */
  readonly gaveUp: boolean;
}

/** Unsent rows whose last attempt failed, the most recent failure first, in keyset pages (`before`: the last id of the previous page). */
export async function syncFailures(ctx: ServiceContext, q: { limit?: number; before?: number }): Promise<{ items: SyncFailure[]; next: number | null }> {
  const path = scopedPath(ctx);
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
  let query = ctx.db.selectFrom('sync_outbox').selectAll()
    .where('sent_at', 'is', null).where('last_error', 'is not', null).where('unit_path', 'like', likePrefix(path));
  if (q.before !== undefined) query = query.where('id', '<', q.before);
  const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map((r): SyncFailure => ({
    id: r.id, dossierCode: r.dossier_code, seq: r.seq, action: r.action, syncCode: r.sync_code, eventAt: r.event_at.toISOString(),
    attempts: r.attempts, lastError: r.last_error ?? '', lastErrorAt: r.last_error_at?.toISOString() ?? null,
    nextAttemptAt: r.gave_up_at ? null : r.next_attempt_at?.toISOString() ?? null, gaveUp: r.gave_up_at !== null,
  }));
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? last.id : null };
}

/** An administrator sends a failed row again now, attempts from zero; recorded in the audit log. */
export async function retrySync(ctx: ServiceContext, id: number): Promise<{ id: number; dossierCode: string; seq: number }> {
  assertCan(ctx.actor, 'sync.manage');
  const actor = ctx.actor;
  const path = unitPathOf(actor) ?? '\u0000';
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('sync_outbox').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || !row.unit_path.startsWith(path)) throw notFound('SYNC_ROW_NOT_FOUND', `Không tìm thấy bản ghi đồng bộ số ${id}.`);
    if (row.sent_at) throw conflict('SYNC_ALREADY_SENT', `Bản ghi đồng bộ số ${id} (hồ sơ ${row.dossier_code}) đã được Cổng DVCQG nhận, không cần gửi lại.`);
    if (row.last_error === null) throw conflict('SYNC_NOT_FAILED', `Bản ghi đồng bộ số ${id} đang chờ gửi, chưa lỗi lần nào.`);
    await trx.updateTable('sync_outbox').set({ gave_up_at: null, attempts: 0, next_attempt_at: null, locked_until: null }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'sync.retry', entity: 'sync_outbox', entityKey: id, at: ctx.clock.now(),
      payload: { dossierCode: row.dossier_code, seq: row.seq, attempts: row.attempts, lastError: row.last_error },
    });
    return { id, dossierCode: row.dossier_code, seq: row.seq };
  });
}

export interface SyncRate {
  /** dossiers received (accepted) in the period whose receipt this system recorded */
  readonly received: number;
  /** among them, those whose receipt the national portal accepted */
  readonly synced: number;
  /** synced / received, 0–1; null without receipts */
  readonly rate: number | null;
}

/**
 * Dossiers received in [start, end) under a unit path and how many of them reached the national
 * portal (F766 1.4's numerator). Reads the receipt rows only (`sync_outbox_receipts_idx`). For
 * reports (indicator 1.4, the 3.3 multiplier) and the dashboard's panel.
 */
export async function syncedReceipts(db: Kysely<DB>, unitPath: string, start: Date, end: Date): Promise<SyncRate> {
  const r = await sql<{ received: number; synced: number }>`SELECT count(DISTINCT dossier_id)::int AS received,
      count(DISTINCT dossier_id) FILTER (WHERE sent_at IS NOT NULL)::int AS synced
    FROM sync_outbox WHERE action IN ('received', 'receive') AND event_at >= ${start} AND event_at < ${end} AND unit_path LIKE ${likePrefix(unitPath)}`.execute(db);
  const received = r.rows[0]?.received ?? 0;
  const synced = r.rows[0]?.synced ?? 0;
  return { received, synced, rate: received === 0 ? null : synced / received };
}

/** The sync rate of a period in the caller's scope (`GET /api/v1/sync/stats`). */
export async function syncStats(ctx: ServiceContext, q: { from: string; to: string }): Promise<SyncRate & { from: string; to: string }> {
  const path = scopedPath(ctx);
  const period = parsePeriod(q.from, q.to, 3660);
  return { from: period.from, to: period.to, ...(await syncedReceipts(ctx.db, path, new Date(period.start), new Date(period.end))) };
}

/** Whether the actor may retry rows (the page shows the button). */
export const maySyncRetry = (actor: Actor): boolean => can(actor, 'sync.manage');
