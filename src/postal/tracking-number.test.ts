import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTrackingNumber, parseTrackingNumber, s10CheckDigit, s10Remainder } from './tracking-number';

describe('S10 tracking numbers', () => {
  it('computes the check digit of the UPU example and of the edge remainders', () => {
    expect(formatTrackingNumber(12_345_678)).toBe('EB123456785VN');
    expect(s10CheckDigit('00000000')).toBe(5); // remainder 0 → 11 → 5
    expect(s10CheckDigit('00000002')).toBe(8); // 2×7 = 14, remainder 3 → 8
  });

  it('maps remainder 1 to 0 and remainder 0 to 5', () => {
    // 00000010: 1×9 = 9 → 11 − 9 = 2; 00000100: 1×5 = 5 → 6; 01000000: 6 → 5 (remainder 6)
    expect(s10CheckDigit('00000010')).toBe(2);
    expect(s10CheckDigit('00000100')).toBe(6);
    expect(s10CheckDigit('01000000')).toBe(5);
    // 10000001: 8 + 7 = 15, remainder 4 → 7; 00000011: 9 + 7 = 16, remainder 5 → 6
    expect(s10CheckDigit('10000001')).toBe(7);
    expect(s10CheckDigit('00000011')).toBe(6);
    // remainder 1 (sum 12 = 2×6 at the second place) → 10 → 0
    expect(s10CheckDigit('02000000')).toBe(0);
  });

  it('reads a number back with spaces and lower case, and refuses a wrong check digit or shape', () => {
    expect(parseTrackingNumber(' eb 123 456 785 vn ')).toBe('EB123456785VN');
    expect(parseTrackingNumber('EB123456784VN')).toBeNull();
    expect(parseTrackingNumber('EB12345678VN')).toBeNull();
    expect(parseTrackingNumber('E1123456785VN')).toBeNull();
    expect(() => formatTrackingNumber(0)).toThrow(RangeError);
    expect(() => formatTrackingNumber(100_000_000)).toThrow(RangeError);
  });

  it('round-trips every serial', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99_999_999 }), (serial) => {
      const n = formatTrackingNumber(serial);
      expect(parseTrackingNumber(n)).toBe(n);
    }));
  });

  it('detects a single changed check digit always, and a single changed serial digit unless S10 itself maps both remainders to 5', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (serial, place, delta) => {
      const n = formatTrackingNumber(serial);
      const chars = n.split('');
      const at = 2 + place; // 2..9 serial digits, 10 the check digit
      chars[at] = String((Number(chars[at]) + delta) % 10);
      const changed = chars.join('');
      const before = s10Remainder(n.slice(2, 10));
      const after = place === 8 ? before : s10Remainder(changed.slice(2, 10));
      // a changed serial digit always changes the remainder (11 prime, weights < 11)
      if (place < 8) expect(after).not.toBe(before);
      const undetectable = place < 8 && new Set([before, after]).size === 2 && [before, after].every((r) => r === 0 || r === 6);
      expect(parseTrackingNumber(changed) === null).toBe(!undetectable);
    }), { numRuns: 2000 });
  });
});
