// The local SMS simulator, active when no gateway is configured (MOTCUA_SMS_URL unset): it applies
// a gateway's checks (checkSms: Vietnamese mobile number, at most MAX_SEGMENTS segments counted
// in GSM 7-bit or UCS-2) and records each message it accepts in `sms_simulator_messages`, once
// per idempotency key, as a de-duplicating gateway does. Tests can make it fail.
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { simulatedSender, type SimulatedSender } from './channels';
import { checkSms, MAX_SEGMENTS, type OutgoingSms } from './sms';

export type SmsSimulator = SimulatedSender<OutgoingSms>;

export function createSmsSimulator(deps: { readonly db: Database; readonly clock: Clock }, options: { readonly maxSegments?: number } = {}): SmsSimulator {
  return simulatedSender<OutgoingSms>(
    'giả lập SMS (chưa đặt MOTCUA_SMS_URL): tin nhắn được ghi vào bảng sms_simulator_messages, không gửi đi',
    'Cổng SMS giả lập: lỗi tạm thời (theo yêu cầu của bài kiểm thử).',
    async (sms) => {
      const checked = checkSms(sms, options.maxSegments ?? MAX_SEGMENTS);
      const inserted = await deps.db.insertInto('sms_simulator_messages').values({
        idempotency_key: sms.idempotencyKey, to_number: checked.to, text: checked.text,
        encoding: checked.count.encoding, segments: checked.count.segments, accepted_at: deps.clock.now(),
      }).onConflict((oc) => oc.column('idempotency_key').doNothing()).returning('id').executeTakeFirst();
      if (inserted) return { providerId: `sim-sms-${inserted.id}` };
      const first = await deps.db.selectFrom('sms_simulator_messages').select('id').where('idempotency_key', '=', sms.idempotencyKey).executeTakeFirstOrThrow();
      return { providerId: `sim-sms-${first.id}`, duplicate: true };
    },
  );
}
