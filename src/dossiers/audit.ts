// Verification of the event log: every chain link recomputed, seqs without gaps, the dossier row's
// version and last hash matching its newest event, and the row equal to the fold of its events.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../platform/db/connect';
import type { DB } from '../platform/db/schema';
import { assertCan } from '../accounts/policy';
import type { ServiceContext } from '../platform/context';
import { validationFailed } from '../platform/errors';
import { parsePeriod } from '../platform/period';
import { dossierNotFound, isDossierInScope, scopedActor, scopeWhere } from './scope';
import { loadEventsOf, type DossierEvent } from './events';
import { eventHash, GENESIS_HASH, isHashVersion } from './event-hash';
import { differences, rebuildDossierFromEvents, toDerived } from './fold';
import { archivedYears, vietnamYear } from './partitions';

export interface BrokenLink {
  readonly dossierCode: string;
  readonly seq: number;
  readonly expected: string;
  readonly actual: string;
  readonly reason: 'hash' | 'prev_hash' | 'seq' | 'missing_events' | 'head' | 'hash_version';
}

/** Dossiers not checked because their year of the log is archived (ADR 022): where their events are. */
export interface ArchivedSkip {
  readonly year: number;
  readonly dossiers: number;
  /** the detached table holding the year's events (until the operator dumps and drops it) */
  readonly tableName: string;
}

/** `archived` is present only when some selected dossiers belong to an archived year. */
export type ChainReport =
  | { readonly ok: true; readonly dossiers: number; readonly events: number; readonly archived?: ArchivedSkip[] }
  | { readonly ok: false; readonly dossiers: number; readonly events: number; readonly broken: BrokenLink; readonly archived?: ArchivedSkip[] };

const BATCH = 500;

/** Which dossiers to walk: one code, or those matching a filter on `dossiers as d` (all if none). */
export type DossierSelection = string | undefined | ((eb: ExpressionBuilder<DB & { d: DB['dossiers'] }, 'd'>) => Expression<SqlBool>);

/** Walks the dossiers in batches; calls `visit` with each dossier and its events in order. */
async function eachDossier(
  db: Database,
  selection: DossierSelection,
  visit: (row: Awaited<ReturnType<typeof loadBatch>>[number], events: DossierEvent[]) => boolean | void,
): Promise<void> {
  const code = typeof selection === 'string' ? selection : undefined;
  let after = 0;
  for (;;) {
    const rows = await loadBatch(db, after, selection);
    if (rows.length === 0) return;
    const byDossier = await loadEventsOf(db, rows);
    for (const r of rows) if (visit(r, byDossier.get(r.id) ?? []) === false) return;
    const last = rows[rows.length - 1];
    if (!last || code !== undefined) return;
    after = last.id;
  }
}

function loadBatch(db: Database, after: number, selection: DossierSelection) {
  let q = db.selectFrom('dossiers as d').selectAll('d').where('d.id', '>', after);
  if (typeof selection === 'string') q = q.where('d.code', '=', selection);
  else if (selection !== undefined) q = q.where(selection);
  return q.orderBy('d.id').limit(BATCH).execute();
}

/**
 * The first broken link of one dossier's chain, or null. Each event is re-hashed under its own
 * `hash_version` (event-hash.ts); a chain never goes back to an older version (a newer event
 * relabelled as version 1, whose hash does not cover the actor's role, is a broken link).
 */
export function checkChain(code: string, events: readonly DossierEvent[], head: { version: number; last_hash: string }): BrokenLink | null {
  if (events.length === 0) return { dossierCode: code, seq: 1, expected: 'received', actual: 'none', reason: 'missing_events' };
  let prev = GENESIS_HASH;
  let version = 1;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1) return { dossierCode: code, seq: i + 1, expected: String(i + 1), actual: String(e.seq), reason: 'seq' };
    if (e.prevHash !== prev) return { dossierCode: code, seq: e.seq, expected: prev, actual: e.prevHash, reason: 'prev_hash' };
    if (!isHashVersion(e.hashVersion) || e.hashVersion < version) {
      return { dossierCode: code, seq: e.seq, expected: `>= ${version}`, actual: String(e.hashVersion), reason: 'hash_version' };
    }
    version = e.hashVersion;
    const expected = eventHash(prev, { ...e, dossierCode: code });
    if (expected !== e.hash) return { dossierCode: code, seq: e.seq, expected, actual: e.hash, reason: 'hash' };
    prev = e.hash;
  }
  const lastSeq = events.length;
  if (head.version !== lastSeq || head.last_hash !== prev) {
    return { dossierCode: code, seq: lastSeq, expected: `${lastSeq}:${prev}`, actual: `${head.version}:${head.last_hash}`, reason: 'head' };
  }
  return null;
}

