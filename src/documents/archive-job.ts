// The one archive job of the whole system (issue 12 §6): deletes the files whose retention period
// is over and that nothing holds any more — row, uploads and bytes. What holds a file is asked of
// each capability that keeps files (a `FileHolder`, wired in src/app.ts: the dossiers' papers, the
// applicant's store here; the postal records add theirs), so a file an open dossier or a valid
// result needs is never deleted.
import { recordAudit } from '../platform/audit-log';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import type { FilesDeps } from './model';
import { retainedSince } from './retention';

/** Which of these files the capability still needs (any one that says so keeps the file). */
export type FileHolder = (db: Database, fileIds: readonly number[]) => Promise<ReadonlySet<number>>;

/** The applicant's store (this capability): a stored document holds its file. */
export const storeDocumentsHold: FileHolder = async (db, fileIds) =>
  new Set((await db.selectFrom('store_documents').select('file_id').where('file_id', 'in', [...fileIds]).execute()).map((r) => r.file_id));

/** The holders of the whole system: the ones given (other capabilities', from src/app.ts) and this capability's own. */
export const archiveHolders = (others: readonly FileHolder[]): FileHolder[] => [...others, storeDocumentsHold];

/** The pg-boss job (src/app.ts appJobs): every night. */
export const ARCHIVE_JOB = 'documents.archive';

export interface ArchiveDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly files: FilesDeps;
  readonly holders: readonly FileHolder[];
}

/** One pass: at most `batch` files looked at; returns how many were deleted. */
export async function runArchive(deps: ArchiveDeps, batch = 500): Promise<{ readonly examined: number; readonly deleted: number }> {
  const cutoff = retainedSince(deps.clock.now(), 'unattached');
  const candidates = await deps.db.selectFrom('files').select(['id', 'sha256', 'storage_key'])
    .where('created_at', '<', cutoff).orderBy('id').limit(batch).execute();
  if (candidates.length === 0) return { examined: 0, deleted: 0 };
  const ids = candidates.map((c) => c.id);
  const held = new Set<number>();
  for (const holder of deps.holders) for (const id of await holder(deps.db, ids)) held.add(id);
  let deleted = 0;
  for (const file of candidates.filter((c) => !held.has(c.id))) {
    const gone = await deps.db.transaction().execute(async (trx) => {
      // uploaded again meanwhile (a new upload row) keeps it: the period runs from the last upload
      const recent = await trx.selectFrom('file_uploads').select('file_id').where('file_id', '=', file.id).where('uploaded_at', '>=', cutoff).executeTakeFirst();
      if (recent) return false;
      await trx.deleteFrom('file_uploads').where('file_id', '=', file.id).execute();
      const row = await trx.deleteFrom('files').where('id', '=', file.id).returning('id').executeTakeFirst();
      if (!row) return false;
      await recordAudit(trx, null, { action: 'file.archived', entity: 'file', entityKey: file.id, at: deps.clock.now(), payload: { sha256: file.sha256, rule: 'unattached' } });
      return true;
    });
    if (!gone) continue;
    deleted += 1;
    // the same bytes uploaded since would have a new row under the same key: keep them then
    const again = await deps.db.selectFrom('files').select('id').where('sha256', '=', file.sha256).executeTakeFirst();
    if (!again) await deps.files.store.delete(file.storage_key);
  }
  return { examined: candidates.length, deleted };
}
