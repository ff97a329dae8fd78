// The one permission policy every service calls: what a role may do, and over which data.
import type { Actor } from '../platform/actor';
import { forbidden, notFound } from '../platform/errors';
import { roleHas, type Permission } from './model';

/**
 * The one check: whether the actor holds the permission and, when a resource is named, whether
 * the resource is within the actor's scope. Only the role is needed without a resource.
 */
export function can(actor: Pick<Actor, 'role'> & Partial<Pick<Actor, 'scope'>>, permission: Permission, resource?: ScopeTarget): boolean {
  if (!roleHas(actor.role, permission)) return false;
  if (resource === undefined) return true;
  return actor.scope !== undefined && isWithinScope({ scope: actor.scope }, resource);
}

export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor || !can(actor, permission)) {
    throw forbidden('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
  }
}

/** An administrator of the whole system (no scope): the only one who may change shared reference data. */
export const isSystemAdmin = (actor: Actor): boolean =>
  can(actor, 'directory.manage') && actor.scope.kind === 'unit' && actor.scope.unitPath === '/';

/**
 * Shared reference data (units, agencies, service points, the catalogue, the holiday calendar)
 * serves every province of a deployment: only a system administrator changes it. A province's
 * administrator manages the users of their province.
 */
export function assertSystemAdmin(actor: Actor | null, permission: Permission): asserts actor is Actor {
  assertCan(actor, permission);
  if (!isSystemAdmin(actor)) {
    throw forbidden('SYSTEM_ADMIN_ONLY', 'Chỉ quản trị viên toàn hệ thống được thay đổi dữ liệu dùng chung.');
  }
}

/** Where a piece of data lives, for scope checks. */
export interface ScopeTarget {
  /** Path of the administrative unit the data belongs to, e.g. '/87/866/30280/'. */
  readonly unitPaths: readonly string[];
  readonly agencyIds?: readonly number[];
  readonly servicePointIds?: readonly number[];
  readonly personalIds?: readonly string[];
}

/**
 * Whether the actor's scope covers the target. Admins see everything of their province;
 * supervisors their unit and everything below it; officers and approvers their agency;
 * clerks and couriers their service point; citizens their own data.
 */
export function isWithinScope(actor: Pick<Actor, 'scope'>, target: ScopeTarget): boolean {
  const scope = actor.scope;
  switch (scope.kind) {
    case 'unit':
      return target.unitPaths.some((p) => p.startsWith(scope.unitPath));
    case 'agency':
      return target.agencyIds?.includes(scope.agencyId) ?? false;
    case 'servicePoint':
      return target.servicePointIds?.includes(scope.servicePointId) ?? false;
    case 'self':
      return scope.personalId !== null && (target.personalIds?.includes(scope.personalId) ?? false);
    case 'none':
      return false;
  }
}

/** Outside the scope, data does not exist for the actor: 404, never a hint that it exists. */
export function assertWithinScope(actor: Actor, target: ScopeTarget, what: string): void {
  if (!isWithinScope(actor, target)) throw notFound('NOT_FOUND', `Không tìm thấy ${what}.`);
}
