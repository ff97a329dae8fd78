// Reads of tracking for other capabilities (receipt, SMS): the deployment's tracking secret (migration 0051). It never changes, so it is read once per
// database handle; every instance reads the same row.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema';
import { memo } from '../platform/memo';
import { trackingPinOf } from './pin';

export function trackingSecret(db: Kysely<DB> | Transaction<DB>): Promise<string> {
  // a failed read (database away) is not kept: it is tried again next time
  return memo(db, 'secret:tracking_key', () => db.selectFrom('tracking_key').select('secret').executeTakeFirstOrThrow().then((r) => r.secret), Infinity);
}

/** The PIN of one dossier, for the receipt and the SMS. */
export async function trackingPinFor(db: Kysely<DB> | Transaction<DB>, code: string): Promise<string> {
  return trackingPinOf(await trackingSecret(db), code);
}
