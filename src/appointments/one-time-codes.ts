// One-time codes that verify a phone (issue 14 §3; the portal reuses them): 6 digits sent by SMS
// at once (through the SMS adapter, not the outbox's minute poll), valid a few minutes, at most 5
// tries, rate-limited per phone and per client address, stored as an HMAC under the deployment's
// secret. A right code gives a signed phone verification that a booking (or another use) presents.
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { tooManyRequests, validationFailed, conflict } from '../platform/errors';
import { normalizeVietnameseMobile, type SmsSender } from '../notifications/sms';
import { appointmentSecret, sameSignature, sign } from './keys';

export const ONE_TIME_CODE_RULES = {
  digits: 6,
  validMinutes: 5,
  maxAttempts: 5,
  /** codes a phone may be sent: 3 in 15 minutes, 10 a day */
  perPhone: [{ count: 3, minutes: 15 }, { count: 10, minutes: 1440 }],
  /** codes one client address may ask for in an hour (a kiosk or an operator's desk asks for many people) */
  perAddress: [{ count: 30, minutes: 60 }],
  /** how long a verified phone stays verified for the booking that follows */
  verificationMinutes: 30,
} as const;

export interface OneTimeCodeDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly sms: SmsSender;
}

export interface CodeSent {
  /** the number as the SMS was addressed (84…), masked but its last 3 digits */
  readonly maskedPhone: string;
  readonly expiresAt: string;
  readonly validMinutes: number;
}

export interface PhoneVerification {
  /** present it with the request that needs a verified phone */
  readonly verification: string;
  readonly phone: string;
  readonly expiresAt: string;
}

export const mask = (phone84: string): string => `${'*'.repeat(Math.max(0, phone84.length - 3))}${phone84.slice(-3)}`;

function mobileOrRefuse(phone: string): string {
  const mobile = normalizeVietnameseMobile(phone);
  if (!mobile) throw validationFailed('PHONE_NOT_MOBILE', 'Số điện thoại phải là số di động Việt Nam (ví dụ 0912 345 678).', [{ path: 'phone', message: 'không phải số di động' }]);
  return mobile;
}

const codeHash = (secret: string, phone: string, purpose: string, code: string): string => sign(secret, 'otp', phone, purpose, code);

/** Sends a new code to the phone now. Refused (429, with the wait) past the phone's or the address's limit. */
export async function sendOneTimeCode(deps: OneTimeCodeDeps, input: { phone: string; purpose: string; clientAddress: string }): Promise<CodeSent> {
  const phone = mobileOrRefuse(input.phone);
  const now = deps.clock.now();
  const secret = await appointmentSecret(deps.db);
  const code = String(randomInt(0, 10 ** ONE_TIME_CODE_RULES.digits)).padStart(ONE_TIME_CODE_RULES.digits, '0');
  const expiresAt = new Date(now.getTime() + ONE_TIME_CODE_RULES.validMinutes * 60_000);
  const id = await deps.db.transaction().execute(async (trx) => {
    // one sender at a time per phone and per address, so that the counts below are exact under concurrency
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`otp-phone:${phone}`}))`.execute(trx);
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`otp-addr:${input.clientAddress}`}))`.execute(trx);
    for (const [column, value, limits] of [['phone', phone, ONE_TIME_CODE_RULES.perPhone], ['client_address', input.clientAddress, ONE_TIME_CODE_RULES.perAddress]] as const) {
      for (const limit of limits) {
        const since = new Date(now.getTime() - limit.minutes * 60_000);
        const rows = await trx.selectFrom('one_time_codes').select('created_at').where(column, '=', value).where('created_at', '>', since)
          .orderBy('created_at').execute();
        const oldest = rows[0];
        if (rows.length >= limit.count && oldest) {
          const retryAfter = Math.max(1, Math.ceil((oldest.created_at.getTime() + limit.minutes * 60_000 - now.getTime()) / 1000));
          throw tooManyRequests('ONE_TIME_CODE_RATE_LIMITED', `Đã gửi quá nhiều mã. Vui lòng thử lại sau ${Math.ceil(retryAfter / 60)} phút.`, retryAfter);
        }
      }
    }
    const row = await trx.insertInto('one_time_codes').values({
      phone, purpose: input.purpose, code_hash: codeHash(secret, phone, input.purpose, code), client_address: input.clientAddress,
      created_at: now, expires_at: expiresAt,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  });
  try {
    await deps.sms.send({ to: phone, text: `Mã xác thực Một cửa: ${code} (hiệu lực ${ONE_TIME_CODE_RULES.validMinutes} phút). Không đưa mã này cho người khác.`, idempotencyKey: `motcua-otp-${id}` });
  } catch {
    // a code the citizen never got must not count against them nor stay usable
    await deps.db.deleteFrom('one_time_codes').where('id', '=', id).execute();
    throw conflict('SMS_NOT_SENT', 'Chưa gửi được tin nhắn mã xác thực. Vui lòng thử lại sau ít phút.');
  }
  return { maskedPhone: mask(phone), expiresAt: expiresAt.toISOString(), validMinutes: ONE_TIME_CODE_RULES.validMinutes };
}

