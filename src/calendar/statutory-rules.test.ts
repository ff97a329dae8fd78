import { describe, expect, it } from 'vitest';
import { daysOfRule, parseStatutoryRules, STATUTORY_RULES } from './statutory-rules';

const rule = (over: Record<string, unknown>) => ({
  rules: [{
    id: 'x', reason: 'Ngày lễ mới', anchor: { calendar: 'solar', month: 11, day: 20 }, days: 1,
    effectiveFrom: '2027-01-01', effectiveTo: null, legalSource: 'Luật giả định (kiểm thử)', ...over,
  }],
  substituteRule: { reasonPrefix: 'Nghỉ bù', legalSource: 'x' },
});

describe('statutory holidays are data', () => {
  it('a new holiday is one more row: in force from its effective date only', () => {
    const parsed = parseStatutoryRules(rule({}));
    const [r] = parsed.rules;
    if (!r) throw new Error('no rule');
    expect(daysOfRule(r, 2026)).toEqual([]);
    expect(daysOfRule(r, 2027)).toEqual(['2027-11-20']);
  });

  it('an ended rule stops at effectiveTo', () => {
    const [r] = parseStatutoryRules(rule({ effectiveTo: '2028-01-01' })).rules;
    if (!r) throw new Error('no rule');
    expect(daysOfRule(r, 2027)).toEqual(['2027-11-20']);
    expect(daysOfRule(r, 2028)).toEqual([]);
  });

  it('the shipped file has each Labour Code holiday with its legal source', () => {
    expect(STATUTORY_RULES.rules.map((r) => r.id)).toEqual([
      'new-year', 'lunar-new-year', 'hung-kings', 'reunification', 'labour-day', 'national-day', 'national-day-2',
    ]);
    for (const r of STATUTORY_RULES.rules) expect(r.legalSource).toMatch(/Bộ luật Lao động/);
  });

  it('Tết 2027: last day of Bính Ngọ (Fri 5 Feb) + mùng 1–4', () => {
    const tet = STATUTORY_RULES.rules.find((r) => r.id === 'lunar-new-year');
    if (!tet) throw new Error('no Tết rule');
    expect(daysOfRule(tet, 2027)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09']);
  });

  it('refuses a malformed rule', () => {
    expect(() => parseStatutoryRules(rule({ days: 0 }))).toThrow(/days/);
    expect(() => parseStatutoryRules(rule({ effectiveFrom: '2027-02-30' }))).toThrow(/effectiveFrom/);
    expect(() => parseStatutoryRules(rule({ adjacentDay: { Sun: 2 } }))).toThrow(/adjacentDay/);
  });
});
