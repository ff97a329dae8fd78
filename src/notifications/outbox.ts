// The outbox as a delivery queue (migration 0011): claim with a lease, record the outcome, back off.
//
// A claim is ONE autocommitted statement (`UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
// LOCKED)`): the row locks live only while PostgreSQL runs it, two consumers never claim one row
// (the second skips the locked rows, and a committed claim pushes next_attempt_at past now), and
// no transaction is open while a message is sent. The claim is a lease: attempts + 1 and
// locked_until = next_attempt_at = now + lease. A consumer that dies after the claim records
// nothing; the lease expires and the row is claimed again (at-least-once; the adapters get the
// same idempotency key every time). (attempts, locked_until) is the claim's fencing token: only
// the consumer holding the latest claim may schedule a retry, skip the row or give it up; a
// delivery is recorded by whoever sent it.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../platform/db/connect';
import type { DB } from '../platform/db/schema';

export interface DeliverySettings {
  /** Rows claimed per statement. */
  readonly batchSize: number;
  /** Messages of a batch sent at the same time. */
  readonly concurrency: number;
  /**
   * How long a claim holds a row; must exceed a batch's worst send time: ceil(batch / concurrency)
   * × an adapter's worst case (SMS 15 s; SMTP about 60 s: connection, greeting and idle limits).
   */
  readonly leaseSeconds: number;
  /** Attempts before the row is given up (dead). */
  readonly maxAttempts: number;
  /** First retry after this, doubling each attempt up to backoffMaxSeconds. */
  readonly backoffBaseSeconds: number;
  readonly backoffMaxSeconds: number;
}

export const DEFAULT_DELIVERY: DeliverySettings = {
  batchSize: 20, concurrency: 4, leaseSeconds: 600, maxAttempts: 10, backoffBaseSeconds: 60, backoffMaxSeconds: 6 * 3600,
};

/** Seconds before attempt `attempt + 1` after `attempt` failed: base × 2^(attempt − 1), capped; at least what the gateway asked. */
export function retryDelaySeconds(attempt: number, s: Pick<DeliverySettings, 'backoffBaseSeconds' | 'backoffMaxSeconds'>, retryAfterSeconds: number | null = null): number {
  const exponential = Math.min(s.backoffBaseSeconds * 2 ** Math.max(0, attempt - 1), s.backoffMaxSeconds);
  return Math.min(Math.max(exponential, retryAfterSeconds ?? 0), s.backoffMaxSeconds);
}

export interface ClaimedRow {
  readonly id: number;
  readonly kind: string;
  readonly payload: Record<string, unknown>;
  /** This claim's attempt number (1 the first time). */
  readonly attempts: number;
  /** The end of this claim's lease; with `attempts`, the claim's fencing token. */
  readonly leaseUntil: Date;
  /** The error of the previous attempt, if any. */
  readonly lastError: string | null;
  /** When the row was written (part of its idempotency key). */
  readonly createdAt: Date;
  /** The row's sharding key (a copy of it is queued in the same province). */
  readonly provinceCode: string;
}

/** Claims up to `limit` due rows, oldest first, for `leaseSeconds`. */
export async function claimBatch(db: Database, now: Date, limit: number, leaseSeconds: number): Promise<ClaimedRow[]> {
  const until = new Date(now.getTime() + leaseSeconds * 1000);
  const { rows } = await sql<{ id: number; kind: string; payload: Record<string, unknown>; attempts: number; last_error: string | null; created_at: Date; province_code: string }>`
    UPDATE outbox o SET attempts = o.attempts + 1, locked_until = ${until}, next_attempt_at = ${until}
      FROM (SELECT x.province_code, x.id FROM outbox x
             WHERE x.processed_at IS NULL AND (x.next_attempt_at IS NULL OR x.next_attempt_at <= ${now})
               -- one dossier's messages leave in the order of its events: a row waits while an
               -- earlier row of the same dossier is pending (retrying, or claimed by a consumer)
               AND NOT (x.kind LIKE 'dossier.%' AND EXISTS (SELECT 1 FROM outbox e
                     WHERE e.province_code = x.province_code AND e.processed_at IS NULL AND e.kind LIKE 'dossier.%' AND e.payload->>'code' = x.payload->>'code' AND e.id < x.id))
             ORDER BY x.id LIMIT ${limit} FOR UPDATE OF x SKIP LOCKED) c
     WHERE o.province_code = c.province_code AND o.id = c.id
    RETURNING o.id, o.kind, o.payload, o.attempts, o.last_error, o.created_at, o.province_code`.execute(db);
  return rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload, attempts: r.attempts, leaseUntil: until, lastError: r.last_error, createdAt: r.created_at, provinceCode: r.province_code })).sort((a, b) => a.id - b.id);
}

