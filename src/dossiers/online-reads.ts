// The reads of online dossiers that the online capability (src/online) shows (issue 15 §2, §3):
// the one-stop's online inbox — dossiers submitted online and not yet accepted, returned or
// refused, oldest first — and the online share of a period with its assisted part, both in the
// actor's scope. Re-exported by service.ts.
import { sql } from 'kysely';
import { can } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import type { ServiceContext } from '../platform/context';
import { forbidden, unauthenticated } from '../platform/errors';
import { scopedActor, scopeWhere } from './scope';
import type { DeliveryMethod } from './delivery';

export interface InboxItem {
  readonly code: string;
  readonly procedureCode: string;
  readonly applicantName: string;
  readonly submittedAt: string;
  readonly assisted: boolean;
  readonly deliveryMethod: DeliveryMethod | null;
  /** the one return of ND 61 art. 15.3 was already used (the dossier came back completed) */
  readonly supplementUsed: boolean;
}

export const INBOX_LIMIT = 200;

function actorOf(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  return ctx.actor;
}

/** Online dossiers waiting for the one-stop in the clerk's scope, the oldest submission first. */
export async function onlineInbox(ctx: ServiceContext): Promise<InboxItem[]> {
  const actor = actorOf(ctx);
  if (!can(actor, 'dossiers.receive')) throw forbidden('FORBIDDEN', 'Bạn không có quyền tiếp nhận hồ sơ trực tuyến.');
  const scoped = await scopedActor(ctx.db, actor);
  const rows = await ctx.db.selectFrom('dossiers as d').where(scopeWhere(scoped)).where('d.status', '=', 'submitted')
    // a bundle's member waiting for another's result is registered too, at a counter: not an online submission
    .where('d.channel', '=', 'online')
    .select(['d.code', 'd.procedure_code', 'd.applicant_name', 'd.submitted_at', 'd.assisted', 'd.delivery_method', 'd.supplement_count'])
    .orderBy('d.submitted_at').orderBy('d.id').limit(INBOX_LIMIT).execute();
  return rows.map((r) => ({
    code: r.code, procedureCode: r.procedure_code, applicantName: r.applicant_name, submittedAt: r.submitted_at.toISOString(),
    assisted: r.assisted, deliveryMethod: r.delivery_method, supplementUsed: r.supplement_count > 0,
  }));
}

export interface ChannelShare {
  /** dossiers filed in the period (submitted online or received at a counter or by post) */
  readonly total: number;
  readonly online: number;
  /** online dossiers filed by staff for the citizen (a part of `online`) */
  readonly assisted: number;
  readonly counter: number;
  readonly postal: number;
}

/** Dossiers filed from `from` to `to` (civil dates, Vietnam time, inclusive) in the actor's scope, by channel. */
export async function channelShare(ctx: ServiceContext, period: { from: string; to: string }): Promise<ChannelShare> {
  const actor = actorOf(ctx);
  if (!can(actor, 'reports.read') && !can(actor, 'dossiers.read')) throw forbidden('FORBIDDEN', 'Bạn không có quyền xem số liệu.');
  const scoped = await scopedActor(ctx.db, actor);
  const row = await ctx.db.selectFrom('dossiers as d').where(scopeWhere(scoped))
    .where('d.submitted_at', '>=', sql<Date>`(${period.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`)
    .where('d.submitted_at', '<', sql<Date>`((${period.to}::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`)
    .select([
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) FILTER (WHERE d.channel = 'online')`.as('online'),
      sql<string>`count(*) FILTER (WHERE d.channel = 'online' AND d.assisted)`.as('assisted'),
      sql<string>`count(*) FILTER (WHERE d.channel = 'counter')`.as('counter'),
      sql<string>`count(*) FILTER (WHERE d.channel = 'postal')`.as('postal'),
    ]).executeTakeFirstOrThrow();
  return { total: Number(row.total), online: Number(row.online), assisted: Number(row.assisted), counter: Number(row.counter), postal: Number(row.postal) };
}
