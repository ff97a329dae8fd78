// Mail: the sender interface, the checks every sender applies, and the real adapter over SMTP
// (nodemailer, one connection per message; MOTCUA_SMTP_URL, MOTCUA_MAIL_FROM).
import nodemailer, { type NodemailerError } from 'nodemailer';
import { DeliveryError, type SentReceipt } from './channels';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  /** Plain text, UTF-8. */
  readonly text: string;
  /** The same on every attempt of one outbox row: it becomes the Message-ID, so a retry is recognisable. */
  readonly idempotencyKey: string;
}

export interface MailSender {
  /** What is active, for the start-up log. */
  readonly description: string;
  send(mail: OutgoingMail): Promise<SentReceipt>;
}

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/** An address a mail can be sent to (the check every sender makes first). */
export const isMailAddress = (address: string): boolean => ADDRESS.test(address) && address.length <= 254;

/** The checks a server would make first; a refusal is permanent. */
export function checkMail(mail: OutgoingMail): OutgoingMail {
  if (!isMailAddress(mail.to)) throw new DeliveryError('Địa chỉ thư người nhận không hợp lệ.', { permanent: true });
  if (mail.subject.trim() === '' || /[\r\n]/.test(mail.subject)) throw new DeliveryError('Tiêu đề thư rỗng hoặc có xuống dòng.', { permanent: true });
  if (!/^[\x21-\x7e]{1,100}$/.test(mail.idempotencyKey)) throw new DeliveryError('Khoá chống gửi trùng không hợp lệ.', { permanent: true });
  return { ...mail, subject: mail.subject.normalize('NFC'), text: mail.text.normalize('NFC') };
}

/** The address inside `Tên <addr@domain>` (or the text itself). */
export const addressOf = (from: string): string => /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;

/** Message-ID from the idempotency key: every attempt of one row carries the same. */
export const messageIdOf = (idempotencyKey: string, from: string): string =>
  `<${idempotencyKey}@${addressOf(from).split('@')[1] ?? 'motcua.local'}>`;

export interface SmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. */
  readonly url: string;
  readonly from: string;
  /** Connection, greeting and idle-socket limits in ms (a send must end well within the outbox lease). */
  readonly timeoutMs?: number;
}

function smtpFailure(e: unknown): DeliveryError {
  const err = e as NodemailerError;
  const reply = err.response ? ` (${err.response.slice(0, 200)})` : '';
  // a refused login is the configuration, not the message: tried again once it is fixed
  const permanent = err.permanent === true && err.code !== 'EAUTH';
  return new DeliveryError(`Máy chủ thư từ chối hoặc lỗi kết nối: ${err.code ?? ''} ${err.message}${reply}`.slice(0, 500), { permanent });
}

export function createSmtpSender(options: SmtpOptions): MailSender {
  const timeout = options.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    url: options.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout * 2, dnsTimeout: timeout,
  });
  const server = new URL(options.url);
  return {
    description: `máy chủ SMTP ${server.protocol}//${server.host} (người gửi ${options.from})`,
    async send(mail: OutgoingMail): Promise<SentReceipt> {
      const m = checkMail(mail);
      try {
        const info = await transport.sendMail({
          from: options.from, to: m.to, subject: m.subject, text: m.text,
          messageId: messageIdOf(m.idempotencyKey, options.from),
          // RFC 3834: an automatic message, so no out-of-office reply comes back
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Motcua-Idempotency-Key': m.idempotencyKey },
        });
        if (info.rejected.length > 0) throw new DeliveryError(`Máy chủ thư từ chối người nhận ${info.rejected.join(', ')}.`, { permanent: true });
        return { providerId: info.messageId };
      } catch (e) {
        throw e instanceof DeliveryError ? e : smtpFailure(e);
      }
    },
  };
}
