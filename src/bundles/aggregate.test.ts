// The parent's status and due time from its members' (issue 17 §2), as properties over random members.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statuses } from '../shared/dossier-labels';
import { aggregateBundle, type MemberState } from './aggregate';
import type { BundleMember } from './model';

const definition: BundleMember[] = [
  { key: 'a', procedureCode: '1.000001', name: 'A', waitsFor: null, feeds: [] },
  { key: 'b', procedureCode: '1.000002', name: 'B', waitsFor: 'a', feeds: [] },
  { key: 'c', procedureCode: '1.000003', name: 'C', waitsFor: 'b', feeds: [] },
  { key: 'd', procedureCode: '1.000004', name: 'D', waitsFor: null, feeds: [] },
];
const birthBundle: BundleMember[] = [
  { key: 'birth', procedureCode: '1.001193', name: 'Đăng ký khai sinh', waitsFor: null, feeds: [] },
  { key: 'residence', procedureCode: '1.004222', name: 'Đăng ký thường trú', waitsFor: 'birth', feeds: [] },
  { key: 'healthInsurance', procedureCode: '2.002621.BHYT', name: 'Cấp thẻ BHYT cho trẻ em dưới 6 tuổi', waitsFor: null, feeds: [] },
];
const memberState = (key: string) => fc.record({
  key: fc.constant(key), status: fc.constantFrom(...statuses), dueAt: fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: null }),
  supplementItems: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
});
const statesArb = fc.tuple(memberState('a'), memberState('b'), memberState('c'), memberState('d'));

describe('aggregateBundle', () => {
  it('due time: the latest member\'s once every member has one, else unknown', () => {
    fc.assert(fc.property(statesArb, (ms: MemberState[]) => {
      const s = aggregateBundle(definition, ms);
      const dues = ms.map((m) => m.dueAt);
      if (dues.every((d) => d !== null)) {
        expect(s.dueAt).toBe(Math.max(...(dues as number[])));
        for (const d of dues as number[]) expect(s.dueAt).toBeGreaterThanOrEqual(d);
      } else expect(s.dueAt).toBeNull();
    }));
  });

  it('status: returned only when all are, result ready when all have a result, a refusal or a supplement shows', () => {
    fc.assert(fc.property(statesArb, (ms: MemberState[]) => {
      const s = aggregateBundle(definition, ms);
      expect(s.status === 'returned').toBe(ms.every((m) => m.status === 'returned'));
      if (ms.every((m) => m.status === 'resultReady' || m.status === 'returned')) expect(['resultReady', 'returned']).toContain(s.status);
      const ended = ms.filter((m) => ['refused', 'rejected', 'stopped', 'withdrawn'].includes(m.status));
      const supplement = ms.filter((m) => m.status === 'awaitingSupplement');
      const open = ms.filter((m) => !['resultReady', 'returned', 'refused', 'rejected', 'stopped', 'withdrawn'].includes(m.status));
      if (open.length === 0) expect(['resultReady', 'returned', 'resultReadyOthersEnded', 'returnedOthersEnded', 'endedWithoutResult', 'withdrawn']).toContain(s.status);
      else if (ended.length > 0) expect(s.status).toBe('blocked');
      else if (supplement.length > 0) expect(s.status).toBe('awaitingSupplement');
      expect(s.status === 'withdrawn').toBe(ms.every((m) => m.status === 'withdrawn'));
      expect(s.issues.map((i) => i.member).sort()).toEqual([...ended, ...supplement].map((m) => m.key).sort());
    }));
  });

  // the birth bundle 2.002621: birth (1.001193), residence (1.004222, waits for birth), health insurance
  it.each([
    // birth, residence, health insurance → the parent's status
    ['withdrawn', 'withdrawn', 'withdrawn', 'withdrawn'], // the whole bundle withdrawn at the counter
    ['refused', 'withdrawn', 'withdrawn', 'endedWithoutResult'],
    ['rejected', 'withdrawn', 'rejected', 'endedWithoutResult'],
    ['stopped', 'stopped', 'stopped', 'endedWithoutResult'],
    ['returned', 'rejected', 'returned', 'returnedOthersEnded'], // residence refused, the rest returned
    ['resultReady', 'rejected', 'returned', 'resultReadyOthersEnded'], // the birth result still to hand over
    ['resultReady', 'withdrawn', 'withdrawn', 'resultReadyOthersEnded'], // withdrawn after the birth result: it keeps it
    ['returned', 'returned', 'returned', 'returned'],
    ['returned', 'resultReady', 'returned', 'resultReady'],
    ['resultReady', 'processing', 'rejected', 'blocked'], // still open beside an ended one
    ['rejected', 'submitted', 'processing', 'blocked'],
    ['resultReady', 'received', 'awaitingSupplement', 'awaitingSupplement'],
    ['resultReady', 'received', 'processing', 'partlyReady'],
    ['processing', 'submitted', 'received', 'inProgress'],
  ] as const)('birth %s, residence %s, health insurance %s → %s', (birth, residence, healthInsurance, expected) => {
    const s = aggregateBundle(birthBundle, [
      { key: 'birth', status: birth, dueAt: 1, supplementItems: [] },
      { key: 'residence', status: residence, dueAt: 2, supplementItems: [] },
      { key: 'healthInsurance', status: healthInsurance, dueAt: 3, supplementItems: [] },
    ]);
    expect(s.status).toBe(expected);
  });

  it('an issue names what it holds up: the members that wait for it, directly or not', () => {
    const s = aggregateBundle(definition, [
      { key: 'a', status: 'awaitingSupplement', dueAt: null, supplementItems: ['Tờ khai'] },
      { key: 'b', status: 'submitted', dueAt: null, supplementItems: [] },
      { key: 'c', status: 'submitted', dueAt: null, supplementItems: [] },
      { key: 'd', status: 'processing', dueAt: 5, supplementItems: [] },
    ]);
    expect(s.issues).toEqual([{ member: 'a', kind: 'supplement', status: 'awaitingSupplement', items: ['Tờ khai'], blocks: ['b', 'c'] }]);
    expect(s).toMatchObject({ status: 'awaitingSupplement', dueAt: null, latestKnownDueAt: 5 });
  });
});
