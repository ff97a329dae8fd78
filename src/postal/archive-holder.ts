// Postal records in the one archive job (issue 13 §8, src/documents/archive-job.ts): the scans a
// courier attached to a pickup's draft belong to no dossier until the hand-over, yet they are the
// post's electronic record of what it collected (TT 17/2017/TT-BTTTT art. 13: kept at least 5
// years). A shipment's draft holds the files its papers name, so the archive never deletes them;
// after the hand-over the dossier's papers hold them too. The signatures drawn on the courier's
// screen (`postal_signatures.file_id`, migration 0175) are records of the post as well: held for
// good. Wired in src/app.ts.
import { sql } from 'kysely';
import type { Database } from '../platform/db/connect';

/** Which of these files a shipment's draft names (`draft.papers[].fileId`) or a signature is. A `FileHolder` of the documents' archive job. */
export async function postalFilesHeld(db: Database, fileIds: readonly number[]): Promise<ReadonlySet<number>> {
  if (fileIds.length === 0) return new Set();
  const signatures = await db.selectFrom('postal_signatures').select('file_id').where('file_id', 'in', [...fileIds]).execute();
  const rows = await sql<{ id: string | number }>`
    SELECT DISTINCT (p ->> 'fileId')::bigint AS id
      FROM postal_shipments s, jsonb_array_elements(CASE WHEN jsonb_typeof(s.draft -> 'papers') = 'array' THEN s.draft -> 'papers' ELSE '[]'::jsonb END) p
     WHERE (p ->> 'fileId') ~ '^[0-9]{1,18}$' AND (p ->> 'fileId')::bigint = ANY(${[...fileIds]}::bigint[])`.execute(db);
  return new Set([...rows.rows.map((r) => Number(r.id)), ...signatures.flatMap((r) => (r.file_id === null ? [] : [r.file_id]))]);
}
