// consult (ND 61 art. 19.5): the body asked and the deadline of its reply.
import { inputError, noted, parseInstant, type PayloadArgs, type Payload } from './common';

export function consultPayload(args: PayloadArgs): Payload {
  const { input } = args;
  const base = noted(args);
  if (!input.consultedAgency?.trim()) throw inputError('consultedAgency', 'Cần ghi cơ quan được lấy ý kiến.');
  const replyDueAt = parseInstant(input.replyDueAt, 'replyDueAt', 'thời hạn trả lời');
  return { ...base, consultedAgency: input.consultedAgency.trim(), replyDueAt: replyDueAt.toISOString() };
}
