// Anchoring with the key file: signs the pending days (anchor-store.ts) only if the database still
// ends with the last anchor this key signed in it (recorded beside the key, per installation:
// migration 0115), then records the new last. A fresh database has no record: its chain starts.
import { sql } from 'kysely';
import type { Database } from '../platform/db/connect';
import { installationId } from '../platform/db/installation';
import { readAnchorKey, readLastAnchor, writeLastAnchor } from './anchor-key';
import { anchorPendingDays } from './anchor-store';
import type { Anchor } from './anchors';

/** Whether the database holds this anchor (a legacy record applies only to a database that does). */
async function holdsAnchor(db: Database, anchor: { readonly day: string; readonly digest: string }): Promise<boolean> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_anchors WHERE day = ${anchor.day}::date AND digest = ${anchor.digest}`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

/** The new anchors; null when the file holds no private key (or does not exist). */
export async function anchorWithKey(db: Database, keyFile: string, now: Date): Promise<Anchor[] | null> {
  const key = await readAnchorKey(keyFile);
  if (!key?.privateKey) return null;
  const installation = await installationId(db);
  const record = await readLastAnchor(keyFile, installation);
  // a record from before installations were named speaks for the database that holds its anchor
  const signedLast = record.isLegacy && record.last && !(await holdsAnchor(db, record.last)) ? null : record.last;
  const made = await anchorPendingDays(db, key.privateKey, now, signedLast);
  const last = made[made.length - 1];
  if (last) await writeLastAnchor(keyFile, installation, { day: last.day, digest: last.digest });
  return made;
}
