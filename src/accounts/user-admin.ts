// Users administration: the filtered list, disabling and enabling an account, resetting its
// password. Each change is one transaction that writes the user and its audit record (before →
// after). Creating a user is createUser in service.ts.
import type { Selectable } from 'kysely';
import type { Actor, Role } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { UsersTable } from '../platform/db/schema';
import { conflict, notFound, validationFailed } from '../platform/errors';
import { rolesWith } from './model';
import { generatePassword, hashPassword } from './passwords';
import { assertCan, can, isSystemAdmin, type ScopeTarget } from './policy';
import { toUserView, type UserView } from './service';

type UserRow = Selectable<UsersTable>;

/** The rule on switching an account off: never oneself, never the last administrator. Pure. */
export function disableProblem(
  actorId: number,
  target: { readonly id: number; readonly role: Role; readonly active: boolean },
  otherActiveAdministrators: number,
): { code: 'CANNOT_DISABLE_SELF' | 'LAST_ADMINISTRATOR'; message: string } | null {
  if (target.id === actorId) return { code: 'CANNOT_DISABLE_SELF', message: 'Bạn không thể tự khóa tài khoản của mình.' };
  const administers = (rolesWith('users.manage') as readonly Role[]).includes(target.role);
  if (target.active && administers && otherActiveAdministrators === 0) {
    return { code: 'LAST_ADMINISTRATOR', message: 'Đây là quản trị viên cuối cùng đang hoạt động; tạo hoặc mở khóa một quản trị viên khác trước khi khóa tài khoản này.' };
  }
  return null;
}

const targetOf = (u: UserRow): ScopeTarget => ({
  unitPaths: u.scope_path ? [u.scope_path] : [],
  agencyIds: u.scope_agency_id !== null ? [u.scope_agency_id] : [],
  servicePointIds: u.scope_service_point_id !== null ? [u.scope_service_point_id] : [],
});

/** Whether the actor manages this account: a system administrator all; a province administrator those in their unit. */
const manages = (actor: Actor, u: UserRow): boolean => isSystemAdmin(actor) || can(actor, 'users.manage', targetOf(u));

const userNotFound = () => notFound('USER_NOT_FOUND', 'Không tìm thấy người dùng.');

/** Disables or enables an account. Disabling ends its sessions at once. */
export async function setUserActive(ctx: ServiceContext, id: number, active: boolean): Promise<UserView> {
  assertCan(ctx.actor, 'users.manage');
  const actor = ctx.actor;
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // the administrators are locked together so that two administrators disabling each other
    // at the same moment cannot both succeed and leave nobody
    const admins = await trx.selectFrom('users').select(['id', 'active'])
      .where('role', 'in', rolesWith('users.manage')).orderBy('id').forUpdate().execute();
    const user = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!user || !manages(actor, user)) throw userNotFound();
    if (user.active === active) throw conflict(active ? 'USER_ALREADY_ACTIVE' : 'USER_ALREADY_DISABLED', active ? 'Tài khoản này đang hoạt động.' : 'Tài khoản này đã bị khóa.');
    if (!active) {
      const others = admins.filter((a) => a.active && a.id !== user.id).length;
      const problem = disableProblem(actor.userId, user, others);
      if (problem) throw conflict(problem.code, problem.message);
      await trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    }
    const updated = await trx.updateTable('users').set({ active }).where('id', '=', user.id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: active ? 'user.enabled' : 'user.disabled', entity: 'user', entityKey: user.id, at: now,
      payload: { username: user.username, before: { active: user.active }, after: { active } },
    });
    return toUserView(updated);
  });
}

/**
 * Gives the account a new one-time password (returned once, never stored in clear): the user must
 * change it at the next sign-in, and every open session of theirs ends.
 */
export async function resetUserPassword(ctx: ServiceContext, id: number): Promise<{ user: UserView; password: string }> {
  assertCan(ctx.actor, 'users.manage');
  const actor = ctx.actor;
  if (id === actor.userId) {
    throw validationFailed('CANNOT_RESET_OWN_PASSWORD', 'Để đổi mật khẩu của chính mình, hãy dùng chức năng “Đổi mật khẩu”.');
  }
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!user || !manages(actor, user)) throw userNotFound();
    await trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    const updated = await trx.updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: true })
      .where('id', '=', user.id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'user.passwordReset', entity: 'user', entityKey: user.id, at: now,
      payload: { username: user.username, before: { mustChangePassword: user.must_change_password }, after: { mustChangePassword: true } },
    });
    return { user: toUserView(updated), password };
  });
}
