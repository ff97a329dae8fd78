import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taxCodeCheckDigit, taxCodeProblem } from './applicant-kinds';

describe('the tax code (mã số thuế) check', () => {
  it.each(['0100047516', '0100233488', '0314409058', '0314409058-002', '1401234568'])('accepts %s', (code) => {
    expect(taxCodeProblem(code)).toBeNull();
  });

  // 0100047517: the last digit changed; 0100047561: two digits swapped
  it.each(['0100047517', '0100047561', '1401234567'])('refuses %s (chữ số kiểm tra)', (code) => {
    expect(taxCodeProblem(code)).toContain('chữ số kiểm tra');
  });

  it.each(['010004751', '01000475166', '01000A7516'])('refuses %s (10 chữ số)', (code) => {
    expect(taxCodeProblem(code)).toContain('10 chữ số');
  });

  it.each(['0100047516-000', '0012345678'])('refuses %s (không hợp lệ)', (code) => {
    expect(taxCodeProblem(code)).toContain('không hợp lệ');
  });

  it('computes the check digit of the worked example: 010004751 → 6', () => {
    expect(taxCodeCheckDigit('010004751')).toBe(6);
  });

  it('accepts exactly one last digit for any nine digits with a check, and catches every single-digit error', () => {
    fc.assert(fc.property(fc.stringMatching(/^[1-9][0-9]{8}$/), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (nine, pos, delta) => {
      const check = taxCodeCheckDigit(nine);
      fc.pre(check !== null && nine.slice(2) !== '0000000');
      const code = `${nine}${check}`;
      expect(taxCodeProblem(code)).toBeNull();
      const valid = [...Array(10).keys()].filter((d) => taxCodeProblem(`${nine}${d}`) === null);
      expect(valid).toEqual([check]);
      // one digit of the first nine changed: the weights are prime to 11, so the check fails
      const changed = nine.slice(0, pos % 9) + String((Number(nine[pos % 9]) + delta) % 10) + nine.slice((pos % 9) + 1);
      if (!changed.startsWith('00')) expect(taxCodeProblem(`${changed}${check}`)).not.toBeNull();
    }));
  });
});
