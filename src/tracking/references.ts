// Reads of tracking for other capabilities (receipt, SMS): the deployment's tracking secret (migration 0051). It never changes, so it is read once per
// database handle; every instance reads the same row.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema';
import { trackingPinOf } from './pin';

const secrets = new WeakMap<object, Promise<string>>();

export function trackingSecret(db: Kysely<DB> | Transaction<DB>): Promise<string> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = db.selectFrom('tracking_key').select('secret').executeTakeFirstOrThrow().then((r) => r.secret);
    secret.catch(() => secrets.delete(db)); // a failed read (database away) is tried again next time
    secrets.set(db, secret);
  }
  return secret;
}

/** The PIN of one dossier, for the receipt and the SMS. */
export async function trackingPinFor(db: Kysely<DB> | Transaction<DB>, code: string): Promise<string> {
  return trackingPinOf(await trackingSecret(db), code);
}
