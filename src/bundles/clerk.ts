// Who acts on a whole bundle at the counter (issue 17): a clerk of the one-stop that received it,
// holding the action's permission — the return choice, the return, the withdrawal.
import { can } from '../accounts/policy';
import type { DossierContext } from '../dossiers/events';
import { memberSummaries, type MemberSummary } from '../dossiers/service';
import type { Actor } from '../platform/actor';
import { forbidden, notFound, unauthenticated } from '../platform/errors';

export const bundleNotFound = (code: string) => notFound('BUNDLE_NOT_FOUND', `Không tìm thấy hồ sơ liên thông ${code}.`);

export type BundleRow = Awaited<ReturnType<typeof loadBundle>>;

export async function loadBundle(db: DossierContext['db'], code: string) {
  const parent = await db.selectFrom('bundles').selectAll().where('code', '=', code).executeTakeFirst();
  if (!parent) throw bundleNotFound(code);
  const members = await db.selectFrom('bundle_members').select(['member_key', 'dossier_code', 'position']).where('bundle_id', '=', parent.id).orderBy('position').execute();
  return { parent, members };
}

export type ClerkPermission = 'dossiers.receive' | 'dossiers.return' | 'dossiers.withdraw';

const refusedAs: Record<ClerkPermission, string> = {
  'dossiers.receive': 'Bạn không có quyền thay đổi cách trả kết quả hồ sơ liên thông.',
  'dossiers.return': 'Bạn không có quyền trả kết quả hồ sơ liên thông.',
  'dossiers.withdraw': 'Bạn không có quyền rút hồ sơ liên thông.',
};

/** The actor holding the permission (401/403 before anything is read). */
export function withPermission(ctx: DossierContext, permission: ClerkPermission): Actor {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, permission)) throw forbidden('FORBIDDEN', refusedAs[permission]);
  return actor;
}

/** A clerk of the one-stop that received the bundle (403 otherwise; 404 when they see none of its members). */
export async function counterClerk(ctx: DossierContext, permission: ClerkPermission, b: BundleRow): Promise<{ actor: Actor; summaries: MemberSummary[] }> {
  const actor = withPermission(ctx, permission);
  const summaries = await memberSummaries(ctx.db, actor, b.members.map((m) => m.dossier_code));
  if (!summaries.some((s) => s.visible)) throw bundleNotFound(b.parent.code);
  if (actor.scope.kind !== 'servicePoint' || actor.scope.servicePointId !== b.parent.service_point_id) {
    throw forbidden('BUNDLE_COUNTER_ONLY', 'Chỉ bộ phận một cửa đã tiếp nhận hồ sơ liên thông được thay đổi cách trả, trả kết quả hoặc rút hồ sơ liên thông.');
  }
  return { actor, summaries };
}
