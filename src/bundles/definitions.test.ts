// The bundle definitions are sound (members, order, feeds) and chosen by effective date.
import { describe, expect, it } from 'vitest';
import { bundleDefinitions } from './definitions';
import { fedFacts } from './feeds';
import { definitionInForce, definitionProblems, startOrder, type BundleDefinition } from './model';

describe('bundle definitions', () => {
  it.each(bundleDefinitions.map((d) => [`${d.code}@${d.effectiveFrom}`, d] as const))('%s is sound', (_, d) => {
    expect(definitionProblems(d)).toEqual([]);
  });

  it('the version in force on a date: none before 01/07/2024, the ND 63/2024 one after', () => {
    expect(definitionInForce(bundleDefinitions, '2.002621', '2024-06-30')).toBeNull();
    expect(definitionInForce(bundleDefinitions, '2.002621', '2026-04-24')?.members.map((m) => m.key)).toEqual(['birth', 'residence', 'healthInsurance']);
    const v2: BundleDefinition = { ...(bundleDefinitions[0] as BundleDefinition), effectiveFrom: '2026-09-01', name: 'v2' };
    const closed: BundleDefinition = { ...(bundleDefinitions[0] as BundleDefinition), effectiveTo: '2026-09-01' };
    expect(definitionInForce([closed, v2], '2.002621', '2026-08-31')?.name).toBe(closed.name);
    expect(definitionInForce([closed, v2], '2.002621', '2026-09-01')?.name).toBe('v2');
  });

  it('starts each member after what it waits for, and finds a cycle', () => {
    const d = bundleDefinitions[1] as BundleDefinition;
    expect(startOrder(d.members)?.map((m) => m.key)).toEqual(['death', 'residenceRemoval', 'funeralAllowance']);
    const cyclic = d.members.map((m) => (m.key === 'death' ? { ...m, waitsFor: 'funeralAllowance' } : m));
    expect(startOrder(cyclic)).toBeNull();
    expect(definitionProblems({ ...d, members: cyclic })).toContain('dependencies form a cycle');
  });

  it('finds a shared paper naming papers of a member that does not use it', () => {
    const d = bundleDefinitions[0] as BundleDefinition;
    const wrong = { ...d, sharedPapers: [{ name: 'Giấy chứng sinh', members: ['birth'], papers: { residence: ['p10'] } }] };
    expect(definitionProblems(wrong)).toEqual(['shared paper Giấy chứng sinh: papers of residence, which does not use it']);
  });

  it('feeds the birth registration number given with the result', () => {
    const birth = bundleDefinitions[0]?.members.find((m) => m.key === 'birth');
    expect(fedFacts(birth?.feeds ?? [], { resultNumber: '125/2026', note: 'x' })).toEqual({ birthRegistrationNumber: '125/2026' });
    expect(fedFacts(birth?.feeds ?? [], { note: 'no number' })).toEqual({});
  });
});
