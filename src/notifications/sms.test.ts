// The rules a gateway applies to an SMS: Vietnamese mobile numbers, and segments counted in
// GSM 7-bit (160 / 153) or, as soon as a Vietnamese diacritic appears, UCS-2 (70 / 67).
import { describe, expect, it } from 'vitest';
import { checkSms, countSegments, normalizeVietnameseMobile } from './sms';

describe('SMS segments', () => {
  it.each([
    ['plain ASCII up to 160 is one 7-bit SMS', 'a'.repeat(160), 'gsm7', 160, 1],
    ['161 ASCII characters are two parts of 153', 'a'.repeat(161), 'gsm7', 161, 2],
    ['306 ASCII characters still fit two parts', 'a'.repeat(306), 'gsm7', 306, 2],
    ['307 need three', 'a'.repeat(307), 'gsm7', 307, 3],
    ['extension characters (€ [ ] { }) count two septets', '€'.repeat(80), 'gsm7', 160, 1],
    ['é and à are GSM characters: still 7-bit', 'Café à Paris', 'gsm7', 12, 1],
    ['a Vietnamese diacritic makes it UCS-2', 'Hồ sơ', 'ucs2', 5, 1],
    ['70 UCS-2 characters are one SMS', 'đ'.repeat(70), 'ucs2', 70, 1],
    ['71 are two parts of 67', 'đ'.repeat(71), 'ucs2', 71, 2],
    ['134 still two', 'ư'.repeat(134), 'ucs2', 134, 2],
    ['135 need three', 'ư'.repeat(135), 'ucs2', 135, 3],
  ] as const)('%s', (_name, text, encoding, units, segments) => {
    expect(countSegments(text)).toMatchObject({ encoding, units, segments });
  });

  it('counts decomposed (NFD) diacritics as the composed characters that are sent', () => {
    const nfd = 'Nguyễn Văn An'.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(13);
    expect(countSegments(nfd)).toMatchObject({ encoding: 'ucs2', units: 13, segments: 1 });
  });

  it('never splits an escape pair across two 7-bit parts', () => {
    // 152 plain + '€' (2 septets) does not fit the 153 of the first part: the € opens the second
    expect(countSegments(`${'a'.repeat(152)}€${'a'.repeat(10)}`)).toMatchObject({ units: 164, segments: 2 });
    expect(countSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toMatchObject({ units: 306, segments: 3 });
  });
});

describe('Vietnamese mobile numbers', () => {
  it.each(['0912345678', '0912 345 678', '+84 912.345.678'])('%s → 84912345678 (spaces, dots and +84 dropped)', (input) => {
    expect(normalizeVietnameseMobile(input)).toBe('84912345678');
  });

  it('keeps a number already written with 84', () => {
    expect(normalizeVietnameseMobile('84386123456')).toBe('84386123456');
  });

  it.each(['0868123456', '0703123456', '0523123456'])('%s: its leading 0 becomes 84', (input) => {
    expect(normalizeVietnameseMobile(input)).toBe(`84${input.slice(1)}`);
  });

  it.each([
    ['a landline (02x) receives no SMS', '02773123456'],
    ['an old 11-digit mobile number no longer exists', '01212345678'],
    ['too short', '091234567'],
    ['a foreign number', '+33612345678'],
    ['letters', '09123abc78'],
    ['an unassigned prefix (031)', '0312345678'],
  ])('refuses %s', (_name, input) => {
    expect(normalizeVietnameseMobile(input)).toBeNull();
  });
});

describe('what a gateway accepts', () => {
  const sms = (text: string, to = '0912345678') => ({ to, text, idempotencyKey: 'motcua-outbox-1' });

  it('normalizes the number and the text', () => {
    expect(checkSms(sms('Hồ sơ'.normalize('NFD')))).toMatchObject({ to: '84912345678', text: 'Hồ sơ', count: { encoding: 'ucs2', segments: 1 } });
  });

  it('refuses, permanently, a non-mobile number, an empty text and a text longer than 5 segments', () => {
    expect(() => checkSms(sms('x', '02773123456'))).toThrow(expect.objectContaining({ permanent: true, message: expect.stringContaining('di động') }));
    expect(() => checkSms(sms('  '))).toThrow(expect.objectContaining({ permanent: true }));
    expect(() => checkSms(sms('ơ'.repeat(67 * 5)))).not.toThrow();
    expect(() => checkSms(sms('ơ'.repeat(67 * 5 + 1)))).toThrow(expect.objectContaining({ permanent: true, message: expect.stringContaining('6 tin') }));
  });
});
