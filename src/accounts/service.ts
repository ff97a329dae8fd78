// Use cases of accounts: users, their scopes and what they look like (sign-in and sessions: login.ts).
import type { Actor, Role, Scope } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import type { UsersTable } from '../platform/db/schema';
import { conflict, forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors';
import { nameProblem, nfc } from '../platform/text';
import { sql, type Selectable } from 'kysely';
import {
  passwordProblem, roleLabels, rolePermissions, roleScopeKind,
  type Permission,
} from './model';
import { generatePassword, hashPassword } from './passwords';
import { phoneAsWritten } from './references';
import { assertCan, assertWithinScope, can, isSystemAdmin, isWithinScope, type ScopeTarget } from './policy';

export interface UserView {
  readonly id: number;
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly roleLabel: string;
  readonly scopeCode: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly active: boolean;
  /** Until the user sets their own password, the server answers only /auth/me, /auth/password and /auth/logout. */
  readonly mustChangePassword: boolean;
  readonly permissions: Permission[];
}

/** A scope resolved from its code by the directory (wired in src/app.ts). */
export interface ResolvedScope {
  readonly kind: 'unit' | 'agency' | 'servicePoint';
  readonly id: number;
  readonly code: string;
  readonly unitPath: string;
}
export type ScopeLookup = (kind: ResolvedScope['kind'], code: string) => Promise<ResolvedScope | null>;

type UserRow = Selectable<UsersTable>;

export const toUserView = (u: UserRow): UserView => ({
  id: u.id,
  username: u.username,
  fullName: u.full_name,
  role: u.role,
  roleLabel: roleLabels[u.role],
  scopeCode: u.scope_code,
  email: u.email,
  phone: phoneAsWritten(u.phone),
  active: u.active,
  mustChangePassword: u.must_change_password,
  permissions: [...rolePermissions[u.role]],
});

export function scopeOfUser(u: UserRow): Scope {
  // a citizen's personal ID opens its dossiers only once verified (e-ID login, or a clerk checked the card)
  if (u.role === 'citizen') return { kind: 'self', personalId: u.personal_id_verified_at === null ? null : u.personal_id };
  const unitPath = u.scope_path ?? '';
  if (u.scope_service_point_id !== null) return { kind: 'servicePoint', servicePointId: u.scope_service_point_id, unitPath };
  if (u.scope_agency_id !== null) return { kind: 'agency', agencyId: u.scope_agency_id, unitPath };
  if (u.scope_unit_id !== null) return { kind: 'unit', unitId: u.scope_unit_id, unitPath };
  // An administrator created without a scope (the first one, from the CLI) sees everything.
  return u.role === 'admin' ? { kind: 'unit', unitId: 0, unitPath: '/' } : { kind: 'none' };
}

/** The actor of an active account by its username (a background job acting as a configured account); null if none. */
export async function actorOfUsername(db: Database, username: string): Promise<Actor | null> {
  const row = await db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['username']), '=', username.trim().toLowerCase()))
    .where('active', '=', true).executeTakeFirst();
  return row ? actorOfUser(row) : null;
}

export const actorOfUser = (u: UserRow): Actor => ({
  userId: u.id, username: u.username, fullName: u.full_name, role: u.role, scope: scopeOfUser(u),
});

export async function currentUser(ctx: ServiceContext): Promise<UserView> {
  if (!ctx.actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  return toUserView(user);
}

const userTarget = (u: UserRow): ScopeTarget => ({
  unitPaths: u.scope_path ? [u.scope_path] : [],
  agencyIds: u.scope_agency_id !== null ? [u.scope_agency_id] : [],
  servicePointIds: u.scope_service_point_id !== null ? [u.scope_service_point_id] : [],
});

export interface UserFilter {
  readonly role?: Role | undefined;
  /** users whose scope was given by this code (unit code, agency identifier, service point code) */
  readonly scopeCode?: string | undefined;
  /** part of the username or of the full name (without diacritics) */
  readonly q?: string | undefined;
  readonly active?: boolean | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Users the actor may see: admins all, supervisors those scoped inside their unit; others only themselves. */
export async function listUsers(ctx: ServiceContext, filter: UserFilter): Promise<{ items: UserView[]; total: number }> {
  assertCan(ctx.actor, 'users.read');
  const actor = ctx.actor;
  let query = ctx.db.selectFrom('users');
  if (actor.scope.kind === 'unit' && actor.scope.unitPath !== '/') {
    query = query.where('scope_path', 'like', `${actor.scope.unitPath}%`);
  } else if (actor.scope.kind !== 'unit') {
    query = query.where('id', '=', actor.userId);
  }
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.scopeCode) query = query.where('scope_code', '=', filter.scopeCode);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([
      eb(sql`search_key(full_name)`, 'like', sql<string>`'%' || search_key(${q}) || '%'`),
      eb(sql`strpos(username, ${q.toLowerCase()})`, '>', 0),
    ]));
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('username').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUserView), total: Number(count.n) };
}

