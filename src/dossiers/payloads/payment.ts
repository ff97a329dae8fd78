// requestPayment (the amount asked) and paymentReceived (how it was paid; F766
// `DuocThanhToanTrucTuyen`: 1 national portal, 2 provincial or ministry gateway, 3 not online).
import { inputError, noted, type PayloadArgs, type Payload } from './common';

export const requestPaymentPayload = (args: PayloadArgs): Payload => ({ ...noted(args), amountVnd: args.input.amountVnd });

export function paymentReceivedPayload(args: PayloadArgs): Payload {
  const { input } = args;
  const base = noted(args);
  if (!input.paymentChannel) throw inputError('paymentChannel', 'Cần chọn hình thức nộp phí, lệ phí.');
  const online = input.paymentChannel === 'online_national' || input.paymentChannel === 'online_provincial';
  return { ...base, paymentChannel: input.paymentChannel, online, paidOnlineCode: input.paymentChannel === 'online_national' ? 1 : online ? 2 : 3 };
}
