// Verification of the event log: every chain link recomputed, seqs without gaps, the dossier row's
// version and last hash matching its newest event, and the row equal to the fold of its events.
import type { Database } from '../platform/db/connect';
import { assertCan } from '../accounts/policy';
import type { ServiceContext } from '../platform/context';
import { eventHash, GENESIS_HASH, type DossierEvent, type EventAction } from './events';
import { differences, rebuildDossierFromEvents } from './fold';
import { toDerived } from './actions';
import type { Role } from '../platform/actor';

export interface BrokenLink {
  readonly dossierCode: string;
  readonly seq: number;
  readonly expected: string;
  readonly actual: string;
  readonly reason: 'hash' | 'prev_hash' | 'seq' | 'missing_events' | 'head';
}

export type ChainReport =
  | { readonly ok: true; readonly dossiers: number; readonly events: number }
  | { readonly ok: false; readonly dossiers: number; readonly events: number; readonly broken: BrokenLink };

const BATCH = 500;

/** Walks the dossiers in batches; calls `visit` with each dossier and its events in order. */
async function eachDossier(
  db: Database,
  code: string | undefined,
  visit: (row: Awaited<ReturnType<typeof loadBatch>>[number], events: DossierEvent[]) => boolean | void,
): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await loadBatch(db, after, code);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const events = await db.selectFrom('dossier_events').selectAll().where('dossier_id', 'in', ids).orderBy('dossier_id').orderBy('seq').execute();
    const byDossier = new Map<number, DossierEvent[]>();
    const codeOf = new Map(rows.map((r) => [r.id, r.code]));
    for (const e of events) {
      const list = byDossier.get(e.dossier_id) ?? [];
      list.push({
        dossierId: e.dossier_id, dossierCode: codeOf.get(e.dossier_id) ?? '', seq: e.seq, at: e.at, action: e.action as EventAction,
        actorId: e.actor_id, actorRole: e.actor_role as Role | null, payload: e.payload, prevHash: e.prev_hash, hash: e.hash,
      });
      byDossier.set(e.dossier_id, list);
    }
    for (const r of rows) if (visit(r, byDossier.get(r.id) ?? []) === false) return;
    const last = rows[rows.length - 1];
    if (!last || code !== undefined) return;
    after = last.id;
  }
}

function loadBatch(db: Database, after: number, code: string | undefined) {
  let q = db.selectFrom('dossiers').selectAll().where('id', '>', after);
  if (code !== undefined) q = q.where('code', '=', code);
  return q.orderBy('id').limit(BATCH).execute();
}

/** The first broken link of one dossier's chain, or null. */
export function checkChain(code: string, events: readonly DossierEvent[], head: { version: number; last_hash: string }): BrokenLink | null {
  if (events.length === 0) return { dossierCode: code, seq: 1, expected: 'received', actual: 'none', reason: 'missing_events' };
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1) return { dossierCode: code, seq: i + 1, expected: String(i + 1), actual: String(e.seq), reason: 'seq' };
    if (e.prevHash !== prev) return { dossierCode: code, seq: e.seq, expected: prev, actual: e.prevHash, reason: 'prev_hash' };
    const expected = eventHash(prev, { dossierCode: code, seq: e.seq, at: e.at, action: e.action, actorId: e.actorId, payload: e.payload });
    if (expected !== e.hash) return { dossierCode: code, seq: e.seq, expected, actual: e.hash, reason: 'hash' };
    prev = e.hash;
  }
  const lastSeq = events.length;
  if (head.version !== lastSeq || head.last_hash !== prev) {
    return { dossierCode: code, seq: lastSeq, expected: `${lastSeq}:${prev}`, actual: `${head.version}:${head.last_hash}`, reason: 'head' };
  }
  return null;
}

/** Verifies every chain (or one dossier's); stops at the first broken link. */
export async function verifyChain(db: Database, dossierCode?: string): Promise<ChainReport> {
  let dossiers = 0;
  let events = 0;
  let broken: BrokenLink | null = null;
  await eachDossier(db, dossierCode, (row, list) => {
    dossiers++;
    events += list.length;
    broken = checkChain(row.code, list, row);
    return broken === null;
  });
  const found = broken as BrokenLink | null;
  return found ? { ok: false, dossiers, events, broken: found } : { ok: true, dossiers, events };
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
  await eachDossier(db, undefined, (row, list) => {
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

/** API: GET /api/v1/audit/verify (permission audit.verify). */
export async function verifyAudit(ctx: ServiceContext, dossierCode?: string): Promise<ChainReport> {
  assertCan(ctx.actor, 'audit.verify');
  return verifyChain(ctx.db, dossierCode);
}
