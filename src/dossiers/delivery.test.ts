import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../platform/errors';
import { chooseDelivery, type DeliveryInput } from './delivery';
import type { Channel } from './model';

const open = { postalAllowed: true, onlineLevel: 'partial' as const };
const noPostNoOnline = { postalAllowed: false, onlineLevel: 'none' as const };

const run = (input: DeliveryInput | undefined, channel: Channel = 'counter', procedure: typeof open | typeof noPostNoOnline = open) => {
  const problems: ErrorDetail[] = [];
  return { delivery: chooseDelivery(input, channel, procedure, problems), problems };
};

describe('the result-delivery method chosen at intake', () => {
  it.each([
    ['no choice at the counter', undefined, 'counter', { method: 'counter', address: null }],
    ['no choice online', undefined, 'online', { method: 'online', address: null }],
    ['at the counter', { method: 'counter' }, 'counter', { method: 'counter', address: null }],
    ['by post, the address trimmed', { method: 'post', address: '  Số 12, ấp Mỹ Phú, xã Mỹ Tân ' }, 'counter', { method: 'post', address: 'Số 12, ấp Mỹ Phú, xã Mỹ Tân' }],
    ['online from a counter intake', { method: 'online' }, 'counter', { method: 'online', address: null }],
  ] as const)('%s', (_name, input, channel, expected) => {
    const r = run(input, channel);
    expect(r.problems).toEqual([]);
    expect(r.delivery).toEqual(expected);
  });

  it.each([
    ['by post without an address', { method: 'post' }, open, 'delivery.address', 'cần nhập địa chỉ nhận'],
    ['by post with a blank address', { method: 'post', address: '   ' }, open, 'delivery.address', 'cần nhập địa chỉ nhận'],
    ['by post, address too long', { method: 'post', address: 'x'.repeat(301) }, open, 'delivery.address', 'dài quá 300'],
    ['an address with delivery at the counter', { method: 'counter', address: 'Số 1' }, open, 'delivery.address', 'Chỉ nhập địa chỉ khi nhận kết quả qua bưu chính'],
    ['by post for a procedure without postal service', { method: 'post', address: 'Số 12, ấp Mỹ Phú' }, noPostNoOnline, 'delivery.method', 'không trả kết quả qua dịch vụ bưu chính'],
    ['online for a procedure without online service', { method: 'online' }, noPostNoOnline, 'delivery.method', 'chưa trả kết quả trực tuyến'],
    ['an unknown method', { method: 'fax' as 'post' }, open, 'delivery.method', 'tại quầy, qua bưu chính hoặc trực tuyến'],
  ] as const)('refuses %s with a Vietnamese message', (_name, input, procedure, path, text) => {
    const r = run(input as DeliveryInput, 'counter', procedure);
    expect(r.problems).toEqual([expect.objectContaining({ path, message: expect.stringContaining(text) })]);
  });
});
