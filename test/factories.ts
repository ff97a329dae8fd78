// Small factories for tests: each builds just the rows a test needs, in the test's own database.
import type { Database } from '../src/platform/db/connect';
import type { Role } from '../src/platform/actor';
import { createUser } from '../src/accounts/service';
import type { ResolvedScope, ScopeLookup } from '../src/accounts/service';
import { systemClock } from '../src/platform/clock';

let serial = 0;
const next = () => ++serial;

export async function makeUnit(db: Database, o: { code?: string; name?: string; level?: 'province' | 'district' | 'commune'; parent?: { id: number; path: string; provinceCode: string } } = {}) {
  const code = o.code ?? String(90000 + next());
  const level = o.level ?? (o.parent ? 'commune' : 'province');
  const path = `${o.parent?.path ?? '/'}${code}/`;
  const provinceCode = o.parent?.provinceCode ?? code;
  const row = await db.insertInto('admin_units').values({
    code, name: o.name ?? `Đơn vị ${code}`, kind: level === 'province' ? 'tinh' : 'xa', level,
    parent_id: o.parent?.id ?? null, province_code: provinceCode, path, valid_from: '2025-07-01', valid_to: null,
  }).returning(['id', 'path', 'code']).executeTakeFirstOrThrow();
  return { id: row.id, path: row.path, code: row.code, provinceCode };
}

export async function makeAgency(db: Database, unit: { id: number; provinceCode: string }, o: { identifier?: string; name?: string } = {}) {
  const identifier = o.identifier ?? `000.${String(next()).padStart(2, '0')}.00.H20`;
  return db.insertInto('agencies').values({
    identifier, name: o.name ?? `UBND ${identifier}`, kind: 'people_committee', level: 'commune', admin_unit_id: unit.id, parent_agency_id: null,
    province_code: unit.provinceCode, valid_from: '2025-07-01', valid_to: null,
  }).returning(['id', 'identifier']).executeTakeFirstOrThrow();
}

export async function makeServicePoint(db: Database, unit: { id: number; provinceCode: string }, o: { code?: string } = {}) {
  const code = o.code ?? `BD-${next()}`;
  return db.insertInto('service_points').values({
    code, name: `Bưu điện ${code}`, kind: 'post_office', admin_unit_id: unit.id, receiving_agency_id: null,
    address: 'Số 1, đường Thử', latitude: null, longitude: null, phone: null,
    opening_hours: JSON.stringify({ weekly: { 1: ['07:00-11:30', '13:30-17:00'] } }),
    province_code: unit.provinceCode, valid_from: '2025-07-01', valid_to: null,
  }).returning(['id', 'code']).executeTakeFirstOrThrow();
}

/** Resolves scope codes straight from the tables (tests do not depend on the directory service). */
export const tableScopeLookup = (db: Database): ScopeLookup => async (kind, code): Promise<ResolvedScope | null> => {
  if (kind === 'servicePoint') {
    const r = await db.selectFrom('service_points').innerJoin('admin_units', 'admin_units.id', 'service_points.admin_unit_id')
      .select(['service_points.id', 'admin_units.path']).where('service_points.code', '=', code).executeTakeFirst();
    return r ? { kind, id: r.id, code, unitPath: r.path } : null;
  }
  if (kind === 'agency') {
    const r = await db.selectFrom('agencies').innerJoin('admin_units', 'admin_units.id', 'agencies.admin_unit_id')
      .select(['agencies.id', 'admin_units.path']).where('agencies.identifier', '=', code).executeTakeFirst();
    return r ? { kind, id: r.id, code, unitPath: r.path } : null;
  }
  const r = await db.selectFrom('admin_units').select(['id', 'path']).where('code', '=', code).orderBy('valid_from', 'desc').executeTakeFirst();
  return r ? { kind, id: r.id, code, unitPath: r.path } : null;
};

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

export async function makeUser(db: Database, role: Role, scopeCode?: string, o: { username?: string; personalId?: string } = {}) {
  const username = o.username ?? `${role}${next()}`;
  const { user } = await createUser(
    { db, clock: systemClock, actor: null },
    { username, fullName: `Người dùng ${username}`, role, scopeCode, personalId: o.personalId, password: TEST_PASSWORD },
    tableScopeLookup(db),
  );
  return user;
}
