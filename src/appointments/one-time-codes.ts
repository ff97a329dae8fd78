// One-time codes that verify a phone (issue 14 §3; the portal reuses them): 6 digits sent by SMS
// at once (through the SMS adapter, not the outbox's minute poll), valid a few minutes, at most 5
// tries, rate-limited per phone and per client address, stored as an HMAC under the deployment's
// secret. A right code gives a signed phone verification that a booking (or another use) presents.
// The same codes verify an e-mail address (issue 15 §1, migration 0152): sent at once by mail through
// the configured mail adapter (SMTP, or the simulator), with the same rules per address.
import { randomInt } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import type { DB } from '../platform/db/schema';
import { isMailAddress, type MailSender } from '../notifications/mail';
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

/** An e-mail address as stored and compared: trimmed, NFC, lower case; refused (400) when it is not one. */
export function emailOrRefuse(email: string): string {
  const address = email.normalize('NFC').trim().toLowerCase();
  if (!isMailAddress(address)) throw validationFailed('EMAIL_INVALID', 'Địa chỉ thư điện tử không hợp lệ (ví dụ ten@example.vn).', [{ path: 'email', message: 'không hợp lệ' }]);
  return address;
}

/** Where a code goes: a phone (84…) by SMS, or an e-mail address by mail. */
type Destination = { readonly column: 'phone'; readonly value: string } | { readonly column: 'email'; readonly value: string };

const codeHash = (secret: string, destination: string, purpose: string, code: string): string => sign(secret, 'otp', destination, purpose, code);
const codeText = (code: string): string =>
  `Mã xác thực Một cửa: ${code} (hiệu lực ${ONE_TIME_CODE_RULES.validMinutes} phút). Không đưa mã này cho người khác.`;

/** Refused (429, with the wait) when the destination or the client address has had its codes. */
async function refuseOverLimit(trx: Transaction<DB>, destination: Destination, clientAddress: string, now: Date): Promise<void> {
  for (const [column, value, limits] of [[destination.column, destination.value, ONE_TIME_CODE_RULES.perPhone], ['client_address', clientAddress, ONE_TIME_CODE_RULES.perAddress]] as const) {
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
}

/** Writes a new code for the destination (within its limits) and hands it to `deliver` at once; a code that could not leave is deleted. */
async function issueCode(
  deps: { readonly db: Database; readonly clock: Clock },
  input: { destination: Destination; purpose: string; clientAddress: string },
  deliver: (code: string, id: number) => Promise<void>,
): Promise<Date> {
  const { destination } = input;
  const now = deps.clock.now();
  const secret = await appointmentSecret(deps.db);
  const code = String(randomInt(0, 10 ** ONE_TIME_CODE_RULES.digits)).padStart(ONE_TIME_CODE_RULES.digits, '0');
  const expiresAt = new Date(now.getTime() + ONE_TIME_CODE_RULES.validMinutes * 60_000);
  const id = await deps.db.transaction().execute(async (trx) => {
    // one sender at a time per destination and per address, so that the counts are exact under concurrency
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`otp-${destination.column}:${destination.value}`}))`.execute(trx);
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`otp-addr:${input.clientAddress}`}))`.execute(trx);
    await refuseOverLimit(trx, destination, input.clientAddress, now);
    const row = await trx.insertInto('one_time_codes').values({
      phone: destination.column === 'phone' ? destination.value : null, email: destination.column === 'email' ? destination.value : null,
      purpose: input.purpose, code_hash: codeHash(secret, destination.value, input.purpose, code), client_address: input.clientAddress,
      created_at: now, expires_at: expiresAt,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  });
  try {
    await deliver(code, id);
  } catch {
    // a code the citizen never got must not count against them nor stay usable
    await deps.db.deleteFrom('one_time_codes').where('id', '=', id).execute();
    throw destination.column === 'phone'
      ? conflict('SMS_NOT_SENT', 'Chưa gửi được tin nhắn mã xác thực. Vui lòng thử lại sau ít phút.')
      : conflict('MAIL_NOT_SENT', 'Chưa gửi được thư có mã xác thực. Vui lòng thử lại sau ít phút.');
  }
  return expiresAt;
}

/** Sends a new code to the phone now. Refused (429, with the wait) past the phone's or the address's limit. */
export async function sendOneTimeCode(deps: OneTimeCodeDeps, input: { phone: string; purpose: string; clientAddress: string }): Promise<CodeSent> {
  const phone = mobileOrRefuse(input.phone);
  const expiresAt = await issueCode(deps, { destination: { column: 'phone', value: phone }, purpose: input.purpose, clientAddress: input.clientAddress },
    async (code, id) => { await deps.sms.send({ to: phone, text: codeText(code), idempotencyKey: `motcua-otp-${id}` }); });
  return { maskedPhone: mask(phone), expiresAt: expiresAt.toISOString(), validMinutes: ONE_TIME_CODE_RULES.validMinutes };
}

