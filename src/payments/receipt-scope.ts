// Which receipts an actor may see: clerks their service point's; supervisors their unit's (online
// receipts under the dossier's province); a citizen their own (the payer's personal ID).
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { can } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db/schema';
import { forbidden, unauthenticated } from '../platform/errors';

type ReceiptsEb = ExpressionBuilder<DB & { r: DB['receipts'] }, 'r'>;

export const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The receipts an actor may see, as a filter on `receipts as r`. */
export function receiptScope(actor: Actor | null): (eb: ReceiptsEb) => Expression<SqlBool> {
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  const s = actor.scope;
  if (s.kind === 'servicePoint' && can(actor, 'payments.read')) return (eb) => eb('r.service_point_id', '=', s.servicePointId);
  if (s.kind === 'unit' && can(actor, 'payments.read')) return (eb) => eb('r.unit_path', 'like', likePrefix(s.unitPath));
  if (s.kind === 'self' && can(actor, 'portal.self') && s.personalId) return (eb) => eb(sql<string>`r.payer->>'personalId'`, '=', s.personalId);
  throw forbidden('FORBIDDEN', 'Bạn không có quyền xem biên lai.');
}

