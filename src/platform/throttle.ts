// Back-off of guesses, durable in the database so that every instance agrees (DESIGN §6): each
// attempt first claims its keys; a key whose wait has not passed refuses the attempt without the
// secret being checked. The wait grows with the failures since the last success and is capped, so
// nobody can lock an owner out — at worst they wait the cap. The rule is pure; the claim is SQL.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './db/schema';

export interface BackoffPolicy {
  /** Failures allowed without any wait. */
  readonly free: number;
  /** Wait after the first failure past `free`; doubles with each further one. */
  readonly baseSeconds: number;
  /** The longest wait. */
  readonly capSeconds: number;
  /** Failures older than this are forgotten. */
  readonly forgetAfterSeconds: number;
}

export interface ThrottleState {
  readonly failures: number;
  readonly lastAttemptAt: Date;
  readonly nextAllowedAt: Date;
}

/** Seconds to wait after `failures` consecutive failures. */
export function backoffSeconds(failures: number, policy: BackoffPolicy): number {
  if (failures <= policy.free) return 0;
  const exponent = Math.min(failures - policy.free - 1, 30);
  return Math.min(policy.capSeconds, policy.baseSeconds * 2 ** exponent);
}

export type ClaimDecision =
  | { readonly allowed: true; readonly next: ThrottleState }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Pure: whether an attempt at `now` may go on, and the state to store if it may (counted as a failure until it succeeds). */
export function decideClaim(state: ThrottleState | null, now: Date, policy: BackoffPolicy): ClaimDecision {
  if (state && state.nextAllowedAt > now) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((state.nextAllowedAt.getTime() - now.getTime()) / 1000)) };
  }
  const remembered = state && now.getTime() - state.lastAttemptAt.getTime() < policy.forgetAfterSeconds * 1000 ? state.failures : 0;
  const failures = remembered + 1;
  return { allowed: true, next: { failures, lastAttemptAt: now, nextAllowedAt: new Date(now.getTime() + backoffSeconds(failures, policy) * 1000) } };
}

type Db = Kysely<DB> | Transaction<DB>;

export interface ThrottleKey {
  readonly key: string;
  readonly policy: BackoffPolicy;
}

/**
 * Claims one attempt on every key, all or nothing: refused (with the longest wait) when any key
 * must still wait, and then nothing is counted.
 */
export async function claimAttempt(db: Kysely<DB>, keys: readonly ThrottleKey[], now: Date): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)); // one lock order: no deadlock
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('attempt_throttle')
      .values(sorted.map((k) => ({ key: k.key, failures: 0, last_attempt_at: now, next_allowed_at: now })))
      .onConflict((oc) => oc.column('key').doNothing()).execute();
    const rows = await trx.selectFrom('attempt_throttle').selectAll().where('key', 'in', sorted.map((k) => k.key))
      .orderBy('key').forUpdate().execute();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const decisions = sorted.map((k) => {
      const r = byKey.get(k.key);
      return { key: k.key, decision: decideClaim(r ? { failures: r.failures, lastAttemptAt: r.last_attempt_at, nextAllowedAt: r.next_allowed_at } : null, now, k.policy) };
    });
    const waits = decisions.flatMap((d) => (d.decision.allowed ? [] : [d.decision.retryAfterSeconds]));
    if (waits.length > 0) return { allowed: false as const, retryAfterSeconds: Math.max(...waits) };
    for (const d of decisions) {
      if (!d.decision.allowed) continue;
      const n = d.decision.next;
      await trx.updateTable('attempt_throttle')
        .set({ failures: n.failures, last_attempt_at: n.lastAttemptAt, next_allowed_at: n.nextAllowedAt })
        .where('key', '=', d.key).execute();
    }
    return { allowed: true as const };
  });
}

/** The attempt succeeded: the key starts afresh (the owner proved the secret). */
export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('attempt_throttle').where('key', '=', key).execute();
}

/**
 * The attempt succeeded but the key is shared (a client address): take back the failure it was
 * counted as, keeping any wait already earned by earlier failures.
 */
export async function forgiveAttempt(db: Db, key: string): Promise<void> {
  await db.updateTable('attempt_throttle').set({ failures: sql<number>`greatest(failures - 1, 0)` }).where('key', '=', key).execute();
}

/** Rows untouched for a day are of no use: the pruning job's statement. */
export async function pruneAttempts(db: Db, olderThan: Date): Promise<number> {
  const r = await db.deleteFrom('attempt_throttle').where('last_attempt_at', '<', olderThan).where('next_allowed_at', '<', olderThan).executeTakeFirst();
  return Number(r.numDeletedRows);
}
