// Tracking numbers of postal legs in the UPU S10 format (the one Vietnam Post prints on every
// item): two letters of service indicator, an 8-digit serial, a check digit and the country code,
// e.g. `EB123456785VN`. Pure.
//
// S10 check digit: the serial's digits weighted 8 6 4 2 3 5 9 7, summed; 11 − (sum mod 11), with
// 10 → 0 and 11 → 5. Because 11 is prime and every weight is below it, any single changed serial
// digit changes the sum's remainder; the standard maps the remainders 0 and 6 both to 5, so the
// only single-digit change it cannot see is one that moves the remainder between those two.

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
/** Service indicator of the public postal service for administrative procedures (BCCI) [U: ours]. */
export const BCCI_SERVICE_INDICATOR = 'EB';
export const COUNTRY_CODE = 'VN';
const TRACKING_RE = /^([A-Z]{2})([0-9]{8})([0-9])([A-Z]{2})$/;

declare const brand: unique symbol;
export type TrackingNumber = string & { readonly [brand]: 'TrackingNumber' };

/** The remainder of the weighted sum of an 8-digit serial (0–10). */
export function s10Remainder(serial: string): number {
  if (!/^[0-9]{8}$/.test(serial)) throw new RangeError(`S10 serial must be 8 digits: ${serial}`);
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(serial[i]) * (WEIGHTS[i] ?? 0);
  return sum % 11;
}

/** The S10 check digit of an 8-digit serial. */
export function s10CheckDigit(serial: string): number {
  const c = 11 - s10Remainder(serial);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** The tracking number of a serial (1 … 99,999,999). */
export function formatTrackingNumber(serial: number, service = BCCI_SERVICE_INDICATOR, country = COUNTRY_CODE): TrackingNumber {
  if (!Number.isInteger(serial) || serial < 1 || serial > 99_999_999) throw new RangeError(`tracking serial out of range: ${serial}`);
  const digits = String(serial).padStart(8, '0');
  return `${service}${digits}${s10CheckDigit(digits)}${country}` as TrackingNumber;
}

/** A well-formed tracking number whose check digit is right (spaces and case forgiven), else null. */
export function parseTrackingNumber(text: string): TrackingNumber | null {
  const m = TRACKING_RE.exec(text.replace(/\s+/g, '').toUpperCase());
  if (!m || m[2] === undefined || m[3] === undefined) return null;
  return s10CheckDigit(m[2]) === Number(m[3]) ? (`${m[1]}${m[2]}${m[3]}${m[4]}` as TrackingNumber) : null;
}
