import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseWording, casesUnnamed, eligibilityStep, type EligibilityProcedure } from './eligibility';

// 1.001193 "Đăng ký khai sinh" as published: two cases, partial online, postal allowed
const birth: EligibilityProcedure = {
  cases: [{ key: 'dung-han', name: 'Đăng ký khai sinh đúng hạn' }, { key: 'qua-han', name: 'Đăng ký khai sinh quá hạn' }],
  onlineLevel: 'partial', postalAllowed: true,
};

describe('eligibility questions', () => {
  it('asks the cases first, one at a time', () => {
    expect(eligibilityStep(birth, [])).toEqual({ kind: 'question', number: 1, question: { kind: 'case', caseKey: 'dung-han', caseName: 'Đăng ký khai sinh đúng hạn' } });
    expect(eligibilityStep(birth, [false])).toEqual({ kind: 'question', number: 2, question: { kind: 'case', caseKey: 'qua-han', caseName: 'Đăng ký khai sinh quá hạn' } });
  });

  it('a yes to a case skips the other cases and asks how to file', () => {
    expect(eligibilityStep(birth, [true])).toEqual({ kind: 'question', number: 2, question: { kind: 'online' } });
    expect(eligibilityStep(birth, [true, true])).toEqual({ kind: 'outcome', caseKey: 'dung-han', way: 'online' });
    expect(eligibilityStep(birth, [true, false])).toEqual({ kind: 'question', number: 3, question: { kind: 'postal' } });
    expect(eligibilityStep(birth, [true, false, true])).toEqual({ kind: 'outcome', caseKey: 'dung-han', way: 'postal' });
    expect(eligibilityStep(birth, [false, true, false, false])).toEqual({ kind: 'outcome', caseKey: 'qua-han', way: 'counter' });
  });

  it('none of the cases ends on the general terms, still with a way to file', () => {
    expect(eligibilityStep(birth, [false, false, false, false])).toEqual({ kind: 'outcome', caseKey: null, way: 'counter' });
  });

  it('a counter-only procedure with no cases leads straight to the counter', () => {
    expect(eligibilityStep({ cases: [], onlineLevel: 'none', postalAllowed: false }, [])).toEqual({ kind: 'outcome', caseKey: null, way: 'counter' });
  });

  it('never offers a way the procedure does not allow, and always ends within cases + 2 answers', () => {
    const procedure = fc.record({
      cases: fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 4 }), name: fc.string() }), { selector: (c) => c.key, maxLength: 5 }),
      onlineLevel: fc.constantFrom('none' as const, 'partial' as const, 'full' as const),
      postalAllowed: fc.boolean(),
    });
    fc.assert(fc.property(procedure, fc.array(fc.boolean(), { maxLength: 8 }), (p, answers) => {
      let given: boolean[] = [];
      let step = eligibilityStep(p, given);
      for (const answer of answers) {
        if (step.kind === 'outcome') break;
        given = [...given, answer];
        step = eligibilityStep(p, given);
      }
      while (step.kind === 'question') {
        given = [...given, false];
        step = eligibilityStep(p, given);
      }
      expect(given.length).toBeLessThanOrEqual(p.cases.length + 2);
      if (step.way === 'online') expect(p.onlineLevel).not.toBe('none');
      if (step.way === 'postal') expect(p.postalAllowed).toBe(true);
      if (step.caseKey !== null) expect(p.cases.map((c) => c.key)).toContain(step.caseKey);
    }));
  });

  it('never asks about a case the source did not name; the clerk determines it', () => {
    const unnamed: EligibilityProcedure = {
      cases: [{ key: '1.001193.01', name: 'Trường hợp 1.001193.01 (nguồn không ghi tên trường hợp)' }, { key: '1.001193.02', name: 'Trường hợp 1.001193.02 (nguồn không ghi tên trường hợp)' }],
      onlineLevel: 'partial', postalAllowed: false,
    };
    expect(eligibilityStep(unnamed, [])).toEqual({ kind: 'question', number: 1, question: { kind: 'online' } });
    expect(eligibilityStep(unnamed, [false])).toEqual({ kind: 'outcome', caseKey: null, way: 'counter' });
    expect(casesUnnamed(unnamed)).toBe(true);
    expect(casesUnnamed(birth)).toBe(false);
  });

  it('reads a published case as a citizen would, without its list dash and lead words', () => {
    expect(caseWording('- Đối với trường hợp đăng ký đất đai lần đầu:')).toBe('Trường hợp đăng ký đất đai lần đầu');
    expect(caseWording('trường hợp phức tạp thì có thể kéo dài hơn nhưng không quá 02 ngày làm việc.')).toBe('Trường hợp phức tạp thì có thể kéo dài hơn nhưng không quá 02 ngày làm việc.');
    expect(caseWording('Đăng ký khai sinh đúng hạn')).toBe('Đăng ký khai sinh đúng hạn');
    expect(caseWording('- Đối với trường hợp đăng ký đất đai lần đầu: + Đối với các xã, phường thông thường: Không quá 09 ngày làm việc.'))
      .toBe('Trường hợp đăng ký đất đai lần đầu, đối với các xã, phường thông thường: Không quá 09 ngày làm việc.');
  });
});
