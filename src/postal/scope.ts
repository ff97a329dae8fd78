// Who may see and act on which shipment: staff of the service point that carries it (its clerks
// and couriers: a courier acts within their service point), and the citizen it is for. Outside:
// the same 404 as a shipment that does not exist (nothing is told about others' shipments).
import { can } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import { forbidden, notFound, unauthenticated } from '../platform/errors';
import type { Permission } from '../accounts/model';

export const shipmentNotFound = () => notFound('SHIPMENT_NOT_FOUND', 'Không tìm thấy bưu gửi.');

export type PostalStaff = Actor & { scope: { kind: 'servicePoint'; servicePointId: number; unitPath: string } };

/** The acting staff member of a service point holding `permission` (403 otherwise). */
export function postalStaff(actor: Actor | null, permission: Permission): PostalStaff {
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, permission)) throw forbidden('FORBIDDEN', 'Bạn không có quyền thực hiện việc này với bưu gửi.');
  if (actor.scope.kind !== 'servicePoint') throw forbidden('NOT_AT_A_SERVICE_POINT', 'Chỉ nhân viên của một bưu cục được thực hiện việc này.');
  return actor as PostalStaff;
}

/** Whether the actor may read this shipment. */
export function seesShipment(actor: Actor, s: { service_point_id: number; personal_id: string | null }): boolean {
  const scope = actor.scope;
  if (scope.kind === 'servicePoint') return (can(actor, 'postal.courier') || can(actor, 'postal.dispatch')) && s.service_point_id === scope.servicePointId;
  if (scope.kind === 'self') return can(actor, 'portal.self') && scope.personalId !== null && s.personal_id === scope.personalId;
  return false;
}
