// A leg's trail in the database: events are appended once per event id (a repeat is dropped) and
// the leg's status is re-folded from all its events in the same transaction (model.ts foldTrail),
// so late, repeated or out-of-order events never corrupt it.
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/actor';
import type { DB } from '../platform/db/schema';
import { foldTrail, type LegStatus, type Trail, type TrailEvent, type TrailKind } from './model';
import { formatTrackingNumber } from './tracking-number';

/** A new S10 tracking number from the sequence. */
export async function nextTrackingNumber(trx: Transaction<DB>): Promise<string> {
  const r = await sql<{ n: string | number }>`SELECT nextval('postal_tracking_serial') AS n`.execute(trx);
  return formatTrackingNumber(Number(r.rows[0]?.n));
}

export interface LegEventWrite {
  readonly eventId: string;
  readonly kind: TrailKind;
  readonly at: Date;
  readonly source: TrailEvent['source'];
  readonly note?: string | null;
  readonly position?: { lat: number; lon: number } | null;
  readonly payload?: Record<string, unknown>;
}

/** The stored events of a leg as trail events. */
export async function legTrailEvents(db: Pick<Transaction<DB>, 'selectFrom'>, legId: number): Promise<(TrailEvent & { payload: Record<string, unknown>; actorName: string | null })[]> {
  const rows = await db.selectFrom('postal_leg_events').selectAll().where('leg_id', '=', legId).orderBy('id').execute();
  return rows.map((r) => ({
    eventId: r.event_id, kind: r.kind as TrailKind, at: r.at.toISOString(), source: r.source,
    ...(r.note === null ? {} : { note: r.note }), position: r.position ?? null, payload: r.payload, actorName: r.actor_name,
  }));
}

/**
 * Appends an event to a leg (nothing when its id is already there) and writes the leg's status as
 * the fold of all its events. Returns the trail and whether the event was new.
 */
export async function appendLegEvent(trx: Transaction<DB>, legId: number, e: LegEventWrite, actor: Actor | null, now: Date): Promise<{ trail: Trail; inserted: boolean }> {
  const leg = await trx.selectFrom('postal_legs').select(['kind', 'province_code']).where('id', '=', legId).executeTakeFirstOrThrow();
  const inserted = await trx.insertInto('postal_leg_events').values({
    leg_id: legId, province_code: leg.province_code, event_id: e.eventId, kind: e.kind, at: e.at, recorded_at: now, source: e.source,
    actor_id: actor?.userId ?? null, actor_name: actor?.fullName ?? null, note: e.note ?? null,
    position: e.position ? JSON.stringify(e.position) : null, payload: JSON.stringify(e.payload ?? {}),
  }).onConflict((oc) => oc.columns(['leg_id', 'event_id']).doNothing()).returning('id').executeTakeFirst();
  const trail = foldTrail(await legTrailEvents(trx, legId), leg.kind);
  await trx.updateTable('postal_legs').set((eb) => ({ status: trail.status ?? 'requested', updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', legId).execute();
  return { trail, inserted: inserted !== undefined };
}

/** The leg locked for a change (FOR UPDATE), or undefined. */
export const lockLeg = (trx: Transaction<DB>, where: { id: number } | { trackingNumber: string }) => {
  const q = trx.selectFrom('postal_legs').selectAll();
  return ('id' in where ? q.where('id', '=', where.id) : q.where('tracking_number', '=', where.trackingNumber)).forUpdate().executeTakeFirst();
};

export type LegRow = NonNullable<Awaited<ReturnType<typeof lockLeg>>>;
export const statusOf = (leg: Pick<LegRow, 'status'>): LegStatus => leg.status as LegStatus;
