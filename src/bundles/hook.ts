// The bundles' hook in the dossiers' write path (wired in src/app.ts): when a member's result is
// ready, the members that wait for it are received by the system in the same transaction — their
// clock starts then, on the working calendar — with what the result feeds them (ND 63/2024: the
// birth registration number feeds the residence registration). What a person may do by hand to a
// member (a waiting one: nothing; withdrawal only with the whole bundle where another member waits)
// is member-actions.ts; the refusal rolls the action's transaction back (409).
import type { Transaction } from 'kysely';
import type { DossierContext, DossierHook } from '../dossiers/events';
import { acceptHeldMember } from '../dossiers/service';
import { FixedClock } from '../platform/clock';
import type { DB } from '../platform/db/schema';
import { invalidTransition } from '../platform/errors';
import { bundleDefinitions } from './definitions';
import { fedFacts } from './feeds';
import { guardedActions, memberActionRefusal } from './member-actions';
import { memberFactsOf } from './member-facts';

export interface BundleHookDeps {
  /** the hooks every dossier event runs (this one among them), read when an event happens */
  readonly hooks: () => readonly DossierHook[];
}

export function bundleHook(deps: BundleHookDeps): DossierHook {
  return {
    intakeWrites: () => [],
    afterEvent: async (trx, event, dossier) => {
      if (event.actorId !== null && GUARDED.includes(event.action)) await guardMemberAction(trx, event, dossier.id, dossier.code);
      if (event.action === 'markResultReady') await startWaitingMembers(trx, deps, event, dossier.id);
    },
  };
}

const GUARDED: readonly string[] = guardedActions;

async function guardMemberAction(trx: Transaction<DB>, event: Event, dossierId: number, code: string): Promise<void> {
  const m = await memberFactsOf(trx, dossierId);
  if (!m) return;
  const refusal = memberActionRefusal(event.action, code, m.bundle, { ...m.facts, wholeBundle: event.payload.bundle === m.bundle });
  if (refusal) throw invalidTransition(refusal.code, refusal.message);
}

type Event = Parameters<DossierHook['afterEvent']>[1];

async function startWaitingMembers(trx: Transaction<DB>, deps: BundleHookDeps, event: Event, dossierId: number): Promise<void> {
  const waiting = await trx.selectFrom('bundle_members as m')
    .innerJoin('bundle_members as w', (j) => j.onRef('w.bundle_id', '=', 'm.bundle_id').onRef('w.waits_for', '=', 'm.member_key'))
    .innerJoin('bundles as b', 'b.id', 'm.bundle_id')
    .select(['w.bundle_id', 'w.member_key', 'w.dossier_code', 'm.member_key as prerequisite', 'b.code as bundle', 'b.definition_code', 'b.definition_from'])
    .where('m.dossier_id', '=', dossierId).where('w.started_at', 'is', null).orderBy('w.position').execute();
  if (waiting.length === 0) return;
  const ctx: DossierContext = { db: trx, clock: new FixedClock(event.at), actor: null, hooks: deps.hooks() };
  for (const w of waiting) {
    const definition = bundleDefinitions.find((d) => d.code === w.definition_code && d.effectiveFrom === w.definition_from);
    const prerequisite = definition?.members.find((m) => m.key === w.prerequisite);
    const fed = fedFacts(prerequisite?.feeds ?? [], event.payload);
    await acceptHeldMember(trx, ctx, w.dossier_code, { bundle: w.bundle, prerequisite: event.dossierCode, ...(Object.keys(fed).length > 0 ? { fed } : {}) });
    await trx.updateTable('bundle_members').set({ started_at: event.at, fed: Object.keys(fed).length > 0 ? JSON.stringify(fed) : null })
      .where('bundle_id', '=', w.bundle_id).where('member_key', '=', w.member_key).execute();
  }
}
