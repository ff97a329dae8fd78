// What a system administrator sees of the outbox and may do with it: the rows by state (pending,
// delivered, skipped, dead), and sending a dead row again. System administrators only: the
// outbox spans every province of the deployment.
import { isSystemAdmin } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { conflict, forbidden, notFound, unauthenticated } from '../platform/errors';
import type { Selectable } from 'kysely';

export const outboxStates = ['pending', 'delivered', 'skipped', 'dead'] as const;
export type OutboxState = (typeof outboxStates)[number];

export interface OutboxItem {
  readonly id: number;
  readonly kind: string;
  readonly state: OutboxState;
  /** The dossier the row is about, if any (no other personal data is shown). */
  readonly dossierCode: string | null;
  readonly channel: 'sms' | 'mail' | null;
  readonly attempts: number;
  readonly createdAt: string;
  /** Pending: when it is due next (null: now). */
  readonly nextAttemptAt: string | null;
  /** Pending and claimed: the consumer's lease ends then. */
  readonly lockedUntil: string | null;
  readonly deliveredAt: string | null;
  readonly deadAt: string | null;
  readonly lastError: string | null;
  readonly skippedReason: string | null;
  readonly providerId: string | null;
}

function assertOutboxAdmin(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!isSystemAdmin(actor)) throw forbidden('SYSTEM_ADMIN_ONLY', 'Chỉ quản trị viên toàn hệ thống được xem và gửi lại hàng đợi thông báo.');
}

type OutboxRow = Selectable<DB['outbox']>;

const stateOf = (r: OutboxRow): OutboxState =>
  r.dead_at ? 'dead' : r.delivered_at ? 'delivered' : r.processed_at ? 'skipped' : 'pending';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

function toItem(r: OutboxRow): OutboxItem {
  const code = r.payload.code ?? r.payload.dossierCode;
  return {
    id: r.id, kind: r.kind, state: stateOf(r), dossierCode: typeof code === 'string' ? code : null, channel: r.channel, attempts: r.attempts,
    createdAt: r.created_at.toISOString(), nextAttemptAt: iso(r.next_attempt_at), lockedUntil: iso(r.locked_until),
    deliveredAt: iso(r.delivered_at), deadAt: iso(r.dead_at), lastError: r.last_error, skippedReason: r.skipped_reason, providerId: r.provider_id,
  };
}

/** Rows in a state, newest first, in keyset pages (`before`: the last id of the previous page). */
export async function listOutbox(
  ctx: ServiceContext, query: { readonly state: OutboxState; readonly limit?: number; readonly before?: number },
): Promise<{ items: OutboxItem[]; next: number | null }> {
  assertOutboxAdmin(ctx.actor);
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  let q = ctx.db.selectFrom('outbox').selectAll();
  switch (query.state) {
    case 'pending': q = q.where('processed_at', 'is', null); break; // outbox_pending_idx
    case 'dead': q = q.where('dead_at', 'is not', null); break; // outbox_dead_idx
    case 'delivered': q = q.where('delivered_at', 'is not', null); break;
    case 'skipped': q = q.where('processed_at', 'is not', null).where('delivered_at', 'is', null).where('dead_at', 'is', null); break;
  }
  if (query.before !== undefined) q = q.where('id', '<', query.before);
  const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map(toItem);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? last.id : null };
}

/** Puts a dead row back in the queue, due now with a fresh count of attempts; recorded in the audit log. */
export async function retryDeadOutbox(ctx: ServiceContext, id: number): Promise<OutboxItem> {
  const actor = ctx.actor;
  assertOutboxAdmin(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('outbox').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('OUTBOX_NOT_FOUND', `Không tìm thấy tin số ${id} trong hàng đợi thông báo.`);
    if (!row.dead_at) throw conflict('OUTBOX_NOT_DEAD', `Tin số ${id} không ở trạng thái gửi hỏng (đang là "${stateOf(row)}"): chỉ gửi lại được tin đã bị bỏ.`);
    const updated = await trx.updateTable('outbox')
      .set({ dead_at: null, processed_at: null, attempts: 0, next_attempt_at: null, locked_until: null })
      .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'outbox.retry', entity: 'outbox', entityKey: id, at: ctx.clock.now(),
      payload: { kind: row.kind, attempts: row.attempts, lastError: row.last_error, deadAt: row.dead_at.toISOString() },
    });
    return toItem(updated);
  });
}