/**
 * Verifies every chain (or one dossier's, or those a filter selects); stops at the first broken
 * link. The whole database is walked only from the CLI (`motcua audit verify`). Dossiers of an
 * archived year (their events detached, ADR 022) are not checked here: counted per year in
 * `archived`, with the table their events went to.
 */
export async function verifyChain(db: Database, selection?: DossierSelection): Promise<ChainReport> {
  let dossiers = 0;
  let events = 0;
  let broken: BrokenLink | null = null;
  const skipped = await archiveSkipper(db);
  await eachDossier(db, selection, (row, list) => {
    if (skipped.skip(row)) return true;
    dossiers++;
    events += list.length;
    broken = checkChain(row.code, list, row);
    return broken === null;
  });
  const found = broken as BrokenLink | null;
  const archived = skipped.report();
  const extra = archived.length > 0 ? { archived } : {};
  return found ? { ok: false, dossiers, events, broken: found, ...extra } : { ok: true, dossiers, events, ...extra };
}

/** Tells the dossiers of archived years apart (none to tell when no year is archived) and counts them. */
async function archiveSkipper(db: Database): Promise<{ skip: (row: { submitted_at: Date }) => boolean; report: () => ArchivedSkip[] }> {
  const years = new Map((await archivedYears(db)).map((a) => [a.year, { year: a.year, dossiers: 0, tableName: a.tableName }]));
  return {
    skip: (row) => {
      if (years.size === 0) return false;
      const hit = years.get(vietnamYear(row.submitted_at));
      if (hit) hit.dossiers++;
      return hit !== undefined;
    },
    report: () => [...years.values()].filter((y) => y.dossiers > 0),
  };
}

export interface RebuildDifference {
  readonly dossierCode: string;
  readonly column: string;
  readonly stored: string;
  readonly folded: string;
}

/** Compares every stored dossier row with the fold of its events (read-only). */
export async function compareWithFold(db: Database, limit = 1000): Promise<{ dossiers: number; differences: RebuildDifference[] }> {
  let dossiers = 0;
  const out: RebuildDifference[] = [];
  const skipped = await archiveSkipper(db);
  await eachDossier(db, undefined, (row, list) => {
    if (skipped.skip(row)) return true;
    dossiers++;
    if (list.length === 0) {
      out.push({ dossierCode: row.code, column: '*', stored: 'row', folded: 'no events' });
    } else {
      try {
        for (const d of differences(toDerived(row), rebuildDossierFromEvents(list))) out.push({ dossierCode: row.code, ...d });
      } catch (e) {
        out.push({ dossierCode: row.code, column: '*', stored: 'row', folded: (e as Error).message });
      }
    }
    return out.length < limit;
  });
  return { dossiers, differences: out };
}

/**
 * API: GET /api/v1/audit/verify?dossier=CODE (permission audit.verify): the hash chain of one
 * dossier of the actor's scope (404 outside it, as for getDossier). The dossiers received in a
 * period are checked by supervision (POST /api/v1/supervision/audit-verify, src/supervision);
 * the whole database only by the CLI's `motcua audit verify`.
 */
export async function verifyAudit(ctx: ServiceContext, code: string): Promise<ChainReport> {
  assertCan(ctx.actor, 'audit.verify');
  const actor = await scopedActor(ctx.db, ctx.actor);
  const row = await ctx.db.selectFrom('dossiers')
    .select(['receiving_service_point_id', 'receiving_agency_id', 'competent_agency_id', 'unit_path', 'personal_id', 'filed_by_user_id'])
    .where('code', '=', code).executeTakeFirst();
  if (!row || !isDossierInScope(actor, row)) throw dossierNotFound(code);
  return verifyChain(ctx.db, code);
}
