// The national sync's backfill and retention (issue 15 §5).
// Backfill: every dossier changed in a period (an event in it) whose newest change the portal has
// not acknowledged gets it pushed — a sync_outbox row for its newest event (whose record carries the
// whole processing trail) when it has none, its given-up rows handed back to the push when it has
// them — for dossiers from before the sync existed, or whose rows an outage made the push give up.
// Idempotent (a row per (dossier, seq): a second run finds them pending or sent) and ordered per
// dossier (the push claims a row only after every earlier row of its dossier was accepted).
// Retention: acknowledged rows older than the configured days are deleted, except what is still
// read — the receipt rows (indicator 1.4) and each dossier's newest acknowledged row (the backfill).
import { sql } from 'kysely';
import { assertCan } from '../accounts/policy';
import { dossiersChangedBetween, type ChangedDossier } from '../dossiers/service';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { Clock } from '../platform/clock';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db/connect';
import { parsePeriod } from '../platform/period';

export interface BackfillReport {
  readonly from: string;
  readonly to: string;
  /** dossiers changed in the period */
  readonly dossiers: number;
  /** a row queued for the newest change (the dossier had none for it) */
  readonly queued: number;
  /** given-up rows handed back to the push */
  readonly retried: number;
  /** waiting in the push already */
  readonly pending: number;
  /** the portal acknowledged the newest change already */
  readonly acknowledged: number;
}

const PAGE = 500;

type Tally = { queued: number; retried: number; pending: number; acknowledged: number };

/** One page of changed dossiers, in one transaction. */
async function backfillPage(db: Database, page: readonly ChangedDossier[], tally: Tally): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('sync_outbox').select(['id', 'dossier_id', 'seq', 'sent_at', 'gave_up_at'])
      .where('dossier_id', 'in', page.map((d) => d.id)).forUpdate().execute();
    for (const d of page) {
      const mine = rows.filter((r) => Number(r.dossier_id) === d.id);
      const newest = mine.find((r) => r.seq === d.seq);
      if (newest?.sent_at) { tally.acknowledged += 1; continue; }
      // given-up rows of the dossier (its newest or earlier ones, which would hold it back) go to the push again
      const givenUp = mine.filter((r) => r.sent_at === null && r.gave_up_at !== null).map((r) => r.id);
      if (givenUp.length > 0) {
        await trx.updateTable('sync_outbox').set({ gave_up_at: null, attempts: 0, next_attempt_at: null, locked_until: null }).where('id', 'in', givenUp).execute();
      }
      if (!newest) {
        await trx.insertInto('sync_outbox').values({
          dossier_id: d.id, province_code: d.provinceCode, dossier_code: d.code, seq: d.seq, action: d.action, sync_code: d.syncCode, event_at: d.at, unit_path: d.unitPath, channel: d.channel,
        }).onConflict((oc) => oc.columns(['dossier_id', 'seq']).doNothing()).execute();
        tally.queued += 1;
      } else if (givenUp.length > 0) tally.retried += 1;
      else tally.pending += 1;
    }
  });
}

/** Backfills the period (civil days, Vietnam time, at most a year); `actor` null: the command line. */
export async function runBackfill(deps: { db: Database; clock: Clock }, actor: Actor | null, q: { from: string; to: string }): Promise<BackfillReport> {
  const period = parsePeriod(q.from, q.to, 366);
  const tally: Tally = { queued: 0, retried: 0, pending: 0, acknowledged: 0 };
  let dossiers = 0;
  for (let after = 0; ;) {
    const page = await dossiersChangedBetween(deps.db, new Date(period.start), new Date(period.end), after, PAGE);
    if (page.length === 0) break;
    await backfillPage(deps.db, page, tally);
    dossiers += page.length;
    after = page[page.length - 1]?.id ?? after;
  }
  const report = { from: period.from, to: period.to, dossiers, ...tally };
  await recordAudit(deps.db, actor, { action: 'sync.backfill', entity: 'sync_outbox', entityKey: `${period.from}..${period.to}`, at: deps.clock.now(), payload: { ...report } });
  return report;
}

/** The administrator's backfill (`POST /api/v1/sync/backfill`, permission sync.manage). */
export async function backfillSync(ctx: ServiceContext, q: { from: string; to: string }): Promise<BackfillReport> {
  assertCan(ctx.actor, 'sync.manage');
  return runBackfill(ctx, ctx.actor, q);
}

/**
 * Deletes acknowledged rows sent before `before`, but the receipt rows (indicator 1.4 reads them)
 * and each dossier's newest acknowledged row; in batches, until none is left. Returns how many.
 */
export async function pruneSyncOutbox(db: Database, before: Date, batch = 5000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const r = await sql`DELETE FROM sync_outbox WHERE id IN (
      SELECT o.id FROM sync_outbox o
      WHERE o.sent_at IS NOT NULL AND o.sent_at < ${before} AND o.action NOT IN ('received', 'receive')
        AND EXISTS (SELECT 1 FROM sync_outbox l WHERE l.province_code = o.province_code AND l.dossier_id = o.dossier_id AND l.seq > o.seq AND l.sent_at IS NOT NULL)
      LIMIT ${batch})`.execute(db);
    const n = Number(r.numAffectedRows ?? 0);
    deleted += n;
    if (n < batch) return deleted;
  }
}
