// What a bundle's parent (src/bundles, issue 17) shows of each member dossier: status, agency,
// clock and due time, the result's number and an awaited supplement's items — read from dossiers'
// own tables, with who may see each member (the parent is visible where one member is).
import type { Actor } from '../platform/actor';
import type { Database } from '../platform/db/connect';
import { agencyNames } from '../directory/references';
import type { Status } from './lifecycle';
import { isDossierInScope, scopedActor } from './scope';

export interface MemberSummary {
  readonly code: string;
  readonly status: Status;
  readonly syncCode: number;
  readonly procedureCode: string;
  /** the catalogue version it was received under (its rules: `procedureRules`) */
  readonly procedureId: number;
  readonly competentAgencyId: number;
  readonly competentAgency: { readonly identifier: string; readonly name: string };
  readonly receivedAt: Date | null;
  readonly dueAt: Date | null;
  readonly finishedAt: Date | null;
  readonly supplementRequestedAt: Date | null;
  readonly supplementCompletedAt: Date | null;
  /** the items of the supplement awaited now (empty when none) */
  readonly supplementItems: readonly string[];
  /** the number of the result (markResultReady's `resultNumber`), once given */
  readonly resultNumber: string | null;
  /** the actor may open this member's own page (in scope) */
  readonly visible: boolean;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((i): i is string => typeof i === 'string') : []);

/**
 * Summaries of the dossiers with these codes, in the order given (unknown codes left out); with no
 * actor (a read on behalf of a reader already in scope of one of them) none is `visible`.
 */
export async function memberSummaries(db: Database, actor: Actor | null, codes: readonly string[]): Promise<MemberSummary[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('dossiers').selectAll().where('code', 'in', [...codes]).execute();
  const events = await db.selectFrom('dossier_events').select(['dossier_id', 'action', 'payload', 'seq'])
    .where('dossier_id', 'in', rows.map((r) => r.id)).where('action', 'in', ['requestSupplement', 'markResultReady']).orderBy('seq').execute();
  const names = await agencyNames(db, rows.map((r) => r.competent_agency_id));
  const scoped = actor ? await scopedActor(db, actor) : null;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return codes.flatMap((code) => {
    const r = byCode.get(code);
    if (!r) return [];
    const own = events.filter((e) => e.dossier_id === r.id);
    const supplement = [...own].reverse().find((e) => e.action === 'requestSupplement');
    const result = [...own].reverse().find((e) => e.action === 'markResultReady');
    const agency = names.get(r.competent_agency_id);
    const resultNumber = result?.payload.resultNumber;
    return [{
      code, status: r.status, syncCode: r.sync_code, procedureCode: r.procedure_code, procedureId: r.procedure_id, competentAgencyId: r.competent_agency_id,
      competentAgency: { identifier: agency?.identifier ?? '', name: agency?.name ?? '' },
      receivedAt: r.received_at, dueAt: r.due_at, finishedAt: r.finished_at,
      supplementRequestedAt: r.supplement_requested_at, supplementCompletedAt: r.supplement_completed_at,
      supplementItems: r.status === 'awaitingSupplement' ? strings(supplement?.payload.items) : [],
      resultNumber: typeof resultNumber === 'string' ? resultNumber : null,
      visible: scoped !== null && isDossierInScope(scoped, r),
    }];
  });
}

/** The status of each dossier with these codes (unknown codes left out), read in the caller's transaction (a bundle's return plan, src/bundles). */
export async function memberStatuses(db: Database, codes: readonly string[]): Promise<Map<string, Status>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('dossiers').select(['code', 'status']).where('code', 'in', [...codes]).execute();
  return new Map(rows.map((r) => [r.code, r.status]));
}
