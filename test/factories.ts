// Small factories for tests: each builds just the rows a test needs, in the test's own database.
import type { Database } from '../src/platform/db/connect';
import type { Actor, Role } from '../src/platform/actor';
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

export async function makeAgency(db: Database, unit: { id: number; provinceCode: string }, o: {
  identifier?: string; name?: string; kind?: 'people_committee' | 'public_service_centre'; level?: 'province' | 'commune';
} = {}) {
  const identifier = o.identifier ?? `000.${String(next()).padStart(2, '0')}.00.H20`;
  return db.insertInto('agencies').values({
    identifier, name: o.name ?? `UBND ${identifier}`, kind: o.kind ?? 'people_committee', level: o.level ?? 'commune', admin_unit_id: unit.id, parent_agency_id: null,
    province_code: unit.provinceCode, valid_from: '2025-07-01', valid_to: null,
  }).returning(['id', 'identifier']).executeTakeFirstOrThrow();
}

export async function makeServicePoint(db: Database, unit: { id: number; provinceCode: string }, o: {
  code?: string; receivingAgencyId?: number; address?: string; openingHours?: Record<string, unknown>;
} = {}) {
  const code = o.code ?? `BD-${next()}`;
  return db.insertInto('service_points').values({
    code, name: `Bưu điện ${code}`, kind: 'post_office', admin_unit_id: unit.id, receiving_agency_id: o.receivingAgencyId ?? null,
    address: o.address ?? 'Số 1, đường Thử', latitude: null, longitude: null, phone: null,
    opening_hours: JSON.stringify(o.openingHours ?? { weekly: { 1: ['07:00-11:30', '13:30-17:00'] } }),
    province_code: unit.provinceCode, valid_from: '2025-07-01', valid_to: null,
  }).returning(['id', 'code']).executeTakeFirstOrThrow();
}

/**
 * A procedure in force from 01/07/2025: by default a commune-level birth registration (5 working
 * days, three papers of which the third is for a case, an e-form with name and personal ID, the
 * usual three steps).
 */
export async function makeProcedure(db: Database, o: { code?: string; provinceCode: string; name?: string; durationValue?: number; competentLevel?: 'commune' | 'province' }) {
  const code = o.code ?? `9.${String(next()).padStart(6, '0')}`;
  await db.insertInto('procedures').values({
    code, full_code: null, version: 1, name: o.name ?? 'Thủ tục đăng ký khai sinh (thử)', field: 'Hộ tịch', competent_level: o.competentLevel ?? 'commune',
    competent_agency: 'Ủy ban nhân dân cấp xã',
    // routing by the catalogue's competent body (catalog/competent-body.ts): the People's Committee of the level
    competent_body: JSON.stringify({ kind: 'people_committee', level: o.competentLevel ?? 'commune', functionCode: null }),
    duration_value: o.durationValue ?? 5, duration_unit: 'working_days', cutoff: null, fees: '[]',
    required_papers: JSON.stringify([
      { key: 'p1', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, note: null },
      { key: 'p2', name: 'Giấy chứng sinh', originals: 1, copies: 0, note: 'Giấy tờ phải nộp' },
      { key: 'p3', name: 'Trường hợp ủy quyền thì có văn bản ủy quyền', originals: 1, copies: 0, note: null },
    ]),
    online_level: 'partial', postal_allowed: true, result_type: 'paper', result_description: 'Giấy khai sinh',
    eform_schema: JSON.stringify({
      type: 'object', required: ['fullName', 'personalId'], additionalProperties: false,
      properties: {
        fullName: { type: 'string', title: 'Họ và tên', maxLength: 100 },
        personalId: { type: 'string', title: 'Số định danh', pattern: '^[0-9]{12}$' },
        eventDate: { type: 'string', format: 'date' },
        gender: { type: 'string', enum: ['Nam', 'Nữ'] },
      },
    }),
    steps: JSON.stringify([
      { key: 'appraise', name: 'Thẩm định hồ sơ', role: 'officer', share: 0.6 },
      { key: 'approve', name: 'Phê duyệt', role: 'approver', share: 0.3 },
      { key: 'issue', name: 'Trả kết quả', role: 'clerk', share: 0.1 },
    ]),
    defaults_applied: '[]', source: null, province_code: o.provinceCode, effective_from: '2025-07-01', effective_to: null,
  }).execute();
  return { code };
}

/** A staff account bound to an agency, inserted without a password (an actor for services, not for logging in). */
export async function makeAgencyStaff(db: Database, o: { username: string; fullName: string; role: Role; agencyId: number; unitPath: string }) {
  const row = await db.insertInto('users').values({
    username: o.username, full_name: o.fullName, role: o.role, password_hash: 'x', email: null, phone: null, personal_id: null,
    scope_unit_id: null, scope_agency_id: o.agencyId, scope_service_point_id: null, scope_code: null, scope_path: o.unitPath,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id };
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

/** A user; a citizen with a personal ID has it verified (as by a clerk at a counter) unless `unverified`. */
export async function makeUser(db: Database, role: Role, scopeCode?: string, o: { username?: string; personalId?: string; unverified?: boolean } = {}) {
  const username = o.username ?? `${role}${next()}`;
  const { user } = await createUser(
    { db, clock: systemClock, actor: null },
    { username, fullName: `Người dùng ${username}`, role, scopeCode, personalId: o.personalId, password: TEST_PASSWORD },
    tableScopeLookup(db),
  );
  if (role === 'citizen' && o.personalId && !o.unverified) {
    await db.updateTable('users').set({ personal_id_verified_at: systemClock.now(), personal_id_verified_via: 'counter' }).where('id', '=', user.id).execute();
  }
  return user;
}

/** Saves a test actor as a users row with its id (rows that name their user need one), no scope and no password. */
export async function saveActorAsUser(db: Database, a: Actor, fullName = a.fullName): Promise<void> {
  await db.insertInto('users').values({
    id: a.userId, username: a.username, full_name: fullName, role: a.role, scope_unit_id: null, scope_agency_id: null,
    scope_service_point_id: null, scope_code: null, scope_path: null, personal_id: null, email: null, phone: null, password_hash: 'x',
  }).execute();
}
