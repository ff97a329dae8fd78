// Anchoring with the key file: signs the pending days (anchor-store.ts) only if the database still
// ends with the last anchor this key signed (recorded beside the key), then records the new last.
import type { Database } from '../platform/db/connect';
import { readAnchorKey, readLastAnchor, writeLastAnchor } from './anchor-key';
import { anchorPendingDays } from './anchor-store';
import type { Anchor } from './anchors';

/** The new anchors; null when the file holds no private key (or does not exist). */
export async function anchorWithKey(db: Database, keyFile: string, now: Date): Promise<Anchor[] | null> {
  const key = await readAnchorKey(keyFile);
  if (!key?.privateKey) return null;
  const made = await anchorPendingDays(db, key.privateKey, now, await readLastAnchor(keyFile));
  const last = made[made.length - 1];
  if (last) await writeLastAnchor(keyFile, { day: last.day, digest: last.digest });
  return made;
}
