// Moves the PNG bytes of signatures recorded before migration 0175 into the documents' file store
// (issue 13 §1): each row gets its file and loses its bytes, in batches, as the job
// `postal.signatureMove` at start. A moved row is never moved again; the same image signed twice is
// one file (sha-256 addressed). Wired in src/app.ts `appJobs`.
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
 * Moves every signature still holding its bytes; returns how many moved. Bytes the file store
 * refuses (not a whole PNG) stay in their row, where the signature views still read them.
 */
export async function moveSignatureImages(deps: SignatureMoveDeps, batch = 100): Promise<{ moved: number; refused: number }> {
  let moved = 0;
  let refused = 0;
  let after = 0;
  for (;;) {
    const rows = await deps.db.selectFrom('postal_signatures').select(['id', 'png']).where('png', 'is not', null).where('id', '>', after).orderBy('id').limit(batch).execute();
    if (rows.length === 0) return { moved, refused };
    for (const r of rows) {
      after = r.id;
      if (!r.png) continue;
      try {
        const file = await storeFile({ db: deps.db, clock: deps.clock, actor: null, files: deps.files }, { buffer: new Uint8Array(r.png), fileName: 'chu-ky.png' });
        await deps.db.updateTable('postal_signatures').set({ file_id: file.id, sha256: file.sha256, png: null }).where('id', '=', r.id).where('png', 'is not', null).execute();
        moved += 1;
      } catch (e) {
        if (!isDomainError(e)) throw e;
        refused += 1;
      }
    }
  }
}

/** The job: once at start (rows of an installation older than migration 0175). */
export function signatureMoveJob(deps: SignatureMoveDeps): JobDefinition & { readonly handler: () => Promise<{ moved: number; refused: number }> } {
  return { name: SIGNATURE_MOVE_JOB, runAtStart: true, handler: () => moveSignatureImages(deps) };
}
