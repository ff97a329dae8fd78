// Appends one row to the administrative audit trail, inside the caller's transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Actor, Scope } from './actor';
import type { DB } from './db/schema';
import { NATIONAL_PROVINCE } from './national-province';

export interface AuditEntry {
  readonly action: string;
  readonly entity: string;
  readonly entityKey?: string | number | null;
  readonly payload?: Record<string, unknown>;
  readonly at?: Date;
  /** the province the act is about, when the writer holds it (a dossier's, a bundle's); else the actor's scope's */
  readonly provinceCode?: string;
}

/** The act's actor: a signed-in user (with the scope that gives the entry its province) or null (a job, the gateway). */
export type AuditActor = Pick<Actor, 'userId' | 'username'> & { readonly scope?: Scope };

/**
 * The sharding key of an entry by this actor (docs/scale.md): the province of the scope's unit
 * (admin_units is a reference table, read on every node); '00' for a citizen, a national account,
 * a job or the gateway.
 */
export async function auditProvince(db: Kysely<DB> | Transaction<DB>, actor: AuditActor | null): Promise<string> {
  const scope = actor?.scope;
  if (!scope || !('unitPath' in scope) || scope.unitPath === '/') return NATIONAL_PROVINCE;
  const unit = await db.selectFrom('admin_units').select('province_code').where('path', '=', scope.unitPath).limit(1).executeTakeFirst();
  return unit?.province_code ?? NATIONAL_PROVINCE;
}

export async function recordAudit(db: Kysely<DB> | Transaction<DB>, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    ...(entry.at ? { at: entry.at } : {}),
    province_code: entry.provinceCode ?? await auditProvince(db, actor),
    actor_id: actor?.userId ?? null,
    actor_name: actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entity_key: entry.entityKey === undefined || entry.entityKey === null ? null : String(entry.entityKey),
    payload: JSON.stringify(entry.payload ?? {}),
  }).execute();
}
