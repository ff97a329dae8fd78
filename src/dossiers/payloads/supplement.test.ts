import { describe, expect, it } from 'vitest';
import { checkReceivedPapers, requestSupplementPayload } from './supplement';
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

  it('records the papers that came, in the order of the request, only when every requested one came', () => {
    const requested = ['Bản sao CCCD', 'Giấy chứng sinh'];
    expect(checkReceivedPapers(requested, [' Giấy chứng sinh', 'Bản sao CCCD'])).toEqual(['Bản sao CCCD', 'Giấy chứng sinh']);
    expect(() => checkReceivedPapers(requested, ['Giấy chứng sinh'])).toThrow(expect.objectContaining({
      details: [{ path: 'receivedPapers', message: 'Chưa nhận đủ giấy tờ đã yêu cầu bổ sung; còn thiếu: Bản sao CCCD.' }],
    }));
    expect(() => checkReceivedPapers(requested, undefined)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'receivedPapers' })] }));
    expect(() => checkReceivedPapers(requested, ['Bản sao CCCD', 'Giấy chứng sinh', 'Sổ hộ khẩu'])).toThrow(expect.objectContaining({
      details: [{ path: 'receivedPapers/2', message: '"Sổ hộ khẩu" không có trong yêu cầu bổ sung.' }],
    }));
  });
});
