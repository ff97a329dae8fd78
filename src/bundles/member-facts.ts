// What the bundle rules need to know about one member to say which actions by hand it refuses
// (member-actions.ts): read once for the hook that enforces them and for the dossier's page that
// leaves them out (dossiers/action-refusals.ts, wired in src/app.ts), so both say the same.
import type { Kysely } from 'kysely';
import type { ActionRefusalSource } from '../dossiers/events';
import type { DB } from '../platform/db/schema';
import { memberRefusals, type MemberFacts } from './member-actions';

/** The member's bundle and facts; null when the dossier is no bundle's member. */
export async function memberFactsOf(db: Kysely<DB>, dossierId: number): Promise<{ readonly bundle: string; readonly facts: Omit<MemberFacts, 'wholeBundle'> } | null> {
  const m = await db.selectFrom('bundle_members as m').innerJoin('bundles as b', 'b.id', 'm.bundle_id')
    .select(['m.bundle_id', 'm.member_key', 'm.waits_for', 'm.started_at', 'b.code as bundle']).where('m.dossier_id', '=', dossierId).executeTakeFirst();
  if (!m) return null;
  const waitedOnBy = (await db.selectFrom('bundle_members').select('dossier_code')
    .where('bundle_id', '=', m.bundle_id).where('waits_for', '=', m.member_key).where('started_at', 'is', null).orderBy('position').execute()).map((w) => w.dossier_code);
  return { bundle: m.bundle, facts: { waiting: m.waits_for !== null && m.started_at === null, waitedOnBy } };
}

/** The dossiers' source of refused actions: a member's actions the hook would refuse (409). */
export const bundleRefusedActions: ActionRefusalSource = async (db, dossier) => {
  const m = await memberFactsOf(db, dossier.id);
  return new Set(m ? memberRefusals(dossier.code, m.bundle, m.facts).map((r) => r.action) : []);
};
