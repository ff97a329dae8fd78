// SMS: the sender interface and the rules every gateway applies, shared by the HTTP adapter and
// the simulator so that a message the simulator accepts is one a gateway accepts. Pure.
//
// Segments (3GPP TS 23.038 / 23.040): a text made only of GSM 03.38 characters is sent in 7-bit
// (160 characters in one SMS, 153 per part of a multipart one; characters of the extension table
// such as € [ ] { } count two); any other character — Vietnamese diacritics (ă â đ ê ô ơ ư ạ ế …)
// are — makes the whole message UCS-2: 70 characters in one SMS, 67 per part.
import { DeliveryError, type SentReceipt } from './channels';

export interface OutgoingSms {
  /** Vietnamese mobile number as entered (0912 345 678, +84912345678…); normalized by the sender. */
  readonly to: string;
  readonly text: string;
  /** The same on every attempt of one outbox row: a gateway accepts it once. */
  readonly idempotencyKey: string;
}

export interface SmsSender {
  /** What is active, for the start-up log ("HTTP gateway sms.example.vn", "simulator"). */
  readonly description: string;
  send(sms: OutgoingSms): Promise<SentReceipt>;
}

/** Longest message accepted, in segments (a gateway concatenates up to this many parts). */
export const MAX_SEGMENTS = 5;

const GSM_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';
const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SegmentCount {
  readonly encoding: SmsEncoding;
  /** Length in the encoding's units: septets (extension characters count 2) or UTF-16 code units. */
  readonly units: number;
  readonly segments: number;
  /** Units per segment for this message: 160 / 153 (gsm7), 70 / 67 (ucs2). */
  readonly perSegment: number;
}

/** The encoding and number of segments of a text (NFC-normalized first, as it is sent). */
export function countSegments(text: string): SegmentCount {
  const t = text.normalize('NFC');
  const chars = [...t];
  if (chars.every((c) => basic.has(c) || extension.has(c))) {
    const units = chars.reduce((n, c) => n + (extension.has(c) ? 2 : 1), 0);
    if (units <= 160) return { encoding: 'gsm7', units, segments: units === 0 ? 0 : 1, perSegment: 160 };
    // an escape pair is never split across two parts
    let segments = 1;
    let used = 0;
    for (const c of chars) {
      const w = extension.has(c) ? 2 : 1;
      if (used + w > 153) { segments++; used = 0; }
      used += w;
    }
    return { encoding: 'gsm7', units, segments, perSegment: 153 };
  }
  const units = t.length;
  if (units <= 70) return { encoding: 'ucs2', units, segments: 1, perSegment: 70 };
  // a surrogate pair (an emoji) is never split across two parts
  let segments = 1;
  let used = 0;
  for (const c of chars) {
    if (used + c.length > 67) { segments++; used = 0; }
    used += c.length;
  }
  return { encoding: 'ucs2', units, segments, perSegment: 67 };
}

// Mobile prefixes after 84 in use since the 2018 renumbering (Viettel 03x, 086, 096–098;
// VinaPhone 081–085, 088, 091, 094; MobiFone 070, 076–079, 089, 090, 093; Vietnamobile 052,
// 056, 058, 092; Gmobile 059, 099; Itel 087; Reddi 055). Landlines (02x) receive no SMS.
const MOBILE = /^84(3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}$/;

/** The number as a gateway wants it (84xxxxxxxxx), or null when it is not a Vietnamese mobile. */
export function normalizeVietnameseMobile(input: string): string | null {
  const digits = input.trim().replace(/[\s.\-()]/g, '');
  let n: string;
  if (/^\+84\d+$/.test(digits)) n = digits.slice(1);
  else if (/^84\d{9}$/.test(digits)) n = digits;
  else if (/^0\d{9}$/.test(digits)) n = `84${digits.slice(1)}`;
  else return null;
  return MOBILE.test(n) ? n : null;
}

export interface CheckedSms {
  readonly to: string;
  readonly text: string;
  readonly count: SegmentCount;
}

/** What a gateway checks before it accepts a message; a refusal is permanent (retrying cannot help). */
export function checkSms(sms: OutgoingSms, maxSegments = MAX_SEGMENTS): CheckedSms {
  const to = normalizeVietnameseMobile(sms.to);
  if (!to) throw new DeliveryError('Số điện thoại không phải số di động Việt Nam.', { permanent: true });
  const text = sms.text.normalize('NFC');
  if (text.trim() === '') throw new DeliveryError('Tin nhắn rỗng.', { permanent: true });
  const count = countSegments(text);
  if (count.segments > maxSegments) {
    throw new DeliveryError(`Tin nhắn dài ${count.units} ký tự (${count.encoding === 'ucs2' ? 'có dấu, UCS-2' : 'GSM 7-bit'}) = ${count.segments} tin, quá ${maxSegments} tin.`, { permanent: true });
  }
  if (!/^[\x21-\x7e]{1,100}$/.test(sms.idempotencyKey)) throw new DeliveryError('Khoá chống gửi trùng không hợp lệ.', { permanent: true });
  return { to, text, count };
}
