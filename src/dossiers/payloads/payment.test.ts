import { describe, expect, it } from 'vitest';
import { paymentReceivedPayload, requestPaymentPayload } from './payment';
import { argsFor } from './args.test-helper';

describe('payment payloads', () => {
  it('records the amount asked', () => {
    expect(requestPaymentPayload(argsFor({ amountVnd: 150_000 }))).toMatchObject({ amountVnd: 150_000 });
  });

  it('codes how the fee was paid as F766 does: 1 national portal, 2 provincial gateway, 3 not online', () => {
    expect(paymentReceivedPayload(argsFor({ paymentChannel: 'online_national' }))).toMatchObject({ online: true, paidOnlineCode: 1 });
    expect(paymentReceivedPayload(argsFor({ paymentChannel: 'online_provincial' }))).toMatchObject({ online: true, paidOnlineCode: 2 });
    for (const paymentChannel of ['counter', 'postal', 'transfer'] as const) {
      expect(paymentReceivedPayload(argsFor({ paymentChannel }))).toMatchObject({ paymentChannel, online: false, paidOnlineCode: 3 });
    }
  });

  it('needs the channel', () => {
    expect(() => paymentReceivedPayload(argsFor({}))).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'paymentChannel' })] }));
  });
});
