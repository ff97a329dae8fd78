// What an outbox row becomes (DOMAIN §1.4: what the applicant is told and when). Pure: the row,
// the dossier facts loaded for it and the public URL in, a message (or the reason for none) out.
//
// SMS to the applicant are short and carry the dossier code only: no name, no ID number, nothing
// a mistyped phone number would leak beyond the code. Dates are dd/mm/yyyy in Vietnam time.
// `mail.notification` rows (written by notifyUsers) become a mail to the staff member's address.
import type { DossierContact } from '../dossiers/contact';
import type { Action } from '../dossiers/lifecycle';
import { normalizeVietnameseMobile } from './sms';
import { vnWallClock } from '../shared/civil-date';

/** dd/mm/yyyy of an instant in Vietnam time (UTC+7, whatever the server's zone). */
export function formatVnDate(at: Date): string {
  const d = vnWallClock(at.getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.day)}/${two(d.month)}/${d.year}`;
}

/** The public tracking page (dossier code + the 6-digit tracking PIN). */
export const trackingUrlOf = (publicUrl: string): string => `${publicUrl.replace(/\/+$/, '')}/tra-cuu`;

/**
 * The outbox kinds that send an SMS to the applicant: `dossier.received` (intake at a counter or by
 * post), `dossier.submitted` (an online submission, still to be accepted) and these actions.
 */
type SmsKind = 'received' | 'submitted' | Extract<Action, 'receive' | 'requestSupplement' | 'supplementReceived' | 'apologize' | 'markResultReady' | 'reject' | 'refuse' | 'return' | 'stop' | 'withdraw'>;

interface SmsFacts {
  readonly code: string;
  readonly status: string | null;
  /** The appointment this message announces (receipt: the due time; apology: the new date). */
  readonly date: Date | null;
  readonly trackingUrl: string;
  /** The dossier's tracking PIN (src/tracking/pin.ts), sent with the receipt messages. */
  readonly trackingPin: string | null;
  /** Where the applicant sends a supplement online (online dossiers only: /cong-dan/bo-sung/<code>). */
  readonly onlineSupplementUrl: string | null;
}

const withPin = (f: SmsFacts): string => (f.trackingPin ? `, mã tra cứu ${f.trackingPin}` : '');

const accepted = (f: SmsFacts): string => f.date
  ? `Hồ sơ ${f.code} đã được tiếp nhận, hẹn trả kết quả ${formatVnDate(f.date)}. Tra cứu: ${f.trackingUrl}${withPin(f)}`
  : `Hồ sơ ${f.code} đã được tiếp nhận. Tra cứu: ${f.trackingUrl}${withPin(f)}`;

const submitted = (f: SmsFacts): string => `Hồ sơ ${f.code} đã nộp trực tuyến, đang chờ tiếp nhận. Tra cứu: ${f.trackingUrl}${withPin(f)}`;

const smsTexts = {
  // rows queued before online submissions had their own kind say so by their status
  received: (f) => (f.status === 'submitted' ? submitted(f) : accepted(f)),
  // an online dossier is written `submitted`: the one-stop still has to check and accept it (`receive`)
  submitted: (f) => submitted(f),
  receive: accepted,
  // an online dossier's supplement is sent online (issue 15 §2): the link, which carries the code, goes
  // straight to it (the code once keeps the SMS within 2 segments)
  requestSupplement: (f) => f.onlineSupplementUrl
    ? `Hồ sơ cần bổ sung, xem và gửi trực tuyến tại ${f.onlineSupplementUrl}`
    : `Hồ sơ ${f.code} cần bổ sung. Xem yêu cầu bổ sung tại nơi nộp hồ sơ hoặc ${f.trackingUrl}`,
  // the clock restarts from the completed supplement: a new appointment
  supplementReceived: (f) => f.date
    ? `Hồ sơ ${f.code} đã đủ bổ sung, hẹn trả ${formatVnDate(f.date)}. Tra cứu: ${f.trackingUrl}`
    : `Hồ sơ ${f.code} đã đủ bổ sung. Tra cứu: ${f.trackingUrl}`,
  // ND 61 art. 19.9: the apology states the new date
  apologize: (f) => f.date
    ? `Xin lỗi ông/bà, hồ sơ ${f.code} được hẹn trả lại vào ${formatVnDate(f.date)}. Tra cứu: ${f.trackingUrl}`
    : `Xin lỗi ông/bà, hồ sơ ${f.code} được hẹn trả lại; ngày hẹn mới xem tại ${f.trackingUrl}`,
  markResultReady: (f) => `Hồ sơ ${f.code} đã có kết quả, mời ông/bà nhận theo đăng ký. Tra cứu: ${f.trackingUrl}`,
  reject: (f) => `Hồ sơ ${f.code} không đủ điều kiện giải quyết. Lý do xem tại nơi nộp hoặc ${f.trackingUrl}`,
  refuse: (f) => `Hồ sơ ${f.code} không được tiếp nhận. Lý do xem tại nơi nộp hoặc ${f.trackingUrl}`,
  return: (f) => `Hồ sơ ${f.code} đã trả kết quả. Cảm ơn ông/bà!`,
  // ND 118 art. 21: the stop notice, with its reason, is at the place of filing
  stop: (f) => `Hồ sơ ${f.code} đã dừng giải quyết. Lý do xem tại nơi nộp hoặc ${f.trackingUrl}`,
  withdraw: (f) => `Hồ sơ ${f.code} đã được rút theo đề nghị của ông/bà. Tra cứu: ${f.trackingUrl}`,
} as const satisfies Record<SmsKind, (f: SmsFacts) => string>;

const isSmsKind = (k: string): k is SmsKind => Object.hasOwn(smsTexts, k);

/** The dossier kind of an outbox row (`dossier.markResultReady` → markResultReady) when it sends an SMS. */
export function applicantSmsKind(kind: string): SmsKind | null {
  const m = /^dossier\.(\w+)$/.exec(kind);
  return m?.[1] !== undefined && isSmsKind(m[1]) ? m[1] : null;
}

export interface OutboxMessageInput {
  readonly kind: string;
  readonly payload: Record<string, unknown>;
}

export type PlannedMessage =
  | { readonly channel: 'sms'; readonly to: string; readonly text: string }
  | { readonly channel: 'mail'; readonly to: string; readonly subject: string; readonly text: string }
  | { readonly channel: null; readonly skippedReason: string };

const skip = (skippedReason: string): PlannedMessage => ({ channel: null, skippedReason });
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const instant = (v: unknown): Date | null => {
  const s = text(v);
  const d = s === null ? null : new Date(s);
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

/**
 * The outbox kind of the mail copy of an applicant's message (payload: the message's, with `copyOf`
 * its kind), queued by the delivery when the dossier has the applicant's e-mail.
 */
export const APPLICANT_MAIL_KIND = 'mail.applicant';

/** The dossier code an outbox row is about (the applicant SMS kinds and their mail copies), for loading its contact facts. */
export function dossierCodeOf(row: OutboxMessageInput): string | null {
  if (applicantSmsKind(row.kind)) return text(row.payload.code);
  // a postal step's message names the dossier once there is one (its copy keeps the payload)
  if (row.kind.startsWith('postal.')) return text(row.payload.dossierCode);
  return row.kind === APPLICANT_MAIL_KIND ? text(row.payload.code) ?? text(row.payload.dossierCode) : null;
}

/** Whether an outbox row is a message to the applicant that gets a mail copy (the dossier's, or a postal step's). */
export const hasApplicantMailCopy = (kind: string): boolean => applicantSmsKind(kind) !== null || kind.startsWith('postal.');

/** The applicant's e-mail a row's copy goes to: the one the postal step carries, else the dossier's. */
export const applicantEmailOf = (row: OutboxMessageInput, dossier: DossierContact | null): string | null =>
  text(row.payload.email) ?? dossier?.applicantEmail ?? null;

/** The event seq of an action's row (intake rows have none). */
export function eventSeqOf(row: OutboxMessageInput): number | undefined {
  const seq = row.payload.seq;
  return typeof seq === 'number' && Number.isInteger(seq) && seq > 0 ? seq : undefined;
}

/**
 * The message an outbox row becomes. `dossier` is the contact of the row's dossier (loaded by the
 * caller for the applicant SMS kinds, null when the dossier is not found).
 */
export function planMessage(row: OutboxMessageInput, dossier: DossierContact | null, publicUrl: string, trackingPin: string | null = null): PlannedMessage {
  if (row.kind === 'mail.notification') return staffMail(row.payload, publicUrl);
  if (row.kind.startsWith('postal.')) return postalSms(row.kind.slice('postal.'.length), row.payload);
  if (row.kind === 'sms.text') return textSms(row.payload);
  if (row.kind === 'account.assistedFiling') return assistedAccountSms(row.payload, publicUrl);
  if (row.kind === APPLICANT_MAIL_KIND) return applicantMail(row, dossier, publicUrl, trackingPin);
  const kind = applicantSmsKind(row.kind);
  if (!kind) return skip(`Loại "${row.kind}" không gửi thông báo.`);
  if (!dossier) return skip('Không tìm thấy hồ sơ.');
  if (!dossier.applicantPhone) return skip('Người nộp không có số điện thoại.');
  // a landline is not a failed delivery: there is nothing to send it to
  if (!normalizeVietnameseMobile(dossier.applicantPhone)) return skip('Số điện thoại của người nộp không phải số di động: không gửi SMS.');
  return { channel: 'sms', to: dossier.applicantPhone, text: applicantText(kind, row, dossier, publicUrl, trackingPin) };
}

/** What the applicant is told of a dossier event (the SMS, and the body of its mail copy). */
function applicantText(kind: SmsKind, row: OutboxMessageInput, dossier: DossierContact, publicUrl: string, trackingPin: string | null): string {
  const date = kind === 'received'
    ? instant(row.payload.dueAt) ?? dossier.dueAt
    : kind === 'apologize' || kind === 'supplementReceived' ? dossier.event?.newDueAt ?? dossier.dueAt
      : kind === 'receive' ? dossier.dueAt : null;
  const status = text(row.payload.status) ?? dossier.status;
  const onlineSupplementUrl = dossier.channel === 'online' ? `${publicUrl.replace(/\/+$/, '')}/cong-dan/bo-sung/${encodeURIComponent(dossier.code)}` : null;
  return smsTexts[kind]({ code: dossier.code, status, date, trackingUrl: trackingUrlOf(publicUrl), trackingPin, onlineSupplementUrl });
}

const MAIL_FOOTER = 'Thư được gửi tự động từ hệ thống một cửa, vui lòng không trả lời thư này.';

/** A `mail.applicant` row → the same words as the SMS it copies, by mail to the applicant's address. */
export function applicantMail(row: OutboxMessageInput, dossier: DossierContact | null, publicUrl: string, trackingPin: string | null): PlannedMessage {
  const copyOf = text(row.payload.copyOf) ?? '';
  if (copyOf.startsWith('postal.')) return postalMail(copyOf.slice('postal.'.length), row, dossier);
  const kind = applicantSmsKind(copyOf);
  if (!kind) return skip('Thư không nói rõ thông báo nào được gửi.');
  if (!dossier) return skip('Không tìm thấy hồ sơ.');
  if (!dossier.applicantEmail) return skip('Người nộp không có địa chỉ thư điện tử.');
  const body = applicantText(kind, row, dossier, publicUrl, trackingPin);
  return {
    channel: 'mail', to: dossier.applicantEmail, subject: `[Một cửa] Hồ sơ ${dossier.code}`,
    text: `${body}\n\n${MAIL_FOOTER}`,
  };
}

/** The mail copy of a postal step's SMS (src/postal/notify.ts): the same words, to the address the step carries or the dossier's. */
function postalMail(step: string, row: OutboxMessageInput, dossier: DossierContact | null): PlannedMessage {
  const to = applicantEmailOf(row, dossier);
  if (!to) return skip('Người nộp không có địa chỉ thư điện tử.');
  const body = postalText(step, row.payload);
  if (!body) return skip(`Loại "postal.${step}" không gửi thông báo.`);
  const code = text(row.payload.dossierCode);
  return { channel: 'mail', to, subject: code ? `[Một cửa] Hồ sơ ${code}` : `[Một cửa] Bưu gửi ${text(row.payload.trackingNumber) ?? ''}`, text: `${body}\n\n${MAIL_FOOTER}` };
}

/** An `sms.text` row (queueTextSms: appointments) → its text to its phone (payload {to, text}). */
export function textSms(payload: Record<string, unknown>): PlannedMessage {
  const to = text(payload.to);
  const body = text(payload.text);
  if (!to || !body) return skip('Tin nhắn thiếu số điện thoại hoặc nội dung.');
  if (!normalizeVietnameseMobile(to)) return skip('Số điện thoại không phải số di động: không gửi SMS.');
  return { channel: 'sms', to, text: body };
}

/** A `mail.notification` row → the mail to the staff member (payload {to, subject, body, dossierCode}). */
export function staffMail(payload: Record<string, unknown>, publicUrl: string): PlannedMessage {
  const to = text(payload.to);
  const subject = text(payload.subject);
  if (!to) return skip('Thư không có địa chỉ người nhận.');
  if (!subject) return skip('Thư không có tiêu đề.');
  const code = text(payload.dossierCode);
  const base = publicUrl.replace(/\/+$/, '');
  const lines = [
    text(payload.body) ?? '',
    '',
    ...(code ? [`Hồ sơ: ${code}`, `Xem hồ sơ: ${base}/xu-ly/ho-so/${encodeURIComponent(code)}`] : [`Hệ thống: ${base}`]),
    '',
    '--',
    'Thư tự động từ hệ thống Một cửa; vui lòng không trả lời thư này.',
  ];
  return { channel: 'mail', to, subject: `[Một cửa] ${subject.replace(/[\r\n]+/g, ' ')}`, text: lines.join('\n') };
}

/**
 * The postal service's SMS to the applicant at each step (src/postal/notify.ts; QĐ 45/2016/QĐ-TTg
 * art. 8, TT 17/2017/TT-BTTTT art. 12): the row carries the phone and the tracking number (there may
 * be no dossier yet), the dossier code once there is one — never a name or an ID number.
 */
export function postalSms(step: string, payload: Record<string, unknown>): PlannedMessage {
  const phone = text(payload.phone);
  if (!phone || !text(payload.trackingNumber)) return skip('Tin bưu chính thiếu số điện thoại hoặc số hiệu bưu gửi.');
  if (!normalizeVietnameseMobile(phone)) return skip('Số điện thoại của người nộp không phải số di động: không gửi SMS.');
  const body = postalText(step, payload);
  return body ? { channel: 'sms', to: phone, text: body } : skip(`Loại "postal.${step}" không gửi thông báo.`);
}

/** The words of a postal step's message (the SMS, and the body of its mail copy); null for an unknown step or no tracking number. */
export function postalText(step: string, payload: Record<string, unknown>): string | null {
  const n = text(payload.trackingNumber);
  if (!n) return null;
  const date = instant(payload.date);
  const code = text(payload.dossierCode);
  const reason = text(payload.reason);
  const texts: Record<string, string> = {
    pickupRequested: `Bưu điện đã nhận yêu cầu lấy hồ sơ tại nhà${date ? ` ngày ${formatVnDate(date)}` : ''}, số hiệu ${n}.`,
    pickupAssigned: `Bưu tá sẽ đến lấy hồ sơ${date ? ` ngày ${formatVnDate(date)}` : ''}, số hiệu ${n}.`,
    collected: `Bưu điện đã nhận và niêm phong hồ sơ của ông/bà, số hiệu ${n}.`,
    handedOver: code
      ? `Hồ sơ ${code} (bưu gửi ${n}) đã được bàn giao cho cơ quan${date ? `, hẹn trả ${formatVnDate(date)}` : ''}.`
      : `Bưu gửi ${n} đã được bàn giao cho cơ quan giải quyết.`,
    resultOnItsWay: `Kết quả hồ sơ ${code ?? ''} sẽ được bưu điện phát tới ông/bà, số hiệu ${n}.`,
    delivered: `Kết quả${code ? ` hồ sơ ${code}` : ''} (bưu gửi ${n}) đã được phát thành công. Cảm ơn ông/bà!`,
    failedAttempt: `Bưu tá chưa phát được kết quả (bưu gửi ${n})${reason ? `: ${reason}` : ''}. Bưu điện sẽ phát lại.`,
    returnedToAgency: `Kết quả (bưu gửi ${n}) chưa phát được sau 2 lần, đã chuyển lại cơ quan; mời ông/bà đến nhận.`,
  };
  return texts[step] ?? null;
}

/**
 * `account.assistedFiling` (src/identity, issue 15 §3): the citizen whose dossier staff filed is told
 * the account it is in and how to sign in — by VNeID on the portal's sign-in page (the personal ID
 * the clerk checked is verified), or with a password set through the phone's one-time code at
 * /quen-mat-khau (the account has none yet); "Hồ sơ của tôi" lists the dossier once signed in.
 */
export function assistedAccountSms(payload: Record<string, unknown>, publicUrl: string): PlannedMessage {
  const phone = text(payload.phone);
  const username = text(payload.username);
  const code = text(payload.dossierCode);
  if (!phone || !username || !code) return skip('Tin tài khoản thiếu số điện thoại, tên đăng nhập hoặc mã hồ sơ.');
  const opened = payload.created === true ? 'Tài khoản dịch vụ công của ông/bà đã được mở' : 'Hồ sơ đã vào tài khoản dịch vụ công của ông/bà';
  const base = publicUrl.replace(/\/+$/, '');
  return { channel: 'sms', to: phone, text: `${opened} (tên đăng nhập ${username}). Đăng nhập bằng VNeID hoặc đặt mật khẩu tại ${base}/quen-mat-khau để theo dõi hồ sơ ${code}.` };
}
