// In-app notifications (the bell) and their mail copy. Writers call `notifyUsers` inside their own
// transaction: the notification rows and one outbox row per recipient with an e-mail address
// commit together; a delivery job sends the mail later (DESIGN §2: outgoing calls go through the
// durable queue, never inside a request's transaction): delivery.ts sends them (README.md).
import type { Kysely, Transaction } from 'kysely';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { unauthenticated } from '../platform/errors';

export interface NewNotification {
  readonly kind: string;
  readonly dossierCode: string | null;
  readonly title: string;
  readonly body: string;
  /** One notification per user and key: a retry writes nothing new. */
  readonly dedupeKey: string;
  /** the province the message is about (the sharding key of its outbox row, docs/scale.md); '00' for none */
  readonly provinceCode: string;
}

export interface Recipient {
  readonly userId: number;
  readonly email: string | null;
}

/** Writes the notification for each recipient (once per key) and queues a mail for the new ones. Returns how many were new. */
export async function notifyUsers(trx: Transaction<DB> | Kysely<DB>, recipients: readonly Recipient[], n: NewNotification, at: Date): Promise<number> {
  if (recipients.length === 0) return 0;
  const inserted = await trx.insertInto('notifications')
    .values(recipients.map((r) => ({
      user_id: r.userId, kind: n.kind, dossier_code: n.dossierCode, title: n.title, body: n.body, dedupe_key: n.dedupeKey, created_at: at,
    })))
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning(['id', 'user_id']).execute();
  const emailOf = new Map(recipients.map((r) => [r.userId, r.email]));
  const mails = inserted.flatMap((row) => {
    const to = emailOf.get(row.user_id);
    return to ? [{ kind: 'mail.notification', province_code: n.provinceCode, payload: JSON.stringify({ notificationId: row.id, userId: row.user_id, to, subject: n.title, body: n.body, dossierCode: n.dossierCode }) }] : [];
  });
  if (mails.length > 0) await trx.insertInto('outbox').values(mails).execute();
  return inserted.length;
}

/**
 * Queues one SMS whose text the writer composed (appointments: booking confirmations, reminders),
 * inside the writer's transaction; the outbox job delivers it (kind `sms.text`, templates.ts).
 */
export async function queueTextSms(trx: Transaction<DB> | Kysely<DB>, sms: { readonly to: string; readonly text: string; readonly reference: string; readonly provinceCode: string }, at: Date): Promise<void> {
  await trx.insertInto('outbox').values({ kind: 'sms.text', payload: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.reference }), created_at: at, province_code: sms.provinceCode }).execute();
}

/**
 * Queues one outbox message whose text templates.ts composes from its kind and facts (the postal
 * steps `postal.<step>`), inside the writer's transaction; the outbox job delivers it.
 */
export async function queueTemplatedMessage(trx: Transaction<DB> | Kysely<DB>, message: { readonly kind: string; readonly facts: Record<string, unknown>; readonly provinceCode: string }): Promise<void> {
  await trx.insertInto('outbox').values({ kind: message.kind, payload: JSON.stringify(message.facts), province_code: message.provinceCode }).execute();
}

export interface NotificationView {
  readonly id: number;
  readonly kind: string;
  readonly dossierCode: string | null;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

function userOf(ctx: ServiceContext): number {
  if (!ctx.actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  return ctx.actor.userId;
}

/** The actor's own notifications, newest first (keyset by id). */
export async function listNotifications(
  ctx: ServiceContext,
  page: { readonly limit?: number; readonly before?: number; readonly unreadOnly?: boolean } = {},
): Promise<{ items: NotificationView[]; unread: number; next: number | null }> {
  const userId = userOf(ctx);
  const limit = Math.min(Math.max(page.limit ?? 20, 1), 100);
  let q = ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (page.before !== undefined) q = q.where('id', '<', page.before);
  if (page.unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, unread] = await Promise.all([
    q.orderBy('id', 'desc').limit(limit + 1).execute(),
    ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id, kind: r.kind, dossierCode: r.dossier_code, title: r.title, body: r.body,
    createdAt: r.created_at.toISOString(), readAt: r.read_at?.toISOString() ?? null,
  }));
  const last = items[items.length - 1];
  return { items, unread: Number(unread.n), next: rows.length > limit && last ? last.id : null };
}

/** Marks the given notifications of the actor (or all of them) read; others' ids are ignored. */
export async function markNotificationsRead(ctx: ServiceContext, ids: readonly number[] | 'all'): Promise<{ marked: number }> {
  const userId = userOf(ctx);
  if (ids !== 'all' && ids.length === 0) return { marked: 0 };
  let q = ctx.db.updateTable('notifications').set({ read_at: ctx.clock.now() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const result = await q.executeTakeFirst();
  return { marked: Number(result.numUpdatedRows) };
}
