// A bundle counts once as a submission (issue 17 §5): the dossiers filed in a period count each
// member of a bundle, so what counts them (the dashboard's online panel, "Hồ sơ nộp trong kỳ",
// src/online) subtracts, per bundle, its members in the reader's scope beyond the first — a reader
// who sees two members of a bundle counts it once, one who sees one member counts that one.
// Members are filed at the counter (a bundle's intake is the clerk's), all at the bundle's
// registration instant, waiting members too: the same period and scope as the count they correct.
import { sql } from 'kysely';
import { can } from '../accounts/policy';
import { scopedActor, scopeWhere } from '../dossiers/service';
import type { ServiceContext } from '../platform/context';
import { forbidden, unauthenticated } from '../platform/errors';

/** Members filed from `from` to `to` (civil dates, Vietnam time, inclusive) in the actor's scope beyond one per bundle. */
export async function bundleMembersBeyondFirst(ctx: ServiceContext, period: { from: string; to: string }): Promise<number> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'reports.read') && !can(actor, 'dossiers.read')) throw forbidden('FORBIDDEN', 'Bạn không có quyền xem số liệu.');
  const scoped = await scopedActor(ctx.db, actor);
  const row = await ctx.db.selectFrom('bundle_members as m').innerJoin('dossiers as d', 'd.id', 'm.dossier_id').where(scopeWhere(scoped))
    .where('d.submitted_at', '>=', sql<Date>`(${period.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`)
    .where('d.submitted_at', '<', sql<Date>`((${period.to}::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`)
    .select([sql<string>`count(*)`.as('members'), sql<string>`count(DISTINCT m.bundle_id)`.as('bundles')]).executeTakeFirstOrThrow();
  return Number(row.members) - Number(row.bundles);
}
