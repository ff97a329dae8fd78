import { describe, expect, it } from 'vitest';
import { noted, parseInstant, reasoned } from './common';
import { payloadBuilders } from '.';
import { actions } from '../lifecycle';
import { argsFor } from './args.test-helper';

describe('common payload parts', () => {
  it('keeps the reason and the note trimmed, and drops them when blank', () => {
    expect(noted(argsFor({ reason: '  Thiếu bản sao  ', note: ' ' }))).toEqual({ reason: 'Thiếu bản sao', note: undefined });
  });

  it('refuses an action that must say why without a reason (400 ACTION_INPUT_INVALID, path reason)', () => {
    expect(() => reasoned(argsFor({ reason: '   ' }))).toThrow(expect.objectContaining({ code: 'ACTION_INPUT_INVALID', details: [{ path: 'reason', message: 'Cần ghi rõ lý do.' }] }));
    for (const action of ['refuse', 'reject', 'stop'] as const) {
      expect(() => payloadBuilders[action](argsFor({})), action).toThrow(expect.objectContaining({ code: 'ACTION_INPUT_INVALID' }));
    }
  });

  it('parses an ISO instant with a date and a time, and names the field otherwise', () => {
    expect(parseInstant('2026-03-09T10:00:00+07:00', 'newDueAt', 'x').toISOString()).toBe('2026-03-09T03:00:00.000Z');
    expect(() => parseInstant('09/03/2026', 'newDueAt', 'ngày hẹn trả mới')).toThrow(expect.objectContaining({ details: [{ path: 'newDueAt', message: 'Cần ngày hẹn trả mới (thời điểm ISO 8601).' }] }));
    expect(() => parseInstant('2026-03-09', 'newDueAt', 'x')).toThrow();
    expect(() => parseInstant(undefined, 'replyDueAt', 'x')).toThrow();
  });

  it('has a builder for every action', () => {
    expect(Object.keys(payloadBuilders).sort()).toEqual([...actions].sort());
  });
});
