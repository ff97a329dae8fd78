// Appends one row to the administrative audit trail, inside the caller's transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from './actor';
import type { DB } from './db/schema';

export interface AuditEntry {
  readonly action: string;
  readonly entity: string;
  readonly entityKey?: string | number | null;
  readonly payload?: Record<string, unknown>;
  readonly at?: Date;
}

export async function recordAudit(
  db: Kysely<DB> | Transaction<DB>,
  actor: Pick<Actor, 'userId' | 'username'> | null,
  entry: AuditEntry,
): Promise<void> {
  await db.insertInto('audit_log').values({
    ...(entry.at ? { at: entry.at } : {}),
    actor_id: actor?.userId ?? null,
    actor_name: actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entity_key: entry.entityKey === undefined || entry.entityKey === null ? null : String(entry.entityKey),
    payload: JSON.stringify(entry.payload ?? {}),
  }).execute();
}
