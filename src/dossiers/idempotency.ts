// The one Idempotency-Key mechanism of intake (DESIGN §4: a retry after a lost response returns the
// same dossier): a key is claimed per actor in `idempotency_keys` with the hash of the request's
// canonical JSON and the code it made. The single-dossier intake claims it inside its one statement
// (intake-statement.ts, CTE `i`); a bundle (src/bundles) claims it in its own transaction with the
// parent's code (`claimIdempotencyKey`). The same key with another request is 409.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema';
import { conflict, validationFailed } from '../platform/errors';
import { canonicalJson } from './event-hash';
import { IDEMPOTENCY_KEY_RE } from './model';

/** A request's claim on a key: whose key, the key, and the hash of what was asked. */
export interface IdempotencyClaim {
  readonly actorId: number;
  readonly key: string;
  readonly requestHash: string;
}

export const keyReused = () => conflict('IDEMPOTENCY_KEY_REUSED', 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.');
export const keyInUse = () => conflict('IDEMPOTENCY_KEY_IN_USE', 'Yêu cầu cùng Idempotency-Key đang được xử lý, vui lòng thử lại.');

/** The hash of a request's canonical JSON (the same request hashes the same whatever its key order). */
export const requestHashOf = (input: unknown): string => createHash('sha256').update(canonicalJson(input)).digest('hex');

/** 400 IDEMPOTENCY_KEY_INVALID unless the key is 8–128 printable ASCII characters. */
export function checkIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY_RE.test(key)) throw validationFailed('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key phải gồm 8–128 ký tự ASCII in được.');
}

/** The claim of a request under a key (the key checked first). */
export function idempotencyClaim(actorId: number, key: string, input: unknown): IdempotencyClaim {
  checkIdempotencyKey(key);
  return { actorId, key, requestHash: requestHashOf(input) };
}

/**
 * The code an earlier request under this key made: null when the key is unknown (or claimed but
 * not yet committed), 409 IDEMPOTENCY_KEY_REUSED when the key was used for another request.
 */
export async function codeUnderKey(db: Kysely<DB>, claim: IdempotencyClaim): Promise<string | null> {
  const seen = await db.selectFrom('idempotency_keys').select(['request_hash', 'dossier_code'])
    .where('actor_id', '=', claim.actorId).where('key', '=', claim.key).executeTakeFirst();
  if (seen && seen.request_hash !== claim.requestHash) throw keyReused();
  return seen?.dossier_code ?? null;
}

/**
 * Claims the key for `code` in the caller's transaction. A concurrent request with the same key
 * fails on the key's primary key (`isKeyRace`) once the first commits, and its transaction rolls
 * back: the caller then reads the winner with `codeUnderKey`.
 */
export async function claimIdempotencyKey(trx: Transaction<DB>, claim: IdempotencyClaim, code: string): Promise<void> {
  await trx.insertInto('idempotency_keys').values({ actor_id: claim.actorId, key: claim.key, request_hash: claim.requestHash, dossier_code: code }).execute();
}

/** A write that lost the race for its key to a concurrent request with the same key. */
export const isKeyRace = (e: unknown): boolean =>
  (e as { code?: unknown })?.code === '23505' && (e as { constraint?: unknown }).constraint === 'idempotency_keys_pkey';
