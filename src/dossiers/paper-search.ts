// Which scans are papers of dossiers the actor may read (issue 12 §3): the OCR search and the list
// of failed OCR runs in documents show only those. Wired into documents by src/app.ts (documents
// imports no dossiers code); the same scope rule as every dossier list (scope.ts).
import { can } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import type { ServiceContext } from '../platform/context';
import { scopedActor, scopeWhere } from './scope';

export interface PaperOfFile {
  readonly fileId: number;
  readonly dossierCode: string;
  readonly paperName: string;
  readonly applicantName: string;
}

/** The papers in the actor's scope whose scan is one of `fileIds`, newest dossier first. */
export async function papersOfFilesInScope(ctx: ServiceContext & { readonly actor: Actor }, fileIds: readonly number[]): Promise<PaperOfFile[]> {
  const wanted = [...new Set(fileIds)];
  if (wanted.length === 0 || !can(ctx.actor, 'dossiers.read')) return [];
  const actor = await scopedActor(ctx.db, ctx.actor);
  const rows = await ctx.db.selectFrom('dossier_papers as p').innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
    .select(['p.file_id', 'd.code', 'p.name', 'd.applicant_name'])
    .where('p.file_id', 'in', wanted).where(scopeWhere(actor))
    .orderBy('d.received_at', 'desc').orderBy('p.id').execute();
  return rows.flatMap((r) => (r.file_id === null ? [] : [{ fileId: r.file_id, dossierCode: r.code, paperName: r.name, applicantName: r.applicant_name }]));
}
