// The local mail simulator, active when no SMTP server is configured (MOTCUA_SMTP_URL unset): the
// checks of checkMail, then one row per idempotency key in `mail_simulator_messages` — a shared
// "pickup folder" every instance writes to, readable with any SQL client.
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { simulatedSender, type SimulatedSender } from './channels';
import { addressOf, checkMail, messageIdOf, type OutgoingMail } from './mail';

export type MailSimulator = SimulatedSender<OutgoingMail>;

export function createMailSimulator(deps: { readonly db: Database; readonly clock: Clock }, from = 'motcua@localhost'): MailSimulator {
  return simulatedSender<OutgoingMail>(
    'giả lập thư (chưa đặt MOTCUA_SMTP_URL): thư được ghi vào bảng mail_simulator_messages, không gửi đi',
    'Máy chủ thư giả lập: lỗi tạm thời (theo yêu cầu của bài kiểm thử).',
    async (mail) => {
      const m = checkMail(mail);
      const inserted = await deps.db.insertInto('mail_simulator_messages').values({
        idempotency_key: m.idempotencyKey, from_address: addressOf(from), to_address: m.to, subject: m.subject, text: m.text, accepted_at: deps.clock.now(),
      }).onConflict((oc) => oc.column('idempotency_key').doNothing()).returning('id').executeTakeFirst();
      return { providerId: messageIdOf(m.idempotencyKey, from), ...(inserted ? {} : { duplicate: true }) };
    },
  );
}