/** `an.nguyen@example.vn` → `a******n@example.vn`: enough for the citizen to recognise, little for anyone else. */
export const maskEmail = (email: string): string => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(1, local.length - 2))}${local.length > 1 ? local.slice(-1) : ''}@${domain}`;
};

/** Sends a new code to the e-mail address now, by mail (the same rules and limits as a phone's). */
export async function sendMailCode(
  deps: { readonly db: Database; readonly clock: Clock; readonly mail: MailSender },
  input: { email: string; purpose: string; clientAddress: string },
): Promise<{ maskedEmail: string; expiresAt: string; validMinutes: number }> {
  const email = emailOrRefuse(input.email);
  const expiresAt = await issueCode(deps, { destination: { column: 'email', value: email }, purpose: input.purpose, clientAddress: input.clientAddress },
    async (code, id) => {
      await deps.mail.send({ to: email, subject: `[Một cửa] Mã xác thực ${code}`, text: `${codeText(code)}\n\nNếu bạn không yêu cầu mã này, hãy bỏ qua thư.`, idempotencyKey: `motcua-otp-${id}` });
    });
  return { maskedEmail: maskEmail(email), expiresAt: expiresAt.toISOString(), validMinutes: ONE_TIME_CODE_RULES.validMinutes };
}

/** Checks a code against the destination's newest live code for the purpose; a right one is used up. Throws otherwise. */
async function useCode(deps: { readonly db: Database; readonly clock: Clock }, destination: Destination, purpose: string, code: string): Promise<Date> {
  const now = deps.clock.now();
  const secret = await appointmentSecret(deps.db);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('one_time_codes').select(['id', 'code_hash', 'attempts', 'expires_at'])
      .where(destination.column, '=', destination.value).where('purpose', '=', purpose).where('used_at', 'is', null)
      .orderBy('created_at', 'desc').limit(1).forUpdate().executeTakeFirst();
    if (!row || row.expires_at <= now) return 'expired' as const;
    if (row.attempts >= ONE_TIME_CODE_RULES.maxAttempts) return 'exhausted' as const;
    const right = /^[0-9]{6}$/.test(code) && sameSignature(row.code_hash, codeHash(secret, destination.value, purpose, code));
    await trx.updateTable('one_time_codes').set(right ? { used_at: now } : { attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
    if (right) return 'right' as const;
    return row.attempts + 1 >= ONE_TIME_CODE_RULES.maxAttempts ? 'exhausted' as const : 'wrong' as const;
  });
  if (outcome === 'expired') throw validationFailed('ONE_TIME_CODE_EXPIRED', 'Mã xác thực đã hết hạn hoặc chưa được gửi. Vui lòng lấy mã mới.', [{ path: 'code', message: 'hết hạn' }]);
  if (outcome === 'exhausted') throw tooManyRequests('ONE_TIME_CODE_ATTEMPTS', 'Nhập sai quá số lần cho phép. Vui lòng lấy mã mới.');
  if (outcome === 'wrong') throw validationFailed('ONE_TIME_CODE_WRONG', 'Mã xác thực không đúng.', [{ path: 'code', message: 'không đúng' }]);
  return now;
}

/** Checks a code against the phone's newest live code; a right one is used up and gives a verification. */
export async function verifyOneTimeCode(deps: Omit<OneTimeCodeDeps, 'sms'>, input: { phone: string; purpose: string; code: string }): Promise<PhoneVerification> {
  const phone = mobileOrRefuse(input.phone);
  const now = await useCode(deps, { column: 'phone', value: phone }, input.purpose, input.code);
  const secret = await appointmentSecret(deps.db);
  const expiresAt = now.getTime() + ONE_TIME_CODE_RULES.verificationMinutes * 60_000;
  return { verification: `${phone}.${expiresAt}.${sign(secret, 'phone-verified', phone, input.purpose, expiresAt)}`, phone, expiresAt: new Date(expiresAt).toISOString() };
}

/** Checks a code sent to the e-mail address; a right one is used up. The address as stored (lower case). */
export async function verifyMailCode(deps: { readonly db: Database; readonly clock: Clock }, input: { email: string; purpose: string; code: string }): Promise<string> {
  const email = emailOrRefuse(input.email);
  await useCode(deps, { column: 'email', value: email }, input.purpose, input.code);
  return email;
}

/** The verified phone (84…) a verification names, if it is genuine, for this purpose and still valid. */
export async function verifiedPhone(db: Database, verification: string, purpose: string, now: Date): Promise<string | null> {
  const [phone = '', expires = '', signature = ''] = verification.split('.');
  const expiresAt = Number(expires);
  if (!/^84[0-9]{9}$/.test(phone) || !Number.isSafeInteger(expiresAt) || expiresAt <= now.getTime()) return null;
  const secret = await appointmentSecret(db);
  return sameSignature(signature, sign(secret, 'phone-verified', phone, purpose, expiresAt)) ? phone : null;
}
