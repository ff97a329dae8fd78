import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanJsonText, hiddenCharacterIn, nameProblem, stripHidden } from './text';

describe('text people type', () => {
  it.each([
    ['a NUL', 'A\u0000B', 'U+0000'],
    ['a C1 control', 'Lê\u0085Văn', 'U+0085'],
    ['a Hangul filler (looks empty)', '\u3164', 'U+3164'],
  ])('refuses a name with %s (a control character, or looks empty)', (_what, name, code) => {
    expect(nameProblem(name)).toContain(code);
  });

  it.each([
    ['a right-to-left override', 'Nguy\u202Eễn Văn An', 'U+202E'],
    ['a zero-width space', 'Nguyễn\u200BVăn An', 'U+200B'],
    ['a first-strong isolate', 'Trần \u2068Thị\u2069 Bình', 'U+2068'],
    ['a byte-order mark', '\uFEFFPhạm Văn C', 'U+FEFF'],
  ])('refuses a name with %s (reorders or hides text)', (_what, name, code) => {
    expect(nameProblem(name)).toContain(code);
  });

  it('accepts Vietnamese names in any Unicode form, and refuses line breaks in a name', () => {
    expect(nameProblem('Nguyễn Thị Ánh Tuyết')).toBeNull();
    expect(nameProblem('Nguye\u0302\u0303n Thi\u0323')).toBeNull();
    expect(nameProblem('Nguyễn\nVăn')).not.toBeNull();
  });

  it('makes every string of a body NFC, refuses hidden characters in names and drops them from free text', () => {
    const { value, problems } = cleanJsonText({
      applicant: { fullName: 'Nguye\u0302\u0303n Va\u0306n An' },
      reason: 'Thiếu\u00AD giấy\u200B tờ\nbổ sung',
      password: 'Mật\u0301-khẩu',
      items: [{ name: 'Giấy\u202Echứng sinh' }],
    });
    expect(value).toEqual({
      applicant: { fullName: 'Nguyễn Văn An' },
      reason: 'Thiếu giấy tờ\nbổ sung',
      password: 'Mật\u0301-khẩu', // secrets byte for byte
      items: [{ name: 'Giấy\u202Echứng sinh' }],
    });
    expect(problems).toEqual([{ path: 'body/items/0/name', message: expect.stringContaining('U+202E') }]);
  });

  it('leaves no hidden character in free text, whatever was typed', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(hiddenCharacterIn(stripHidden(s))).toBeNull();
    }));
  });
});
