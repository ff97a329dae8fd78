/**
 * The OCR queue and the recognised text in SQL (migration 0120). A run is claimed with a lease by
 * an optimistic, fenced UPDATE (the attempt number read is the one bumped), so two workers never
 * read the same file at once and a worker that died lets its lease run out; only the holder of the
 * latest claim records the outcome.
 */
import { sql } from 'kysely';
import type { Database } from '../platform/db/connect';
import { OCR_MAX_ATTEMPTS, ocrLeaseMinutes, ocrRetryDelayMinutes } from './ocr-model';
import type { ScanMediaType } from './ocr-raster';

const MINUTE_MS = 60_000;
const plusMinutes = (at: Date, minutes: number): Date => new Date(at.getTime() + minutes * MINUTE_MS);

/**
 * Ids below the newest queued one by less than this are still looked at for files without a run:
 * a file whose transaction committed late (a lower id after higher ones) is not missed.
 */
const LATE_COMMIT_WINDOW = 1000;

/** Queues an OCR run for every stored file that has none (the newest files; at most `limit`). */
export async function queueMissingRuns(db: Database, now: Date, limit = 500): Promise<number> {
  const result = await sql`
    INSERT INTO ocr_runs (file_id, next_attempt_at, queued_at)
    SELECT f.id, ${now}, ${now} FROM files f
    WHERE f.id > (SELECT coalesce(max(file_id), 0) - ${LATE_COMMIT_WINDOW} FROM ocr_runs)
      AND NOT EXISTS (SELECT 1 FROM ocr_runs r WHERE r.file_id = f.id)
    ORDER BY f.id
    LIMIT ${limit}
    ON CONFLICT (file_id) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export interface OcrClaim {
  readonly fileId: number;
  readonly mediaType: ScanMediaType;
  readonly pageCount: number;
  /** This claim's attempt (1 the first time); with leaseUntil, the claim's fencing token. */
  readonly attempt: number;
  readonly leaseUntil: Date;
}

/** Claims the run due first, or returns null when none is due. */
export async function claimDueRun(db: Database, now: Date): Promise<OcrClaim | null> {
  for (let tries = 0; tries < 5; tries += 1) {
    const due = await db.selectFrom('ocr_runs as r').innerJoin('files as f', 'f.id', 'r.file_id')
      .select(['r.file_id', 'r.attempts', 'f.media_type', 'f.page_count'])
      .where('r.status', '=', 'pending').where('r.next_attempt_at', '<=', now)
      .orderBy('r.next_attempt_at').orderBy('r.file_id').limit(1).executeTakeFirst();
    if (!due) return null;
    const leaseUntil = plusMinutes(now, ocrLeaseMinutes(due.page_count));
    const claimed = await db.updateTable('ocr_runs')
      .set({ attempts: due.attempts + 1, lease_until: leaseUntil, next_attempt_at: leaseUntil })
      .where('file_id', '=', due.file_id).where('status', '=', 'pending')
      .where('attempts', '=', due.attempts).where('next_attempt_at', '<=', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 1) {
      return { fileId: due.file_id, mediaType: due.media_type as ScanMediaType, pageCount: due.page_count, attempt: due.attempts + 1, leaseUntil };
    }
    // another worker claimed it between the read and the update: look for the next one
  }
  return null;
}

/** Stores the pages' text and marks the run done; false when the claim was lost (nothing written). */
export async function recordOcrDone(db: Database, claim: OcrClaim, now: Date, pages: readonly { pageNumber: number; text: string }[]): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const done = await tx.updateTable('ocr_runs')
      .set({ status: 'done', lease_until: null, finished_at: now, pages_read: pages.length })
      .where('file_id', '=', claim.fileId).where('status', '=', 'pending')
      .where('attempts', '=', claim.attempt).where('lease_until', '=', claim.leaseUntil)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return false;
    await tx.deleteFrom('ocr_pages').where('file_id', '=', claim.fileId).execute();
    if (pages.length > 0) {
      await tx.insertInto('ocr_pages')
        .values(pages.map((p) => ({ file_id: claim.fileId, page_number: p.pageNumber, text: p.text })))
        .execute();
    }
    return true;
  });
}

/** After a failed attempt: a retry after the back-off, or the run given up; 'lost' when the claim had passed on. */
export async function recordOcrFailure(db: Database, claim: OcrClaim, now: Date, reason: string): Promise<'retry' | 'failed' | 'lost'> {
  const givenUp = claim.attempt >= OCR_MAX_ATTEMPTS;
  const result = await db.updateTable('ocr_runs')
    .set(givenUp
      ? { status: 'failed', lease_until: null, finished_at: now, last_error: reason }
      : { lease_until: null, next_attempt_at: plusMinutes(now, ocrRetryDelayMinutes(claim.attempt)), last_error: reason })
    .where('file_id', '=', claim.fileId).where('status', '=', 'pending')
    .where('attempts', '=', claim.attempt).where('lease_until', '=', claim.leaseUntil)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return 'lost';
  return givenUp ? 'failed' : 'retry';
}

/** A run that was given up (or the latest failed attempt of one still retried). */
export interface OcrFailureRow {
  readonly fileId: number;
  readonly status: 'pending' | 'failed';
  readonly attempts: number;
  readonly reason: string;
  readonly queuedAt: Date;
  readonly failedAt: Date | null;
  readonly nextAttemptAt: Date | null;
}

/** Runs that failed at least once and have not succeeded since: given up first, newest first. */
export async function failingRuns(db: Database, limit: number): Promise<OcrFailureRow[]> {
  const rows = await db.selectFrom('ocr_runs')
    .select(['file_id', 'status', 'attempts', 'last_error', 'queued_at', 'finished_at', 'next_attempt_at'])
    .where('status', '!=', 'done').where('last_error', 'is not', null)
    .orderBy(sql`status = 'failed'`, 'desc').orderBy('finished_at', 'desc').orderBy('file_id', 'desc')
    .limit(limit).execute();
  return rows.map((r) => ({
    fileId: r.file_id,
    status: r.status === 'failed' ? 'failed' : 'pending',
    attempts: r.attempts,
    reason: r.last_error ?? '',
    queuedAt: r.queued_at,
    failedAt: r.status === 'failed' ? r.finished_at : null,
    nextAttemptAt: r.status === 'failed' ? null : r.next_attempt_at,
  }));
}

/** The run of a file, or null when none was queued yet. */
export async function runOf(db: Database, fileId: number): Promise<{ status: 'pending' | 'done' | 'failed'; attempts: number } | null> {
  return (await db.selectFrom('ocr_runs').select(['status', 'attempts']).where('file_id', '=', fileId).executeTakeFirst()) ?? null;
}

/** Whether a file exists (a retry of an unknown file is 404). */
export async function fileExists(db: Database, fileId: number): Promise<boolean> {
  return (await db.selectFrom('files').select('id').where('id', '=', fileId).executeTakeFirst()) !== undefined;
}

/** Queues the file's OCR again now, from its first attempt (a given-up run, or a file read badly). */
export async function requeueRun(db: Database, fileId: number, now: Date): Promise<void> {
  await db.insertInto('ocr_runs').values({ file_id: fileId, next_attempt_at: now, queued_at: now })
    .onConflict((oc) => oc.column('file_id').doUpdateSet({ status: 'pending', attempts: 0, next_attempt_at: now, lease_until: null, queued_at: now, finished_at: null }))
    .execute();
}

export interface PageMatch {
  readonly fileId: number;
  readonly pageNumber: number;
  readonly text: string;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Pages whose text holds every word (without diacritics, any case), newest files first, from
 * file ids below `beforeFileId` when given (the next batch of a search).
 */
export async function matchingPages(db: Database, words: readonly string[], limit: number, beforeFileId: number | null): Promise<PageMatch[]> {
  let q = db.selectFrom('ocr_pages').select(['file_id as fileId', 'page_number as pageNumber', 'text']);
  for (const w of words) q = q.where(sql<boolean>`search_key(text) LIKE '%' || search_key(${likeEscape(w)}) || '%'`);
  if (beforeFileId !== null) q = q.where('file_id', '<', beforeFileId);
  return q.orderBy('file_id', 'desc').orderBy('page_number').limit(limit).execute();
}
