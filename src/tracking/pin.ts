// The tracking PIN of a dossier (pure): six digits derived from the deployment's secret and the
// dossier code, HMAC-SHA-256 → the first 8 bytes modulo 10^6 (bias below 10^-13). Nothing is
// stored per dossier; the receipt and the SMS show it, public tracking asks for it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TRACKING_PIN_DIGITS = 6;

export function trackingPinOf(secret: string, code: string): string {
  const digest = createHmac('sha256', secret).update(`motcua-tracking-pin:${code}`).digest();
  return (digest.readBigUInt64BE(0) % 10n ** BigInt(TRACKING_PIN_DIGITS)).toString().padStart(TRACKING_PIN_DIGITS, '0');
}

export const isTrackingPinShape = (pin: string): boolean => new RegExp(`^[0-9]{${TRACKING_PIN_DIGITS}}$`).test(pin);

/** Constant-time comparison of a typed PIN with the dossier's. */
export function trackingPinMatches(secret: string, code: string, given: string): boolean {
  if (!isTrackingPinShape(given)) return false;
  return timingSafeEqual(Buffer.from(trackingPinOf(secret, code)), Buffer.from(given));
}