/** Checks a code against the phone's newest live code; a right one is used up and gives a verification. */
export async function verifyOneTimeCode(deps: Omit<OneTimeCodeDeps, 'sms'>, input: { phone: string; purpose: string; code: string }): Promise<PhoneVerification> {
  const phone = mobileOrRefuse(input.phone);
  const now = deps.clock.now();
  const secret = await appointmentSecret(deps.db);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('one_time_codes').select(['id', 'code_hash', 'attempts', 'expires_at'])
      .where('phone', '=', phone).where('purpose', '=', input.purpose).where('used_at', 'is', null)
      .orderBy('created_at', 'desc').limit(1).forUpdate().executeTakeFirst();
    if (!row || row.expires_at <= now) return 'expired' as const;
    if (row.attempts >= ONE_TIME_CODE_RULES.maxAttempts) return 'exhausted' as const;
    const right = /^[0-9]{6}$/.test(input.code) && sameSignature(row.code_hash, codeHash(secret, phone, input.purpose, input.code));
    await trx.updateTable('one_time_codes').set(right ? { used_at: now } : { attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
    if (right) return 'right' as const;
    return row.attempts + 1 >= ONE_TIME_CODE_RULES.maxAttempts ? 'exhausted' as const : 'wrong' as const;
  });
  if (outcome === 'expired') throw validationFailed('ONE_TIME_CODE_EXPIRED', 'Mã xác thực đã hết hạn hoặc chưa được gửi. Vui lòng lấy mã mới.', [{ path: 'code', message: 'hết hạn' }]);
  if (outcome === 'exhausted') throw tooManyRequests('ONE_TIME_CODE_ATTEMPTS', 'Nhập sai quá số lần cho phép. Vui lòng lấy mã mới.');
  if (outcome === 'wrong') throw validationFailed('ONE_TIME_CODE_WRONG', 'Mã xác thực không đúng.', [{ path: 'code', message: 'không đúng' }]);
  const expiresAt = now.getTime() + ONE_TIME_CODE_RULES.verificationMinutes * 60_000;
  return { verification: `${phone}.${expiresAt}.${sign(secret, 'phone-verified', phone, input.purpose, expiresAt)}`, phone, expiresAt: new Date(expiresAt).toISOString() };
}

/** The verified phone (84…) a verification names, if it is genuine, for this purpose and still valid. */
export async function verifiedPhone(db: Database, verification: string, purpose: string, now: Date): Promise<string | null> {
  const [phone = '', expires = '', signature = ''] = verification.split('.');
  const expiresAt = Number(expires);
  if (!/^84[0-9]{9}$/.test(phone) || !Number.isSafeInteger(expiresAt) || expiresAt <= now.getTime()) return null;
  const secret = await appointmentSecret(db);
  return sameSignature(signature, sign(secret, 'phone-verified', phone, purpose, expiresAt)) ? phone : null;
}
