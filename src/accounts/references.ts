// Reads of the accounts that other capabilities need (DESIGN §2: a capability never reaches into
// another's tables): who should be told about an agency's or a unit's dossiers, and staff names.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Role } from '../platform/actor';
import { rolesWith, type Permission } from './model';
import type { DB } from '../platform/db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export interface Recipient {
  readonly userId: number;
  readonly email: string | null;
}

/** Active users holding `permission` scoped to the agency (e.g. those who approve: its leaders). */
export async function activeUsersOfAgency(db: Db, agencyId: number, permission: Permission): Promise<Recipient[]> {
  const rows = await db.selectFrom('users').select(['id', 'email'])
    .where('role', 'in', rolesWith(permission)).where('active', '=', true).where('scope_agency_id', '=', agencyId).orderBy('id').execute();
  return rows.map((r) => ({ userId: r.id, email: r.email }));
}

/** Active users holding `permission` whose unit scope contains `unitPath` (the unit and every ancestor). */
export async function activeUsersOverUnit(db: Db, unitPath: string, permission: Permission): Promise<Recipient[]> {
  const rows = await db.selectFrom('users').select(['id', 'email'])
    .where('role', 'in', rolesWith(permission)).where('active', '=', true).where('scope_path', 'is not', null)
    .where(sql<boolean>`starts_with(${unitPath}, scope_path)`).orderBy('id').execute();
  return rows.map((r) => ({ userId: r.id, email: r.email }));
}

/** Names and roles of staff by id (ids not found are left out). */
export async function staffNames(db: Db, ids: readonly number[]): Promise<Map<number, { fullName: string; role: Role }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'full_name', 'role']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((u) => [u.id, { fullName: u.full_name, role: u.role as Role }]));
}

export interface AssignableStaff {
  readonly userId: number;
  readonly fullName: string;
  readonly role: 'officer' | 'approver';
}

/** Active officers and approvers of an agency: whom one of its dossiers may be assigned to (ND 61 art. 19.1). */
export async function assignableStaff(db: Db, agencyId: number): Promise<AssignableStaff[]> {
  const rows = await db.selectFrom('users').select(['id', 'full_name', 'role'])
    .where('role', 'in', ['officer', 'approver']).where('active', '=', true).where('scope_agency_id', '=', agencyId)
    .orderBy('role', 'desc').orderBy('full_name').orderBy('id').execute();
  return rows.map((r) => ({ userId: r.id, fullName: r.full_name, role: r.role as AssignableStaff['role'] }));
}

/** Active postal workers of a service point (`postal.courier`): whom its pickups and deliveries may be assigned to. */
export async function couriersOfServicePoint(db: Db, servicePointId: number): Promise<{ userId: number; fullName: string }[]> {
  const rows = await db.selectFrom('users').select(['id', 'full_name'])
    .where('role', 'in', rolesWith('postal.courier')).where('active', '=', true).where('scope_service_point_id', '=', servicePointId)
    .orderBy('full_name').orderBy('id').execute();
  return rows.map((r) => ({ userId: r.id, fullName: r.full_name }));
}

/**
 * The e-mail and the phone of an account (as the citizen writes it, 0912…; null: none) — an online
 * draft's applicant starts with them (issue 15 §1: prefilled from the signed-in account).
 */
export async function accountContact(db: Db, userId: number): Promise<{ email: string | null; phone: string | null }> {
  const row = await db.selectFrom('users').select(['email', 'phone']).where('id', '=', userId).executeTakeFirst();
  return { email: row?.email?.trim() || null, phone: phoneAsWritten(row?.phone ?? null) };
}

/** 84912345678 → 0912345678 (a number stored otherwise is shown as stored). */
export const phoneAsWritten = (phone: string | null): string | null => (phone && /^84[0-9]{9}$/.test(phone) ? `0${phone.slice(2)}` : phone);

/** The e-mail of an account (null: none, or no such account). */
export async function accountEmail(db: Db, userId: number): Promise<string | null> {
  return (await accountContact(db, userId)).email;
}
