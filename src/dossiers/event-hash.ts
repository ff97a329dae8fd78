// The ONE definition of what an event's hash covers (issue 10 §5), used by the TypeScript write
// path (`nextEvent`), by the one-statement intake's SQL (`sqlEventHash` over the text built here)
// and by the simulator (which builds its events with `nextEvent`). Pure: no I/O, no clock.
//
//   hash = sha256_hex(UTF-8(prev_hash || body))
//   version 1 (events written before migration 0045): body = canonical JSON of
//     {action, actorId, at, dossierCode, payload, seq}
//   version 2: body = canonical JSON of
//     {action, actorId, actorRole, at, dossierCode, hashVersion, payload, seq}
//
// Every stored column of `dossier_events` is covered by version 2: `seq`, `at`, `action`,
// `actor_id`, `actor_role`, `payload`, `hash_version` in the body; `prev_hash` as the prefix;
// `dossier_id` through the code it leads to (the verifier reads the code through it, so an event
// moved to another dossier hashes differently); `hash` is the result. The row number `id` carries
// no meaning (chains are read in `seq` order). `province_code` and `dossier_submitted_at` (migration
// 0210, ADR 022: the sharding and partition keys) are copies of the dossier row's, held equal to it
// by a foreign key; the hash does not cover them.
import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';

export const GENESIS_HASH = '0'.repeat(64);

/** Hash versions a stored event may carry; new events get the newest. */
export const HASH_VERSIONS = [1, 2] as const;
export type HashVersion = (typeof HASH_VERSIONS)[number];
export const CURRENT_HASH_VERSION: HashVersion = 2;

export const isHashVersion = (v: unknown): v is HashVersion => (HASH_VERSIONS as readonly unknown[]).includes(v);

/** JSON with object keys sorted at every level; undefined members are dropped like JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What an event's hash is computed from (besides the previous hash). */
export interface HashInput {
  /** one of HASH_VERSIONS; any other number throws (a stored row may carry one only if tampered with) */
  readonly hashVersion: number;
  readonly dossierCode: string;
  readonly seq: number;
  readonly at: Date;
  readonly action: string;
  readonly actorId: number | null;
  readonly actorRole: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** The text an event's hash covers after its previous hash, in the event's own version. */
export function eventHashBody(e: HashInput): string {
  const common = { dossierCode: e.dossierCode, seq: e.seq, at: e.at.toISOString(), action: e.action, actorId: e.actorId, payload: e.payload };
  switch (e.hashVersion) {
    case 1: return canonicalJson(common);
    case 2: return canonicalJson({ ...common, actorRole: e.actorRole, hashVersion: 2 });
    default: throw new RangeError(`unknown event hash version ${e.hashVersion}`);
  }
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function eventHash(prevHash: string, e: HashInput): string {
  return sha256Hex(prevHash + eventHashBody(e));
}

/**
 * The same hash computed by PostgreSQL: `prevHash` and `body` are SQL text expressions (the
 * intake fills the code and the applicant id into the body built by `eventHashBody`).
 */
export const sqlEventHash = (prevHash: RawBuilder<string> | string, body: RawBuilder<string>): RawBuilder<string> =>
  sql<string>`encode(sha256(convert_to(${prevHash}::text || ${body}, 'UTF8')), 'hex')`;