/**
 * Full names of users by id, for other capabilities that print who acted (e.g. the dossiers'
 * slips). Names only: no username, role, scope or contact data. The caller authorizes the read.
 */
export async function userNames(db: Database, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

export async function getUser(ctx: ServiceContext, id: number): Promise<UserView> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  // one's own account is always readable; another's needs users.read, asked before any lookup (403, not a 404 hinting at nothing)
  if (id !== actor.userId) assertCan(actor, 'users.read');
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  // a citizen account has no unit: only the system administrator (who also lists them) reads it
  const visible = user && (user.id === actor.userId || isSystemAdmin(actor) || can(actor, 'users.read', userTarget(user)));
  if (!user || !visible) throw notFound('USER_NOT_FOUND', 'Không tìm thấy người dùng.');
  return toUserView(user);
}

export interface NewUser {
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly scopeCode?: string | undefined;
  readonly personalId?: string | undefined;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  readonly password?: string | undefined;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

/**
 * Creates a user. `ctx.actor` null means the operator at the command line (`motcua user add`),
 * the way a deployment gets its first administrator. Returns the password once.
 */
export async function createUser(
  ctx: ServiceContext,
  input: NewUser,
  lookupScope: ScopeLookup,
): Promise<{ user: UserView; password: string }> {
  if (ctx.actor) {
    assertCan(ctx.actor, 'users.manage');
  }
  const username = input.username.trim().toLowerCase();
  // the command line does not pass through the HTTP body check: the same rule here
  const fullName = nfc(input.fullName.trim());
  const nameIssue = nameProblem(fullName) ?? (fullName === '' ? 'Họ tên không được để trống.' : null);
  if (nameIssue) throw validationFailed('INVALID_NAME', nameIssue, [{ path: 'fullName', message: nameIssue }]);
  if (!USERNAME.test(username)) {
    throw validationFailed('INVALID_USERNAME', 'Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch.', [{ path: 'username', message: 'không hợp lệ' }]);
  }
  const kind = roleScopeKind[input.role];
  let scope: ResolvedScope | null = null;
  if (kind === 'self') {
    if (input.personalId !== undefined && !/^\d{12}$/.test(input.personalId)) {
      throw validationFailed('INVALID_PERSONAL_ID', 'Số định danh cá nhân phải gồm 12 chữ số.', [{ path: 'personalId', message: 'cần 12 chữ số' }]);
    }
  } else if (input.scopeCode) {
    scope = await lookupScope(kind, input.scopeCode);
    if (!scope) {
      const what = { unit: 'đơn vị hành chính', agency: 'cơ quan', servicePoint: 'điểm phục vụ' }[kind];
      throw validationFailed('UNKNOWN_SCOPE', `Không tìm thấy ${what} có mã ${input.scopeCode}.`, [{ path: 'scope', message: `cần mã ${what}` }]);
    }
  } else if (input.role !== 'admin') {
    throw validationFailed('SCOPE_REQUIRED', 'Vai trò này cần phạm vi (mã đơn vị, cơ quan hoặc điểm phục vụ).', [{ path: 'scope', message: 'bắt buộc' }]);
  }
  if (ctx.actor && scope) assertWithinScope(ctx.actor, { unitPaths: [scope.unitPath] }, 'phạm vi');
  // An unscoped administrator sees everything and a citizen account reads one person's dossiers
  // anywhere: only a system administrator (or the operator at the command line) creates them.
  if (ctx.actor && !scope && !isSystemAdmin(ctx.actor)) {
    throw forbidden('SYSTEM_ADMIN_ONLY', 'Chỉ quản trị viên toàn hệ thống được tạo tài khoản này.');
  }
  const password = input.password ?? generatePassword();
  const problem = passwordProblem(password, username);
  if (problem) throw validationFailed('WEAK_PASSWORD', problem, [{ path: 'password', message: problem }]);
  const passwordHash = await hashPassword(password);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', username)).executeTakeFirst();
    if (taken) throw conflict('USERNAME_TAKEN', `Tên đăng nhập ${username} đã được dùng.`);
    const inserted = await trx.insertInto('users').values({
      username,
      full_name: fullName,
      role: input.role,
      scope_unit_id: scope?.kind === 'unit' ? scope.id : null,
      scope_agency_id: scope?.kind === 'agency' ? scope.id : null,
      scope_service_point_id: scope?.kind === 'servicePoint' ? scope.id : null,
      scope_code: scope?.code ?? null,
      scope_path: scope?.unitPath ?? null,
      personal_id: input.personalId ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      password_hash: passwordHash,
      must_change_password: input.password === undefined,
    }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'user.created', entity: 'user', entityKey: inserted.id, at: now,
      payload: { username, role: input.role, scope: scope?.code ?? null },
    });
    return inserted;
  });
  return { user: toUserView(row), password };
}
