import { describe, expect, it } from 'vitest';
import { returnPayload } from './return';
import { argsFor, NOW } from './args.test-helper';

const signature = { name: ' Nguyễn Văn An ', signedAt: '2026-03-04T09:55:00+07:00' };

describe('return payload', () => {
  it('records the channel and the recipient\'s name and signing time', () => {
    expect(returnPayload(argsFor({ channel: 'counter', signature }, { role: 'clerk' }))).toEqual({
      reason: undefined, note: undefined, channel: 'counter', signature: { name: 'Nguyễn Văn An', signedAt: '2026-03-04T02:55:00.000Z' },
    });
  });

  it('needs no signature online, and a channel always', () => {
    expect(returnPayload(argsFor({ channel: 'online' }, { role: 'clerk' }))).toMatchObject({ channel: 'online', signature: undefined });
    expect(() => returnPayload(argsFor({}, { role: 'clerk' }))).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'channel' })] }));
    expect(() => returnPayload(argsFor({ channel: 'post' }, { role: 'clerk' }))).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'signature.name' })] }));
  });

  it('refuses a signing time more than a minute ahead of now', () => {
    const ahead = new Date(NOW.getTime() + 61_000).toISOString();
    expect(() => returnPayload(argsFor({ channel: 'counter', signature: { name: 'An', signedAt: ahead } }, { role: 'clerk' })))
      .toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'signature.signedAt' })] }));
  });

  it('lets a courier return by post only (403 CHANNEL_NOT_ALLOWED)', () => {
    expect(() => returnPayload(argsFor({ channel: 'counter', signature }, { role: 'courier' }))).toThrow(expect.objectContaining({ code: 'CHANNEL_NOT_ALLOWED' }));
    expect(returnPayload(argsFor({ channel: 'post', signature }, { role: 'courier' }))).toMatchObject({ channel: 'post' });
  });
});
