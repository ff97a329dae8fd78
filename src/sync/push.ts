// The push of the sync outbox to the national portal: claim (a lease, like the notifications'
// outbox), build each row's national record from the dossier's events up to the row's seq, send it
// through the adapter outside any transaction, record the outcome. One dossier's rows go in order:
// a row is claimable only when every earlier row of its dossier was accepted, so row n+1 never
// leaves before row n succeeded, whatever crashes or outages happen in between.
import { sql } from 'kysely';
import { userNames } from '../accounts/service';
import { loadEvents } from '../dossiers/events';
import { drainBatches } from '../platform/batches';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { PortalError, type NationalPortalAdapter } from './adapter';
import { nationalRecord, type NationalRecord } from './model';

export interface PushSettings {
  readonly batchSize: number;
  /** a claimed row is not claimed again for this long (a consumer that died gives it back then) */
  readonly leaseSeconds: number;
  /** automatic retries stop after this many attempts; the status page's retry starts again */
  readonly maxAttempts: number;
  readonly concurrency: number;
}

export const DEFAULT_PUSH: PushSettings = { batchSize: 50, leaseSeconds: 120, maxAttempts: 12, concurrency: 4 };

/** Back-off after the n-th failed attempt: 30 s × 2^(n−1), at most one hour (or the portal's Retry-After if longer). */
export function retryDelaySeconds(attempt: number, retryAfterSeconds: number | null = null): number {
  const backoff = Math.min(30 * 2 ** Math.max(0, attempt - 1), 3600);
  return Math.max(backoff, retryAfterSeconds ?? 0);
}

export interface ClaimedRow {
  readonly id: number;
  readonly dossier_id: number;
  readonly dossier_code: string;
  readonly seq: number;
  readonly attempts: number;
  readonly locked_until: Date;
}

/** One autocommitted statement: due rows whose dossier has no earlier unsent row, leased to this consumer. */
export async function claimRows(db: Database, now: Date, s: PushSettings): Promise<ClaimedRow[]> {
  const until = new Date(now.getTime() + s.leaseSeconds * 1000);
  const r = await sql<ClaimedRow>`UPDATE sync_outbox SET attempts = attempts + 1, locked_until = ${until}, next_attempt_at = ${until}
    WHERE id IN (
      SELECT o.id FROM sync_outbox o
      WHERE o.sent_at IS NULL AND o.gave_up_at IS NULL AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ${now})
        AND NOT EXISTS (SELECT 1 FROM sync_outbox e WHERE e.province_code = o.province_code AND e.dossier_id = o.dossier_id AND e.seq < o.seq AND e.sent_at IS NULL)
      ORDER BY o.id LIMIT ${s.batchSize} FOR UPDATE SKIP LOCKED)
    RETURNING id, dossier_id, dossier_code, seq, attempts, locked_until`.execute(db);
  return r.rows;
}

export interface PushReport {
  claimed: number;
  sent: number;
  /** the portal already had it (a resend after a lost answer) */
  duplicates: number;
  retried: number;
  gaveUp: number;
  /** outcomes not recorded because the lease had passed to another consumer */
  lost: number;
}

type Outcome = 'sent' | 'duplicates' | 'retried' | 'gaveUp' | 'lost';

export interface PushDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly portal: NationalPortalAdapter;
  readonly publicUrl: string;
  readonly settings?: Partial<PushSettings>;
  /** a run stops claiming after this long (ms) */
  readonly budgetMs?: number;
}

async function recordFailure(deps: PushDeps, row: ClaimedRow, s: PushSettings, message: string, permanent: boolean, retryAfter: number | null): Promise<Outcome> {
  const now = deps.clock.now();
  const giveUp = permanent || row.attempts >= s.maxAttempts;
  const r = await deps.db.updateTable('sync_outbox').set({
    last_error: message.slice(0, 1000), last_error_at: now, locked_until: null,
    next_attempt_at: new Date(now.getTime() + retryDelaySeconds(row.attempts, retryAfter) * 1000),
    gave_up_at: giveUp ? now : null,
  }).where('id', '=', row.id).where('attempts', '=', row.attempts).where('locked_until', '=', row.locked_until).where('sent_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return 'lost';
  return giveUp ? 'gaveUp' : 'retried';
}

/** The national record a row stands for: the dossier as of the row's event. */
export async function recordOf(db: Database, row: Pick<ClaimedRow, 'dossier_id' | 'dossier_code' | 'seq'>, publicUrl: string): Promise<NationalRecord> {
  const events = (await loadEvents(db, { id: row.dossier_id, code: row.dossier_code })).filter((e) => e.seq <= row.seq);
  const names = await userNames(db, events.flatMap((e) => (e.actorId === null ? [] : [e.actorId])));
  return nationalRecord(events, { staffNames: names, publicUrl });
}

async function pushOne(deps: PushDeps, row: ClaimedRow, s: PushSettings): Promise<Outcome> {
  let record: NationalRecord;
  try {
    record = await recordOf(deps.db, row, deps.publicUrl);
  } catch (e) {
    return recordFailure(deps, row, s, `Không lập được bản ghi đồng bộ: ${(e as Error).message}`, false, null);
  }
  let answer;
  try {
    answer = await deps.portal.push(record);
  } catch (e) {
    if (e instanceof PortalError) return recordFailure(deps, row, s, e.message, e.permanent, e.retryAfterSeconds);
    return recordFailure(deps, row, s, `Lỗi khi gửi: ${(e as Error).message}`, false, null);
  }
  // accepted: recorded whoever holds the lease now (a late answer is still the truth)
  const r = await deps.db.updateTable('sync_outbox').set({
    sent_at: deps.clock.now(), portal_receipt: answer.receipt || null, locked_until: null, next_attempt_at: null, last_error: null, last_error_at: null, gave_up_at: null,
  }).where('id', '=', row.id).where('sent_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return 'lost';
  return answer.duplicate ? 'duplicates' : 'sent';
}

/** One run: claims and sends batches until nothing is due or the budget is spent. */
export async function pushOutbox(deps: PushDeps): Promise<PushReport> {
  const s: PushSettings = { ...DEFAULT_PUSH, ...deps.settings };
  const report: PushReport = { claimed: 0, sent: 0, duplicates: 0, retried: 0, gaveUp: 0, lost: 0 };
  const claim = async () => {
    const batch = await claimRows(deps.db, deps.clock.now(), s);
    report.claimed += batch.length;
    return batch;
  };
  // a batch holds at most one row per dossier (the claim's order rule): its rows may go at once
  await drainBatches(claim, async (row) => { report[await pushOne(deps, row, s)]++; }, { concurrency: s.concurrency, budgetMs: deps.budgetMs ?? 40_000 });
  return report;
}
