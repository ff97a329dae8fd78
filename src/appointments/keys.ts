// The deployment's appointment secret (migration 0140, `appointment_key`) and what is signed with
// it: one-time code hashes, phone verifications and the cancel/reschedule links. It never changes,
// so it is read once per database handle; every instance reads the same row.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema';
import { memo } from '../platform/memo';

export function appointmentSecret(db: Kysely<DB> | Transaction<DB>): Promise<string> {
  // a failed read (database away) is not kept: it is tried again next time
  return memo(db, 'secret:appointment_key', () => db.selectFrom('appointment_key').select('secret').executeTakeFirstOrThrow().then((r) => r.secret), Infinity);
}

/** HMAC-SHA-256 of the parts (joined by a byte no part contains), base64url. */
export function sign(secret: string, ...parts: readonly (string | number)[]): string {
  return createHmac('sha256', secret).update(parts.map(String).join('\u0000')).digest('base64url');
}

/** Constant-time comparison of two signatures. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The token of a booking's cancel/reschedule link: it names the booking and the link version, so a
 * reschedule (which moves the version on) makes earlier links useless. No sign-in needed.
 */
export const bookingLinkToken = (secret: string, code: string, linkVersion: number): string =>
  `${linkVersion}.${sign(secret, 'booking-link', code, linkVersion)}`;

export function isBookingLinkToken(secret: string, code: string, linkVersion: number, token: string): boolean {
  return sameSignature(token, bookingLinkToken(secret, code, linkVersion));
}
