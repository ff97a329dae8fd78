import { describe, expect, it } from 'vitest';
import { requestSupplementPayload, supplementReceivedPayload } from './supplement';
import { argsFor } from './args.test-helper';

describe('supplement payloads', () => {
  it('asks for a reason, then for every item at once', async () => {
    await expect(requestSupplementPayload(argsFor({ items: ['Bản sao CCCD'] }))).rejects.toMatchObject({ details: [{ path: 'reason' }] });
    await expect(requestSupplementPayload(argsFor({ reason: 'Thiếu giấy tờ', items: [] }))).rejects.toMatchObject({ details: [{ path: 'items' }] });
  });

  it('at intake (no clock running) records the items trimmed, without reading the calendar', async () => {
    await expect(requestSupplementPayload(argsFor({ reason: 'Thiếu giấy tờ', items: [' Bản sao CCCD ', ' '] }, { row: { status: 'submitted', clock_started_at: null } })))
      .resolves.toEqual({ reason: 'Thiếu giấy tờ', note: undefined, items: ['Bản sao CCCD'] });
  });

  it('after a supplement asked at intake, restarts no clock', async () => {
    await expect(supplementReceivedPayload(argsFor({ note: 'Đã nhận đủ' }, { row: { status: 'awaitingSupplement', status_before_supplement: 'submitted' } })))
      .resolves.toEqual({ reason: undefined, note: 'Đã nhận đủ' });
  });
});
