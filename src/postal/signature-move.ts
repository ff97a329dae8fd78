// Moves the PNG bytes of signatures recorded before migration 0175 into the documents' file store
// (issue 13 §1), as the job `postal.signatureMove` at start: migration 0178 dropped
// `postal_signatures.png` and kept the bytes not yet moved in `postal_signature_legacy_png`; each
// of those rows becomes the signature's file (its `file_id`) and leaves that table, in batches. A
// moved row is never moved again; the same image signed twice is one file (sha-256 addressed).
// Wired in src/app.ts `appJobs`.
import type { FilesDeps } from '../documents/service';
import { storeFile } from '../documents/service';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { isDomainError } from '../platform/errors';
import type { JobDefinition } from '../platform/jobs';

export const SIGNATURE_MOVE_JOB = 'postal.signatureMove';

export interface SignatureMoveDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly files: FilesDeps;
}

/**
 * Moves every signature whose bytes wait in `postal_signature_legacy_png`; returns how many moved.
 * Bytes the file store refuses (not a whole PNG) stay there, where the signature views still read them.
 */
export async function moveSignatureImages(deps: SignatureMoveDeps, batch = 100): Promise<{ moved: number; refused: number }> {
  let moved = 0;
  let refused = 0;
  let after = 0;
  for (;;) {
    const rows = await deps.db.selectFrom('postal_signature_legacy_png').select(['signature_id', 'png']).where('signature_id', '>', after).orderBy('signature_id').limit(batch).execute();
    if (rows.length === 0) return { moved, refused };
    for (const r of rows) {
      after = r.signature_id;
      try {
        const file = await storeFile({ db: deps.db, clock: deps.clock, actor: null, files: deps.files }, { buffer: new Uint8Array(r.png), fileName: 'chu-ky.png' });
        await deps.db.transaction().execute(async (trx) => {
          await trx.updateTable('postal_signatures').set({ file_id: file.id, sha256: file.sha256 }).where('id', '=', r.signature_id).execute();
          await trx.deleteFrom('postal_signature_legacy_png').where('signature_id', '=', r.signature_id).execute();
        });
        moved += 1;
      } catch (e) {
        if (!isDomainError(e)) throw e;
        refused += 1;
      }
    }
  }
}

/** The job: once at start (rows of an installation older than migration 0175, kept aside by 0178). */
export function signatureMoveJob(deps: SignatureMoveDeps): JobDefinition & { readonly handler: () => Promise<{ moved: number; refused: number }> } {
  return { name: SIGNATURE_MOVE_JOB, runAtStart: true, handler: () => moveSignatureImages(deps) };
}
