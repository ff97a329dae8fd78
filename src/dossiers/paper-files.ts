// Who may read a file because a dossier names it (issue 12 §1): staff who may read a dossier
// whose paper is that scan, the citizen whose dossier it is. Wired into the documents capability
// by src/app.ts (documents imports no dossiers code).
import { sql } from 'kysely';
import { can } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import type { ServiceContext } from '../platform/context';
import { scopedActor, scopeWhere } from './scope';

export async function mayReadPaperFile(ctx: ServiceContext & { readonly actor: Actor }, fileId: number): Promise<boolean> {
  if (!can(ctx.actor, 'dossiers.read') && !can(ctx.actor, 'portal.self')) return false;
  const actor = await scopedActor(ctx.db, ctx.actor);
  const row = await ctx.db.selectFrom('dossier_papers as p').innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
    .select('p.id').where('p.file_id', '=', fileId).where(scopeWhere(actor)).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Of these files, the ones a dossier paper or an electronic result names (the archive job keeps them: src/documents/archive-job.ts). */
export async function paperFilesHeld(db: ServiceContext['db'], fileIds: readonly number[]): Promise<ReadonlySet<number>> {
  if (fileIds.length === 0) return new Set();
  const rows = await db.selectFrom('dossier_papers').select('file_id').where('file_id', 'in', [...fileIds]).execute();
  // electronic results (attachResult events) hold their files too
  const results = await db.selectFrom('dossier_events').select(sql<number>`(payload->>'fileId')::bigint`.as('file_id'))
    .where('action', '=', 'attachResult').where(sql<boolean>`(payload->>'fileId') ~ '^[0-9]{1,15}$' AND (payload->>'fileId')::bigint = ANY(${[...fileIds]}::bigint[])`).execute();
  return new Set([...rows.flatMap((r) => (r.file_id === null ? [] : [r.file_id])), ...results.map((r) => Number(r.file_id))]);
}
