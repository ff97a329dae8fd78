import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterErrorRate, editDistance, normaliseForCer } from './ocr-cer';

describe('character error rate', () => {
  it('is zero for the same Vietnamese text, whatever the blank lines and spacing', () => {
    const reference = 'Nơi cư trú: Phường Cao Lãnh, tỉnh Đồng Tháp\nNgày, tháng, năm sinh: 07/12/2026';
    const recognised = '  Nơi cư trú:  Phường Cao Lãnh, tỉnh Đồng Tháp \n\n Ngày, tháng, năm sinh: 07/12/2026\n';
    expect(characterErrorRate(reference, recognised)).toEqual({ errors: 0, referenceLength: 77, rate: 0 });
  });

  it('counts a wrong tone mark as one error on one character, decomposed or not', () => {
    // "Lãnh" read as "Lõnh": ã → õ is one substitution; the reference is written decomposed (NFD).
    const result = characterErrorRate('Cao Lãnh'.normalize('NFD'), 'Cao Lõnh');
    expect(result.errors).toBe(1);
    expect(result.referenceLength).toBe(8);
    expect(result.rate).toBeCloseTo(0.125, 10);
  });

  it('counts insertions and deletions', () => {
    // "Lãnh" read as "Lõỡnh": one substitution and one insertion
    expect(characterErrorRate('Cao Lãnh', 'Cao Lõỡnh').errors).toBe(2);
    expect(characterErrorRate('Đồng Tháp', 'Đồng Thp').errors).toBe(1);
    expect(characterErrorRate('087301004512', '').rate).toBe(1);
  });

  it('is zero for two empty texts and grows with text read from an empty page', () => {
    expect(characterErrorRate('', '\n\n').rate).toBe(0);
    expect(characterErrorRate('', 'abc').rate).toBe(3);
  });

  it('keeps lines apart: joining two lines is one error', () => {
    expect(characterErrorRate('Độc lập\nTự do', 'Độc lập Tự do').errors).toBe(1);
  });

  it('edit distance is a metric on all inputs: symmetric, zero only for equals, triangle inequality', () => {
    const word = fc.array(fc.constantFrom('a', 'ă', 'â', 'ơ', 'ô', 'ễ', 'đ', ' ', '1'), { maxLength: 12 });
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        const ab = editDistance(a, b);
        expect(ab).toBe(editDistance(b, a));
        expect(ab === 0).toBe(a.join('\u0001') === b.join('\u0001'));
        expect(ab).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(ab).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(editDistance(a, c)).toBeLessThanOrEqual(ab + editDistance(b, c));
      }),
    );
  });

  it('normalises any text to NFC lines with no blank runs', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const out = normaliseForCer(text);
        expect(out).toBe(out.normalize('NFC'));
        expect(out).not.toMatch(/\n\n|^\s|\s$| {2}/u);
        expect(normaliseForCer(out)).toBe(out);
      }),
    );
  });
});
