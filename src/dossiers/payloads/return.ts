// return (ND 61 art. 20): the channel, and the recipient's name and signing time (required
// except online); couriers return by post only.
import { can } from '../../accounts/policy';
import { forbidden } from '../../platform/errors';
import type { Signature } from '../model';
import { inputError, noted, parseInstant, type PayloadArgs, type Payload } from './common';

/** How far ahead of the server's clock a signing time may be (clock skew of the signing pad). */
const SIGNING_SKEW_MS = 60_000;

export function returnPayload(args: PayloadArgs): Payload {
  const { ctx, input, now } = args;
  const base = noted(args);
  if (!input.channel) throw inputError('channel', 'Cần chọn hình thức trả kết quả (tại quầy, bưu chính, trực tuyến).');
  if (ctx.actor && can(ctx.actor, 'postal.courier') && input.channel !== 'post') throw forbidden('CHANNEL_NOT_ALLOWED', 'Bưu tá chỉ trả kết quả qua bưu chính.');
  let signature: Signature | undefined;
  if (input.channel !== 'online' || input.signature) {
    const s = input.signature;
    if (!s?.name.trim()) throw inputError('signature.name', 'Cần họ tên và chữ ký của người nhận kết quả.');
    const signedAt = parseInstant(s.signedAt, 'signature.signedAt', 'thời điểm ký nhận');
    if (signedAt.getTime() > now.getTime() + SIGNING_SKEW_MS) throw inputError('signature.signedAt', 'Thời điểm ký nhận không được ở tương lai.');
    signature = { name: s.name.trim(), signedAt: signedAt.toISOString() };
  }
  return { ...base, channel: input.channel, signature };
}