const clip = (message: string) => message.slice(0, 1000);

/** The row is still pending and this claim is still its latest (an administrator's retry or a newer claim changes one of the two). */
const heldBy = (row: ClaimedRow) => (eb: ExpressionBuilder<DB, 'outbox'>) => eb.and([
  eb('id', '=', row.id), eb('attempts', '=', row.attempts), eb('locked_until', '=', row.leaseUntil), eb('processed_at', 'is', null),
]);

/** Sent: the row is done, whoever holds the lease now (the message went out). False if it was already done. */
export async function recordDelivered(db: Database, id: number, now: Date, channel: 'sms' | 'mail', providerId: string | null): Promise<boolean> {
  const r = await db.updateTable('outbox')
    .set({ delivered_at: now, processed_at: now, channel, provider_id: providerId, locked_until: null, next_attempt_at: null, last_error: null })
    .where('id', '=', id).where('processed_at', 'is', null).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Nothing to send for this row (its kind sends nothing, the applicant has no mobile number…). */
export async function recordSkipped(db: Database, row: ClaimedRow, now: Date, reason: string): Promise<boolean> {
  const r = await db.updateTable('outbox')
    .set({ processed_at: now, skipped_reason: clip(reason), locked_until: null, next_attempt_at: null })
    .where(heldBy(row)).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/**
 * A failed attempt: retried after the back-off, or dead (processed, with the error) when it was
 * permanent or the last attempt. Only the current lease holder records it (attempts unchanged).
 */
export async function recordFailure(
  db: Database, row: ClaimedRow, now: Date, error: { readonly message: string; readonly permanent: boolean; readonly retryAfterSeconds: number | null },
  settings: Pick<DeliverySettings, 'maxAttempts' | 'backoffBaseSeconds' | 'backoffMaxSeconds'>, channel: 'sms' | 'mail' | null,
): Promise<'retry' | 'dead' | 'lost'> {
  const dead = error.permanent || row.attempts >= settings.maxAttempts;
  const next = new Date(now.getTime() + retryDelaySeconds(row.attempts, settings, error.retryAfterSeconds) * 1000);
  const r = await db.updateTable('outbox')
    .set(dead
      ? { dead_at: now, processed_at: now, last_error: clip(error.message), channel, locked_until: null, next_attempt_at: null }
      : { next_attempt_at: next, last_error: clip(error.message), channel, locked_until: null })
    .where(heldBy(row)).executeTakeFirst();
  if (r.numUpdatedRows === 0n) return 'lost'; // the lease expired and another consumer holds the row now
  return dead ? 'dead' : 'retry';
}

export interface OutboxFigures {
  /** Messages not yet delivered, skipped or given up. */
  readonly pending: number;
  /** Messages given up (dead letters) that an administrator has not put back. */
  readonly dead: number;
  /** Age of the oldest pending message, in seconds (0 when none). */
  readonly oldestPendingSeconds: number;
}

/** The queue's state for operators (metrics, health detail): one indexed aggregate. */
export async function outboxFigures(db: Database, now: Date): Promise<OutboxFigures> {
  const { rows } = await sql<{ pending: number; dead: number; oldest: Date | null }>`
    SELECT count(*) FILTER (WHERE processed_at IS NULL) AS pending,
           count(*) FILTER (WHERE dead_at IS NOT NULL) AS dead,
           min(created_at) FILTER (WHERE processed_at IS NULL) AS oldest
      FROM outbox WHERE processed_at IS NULL OR dead_at IS NOT NULL`.execute(db); // outbox_pending_idx, outbox_dead_idx
  const r = rows[0];
  const oldest = r?.oldest ? Math.max(0, Math.round((now.getTime() - new Date(r.oldest).getTime()) / 1000)) : 0;
  return { pending: Number(r?.pending ?? 0), dead: Number(r?.dead ?? 0), oldestPendingSeconds: oldest };
}
