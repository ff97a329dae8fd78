// Which members of a bundle are returnable now (issue 17 §4): a table of cases and properties over
// random member states.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statuses } from '../shared/dossier-labels';
import { checkReturnChoice, ENDED_WITHOUT_RESULT, postalReturnProblem, returnableMembers, type MemberReturnState } from './return-choice';

const m = (key: string, status: MemberReturnState['status']): MemberReturnState => ({ key, status });

describe('returnableMembers', () => {
  it.each([
    ['together, one still processing: nothing yet, it is awaited', 'together', [m('birth', 'resultReady'), m('residence', 'processing'), m('bhyt', 'resultReady')], [], ['residence']],
    ['together, all ready: all at once', 'together', [m('birth', 'resultReady'), m('residence', 'resultReady'), m('bhyt', 'resultReady')], ['birth', 'residence', 'bhyt'], []],
    ['together, one rejected: it holds nobody back', 'together', [m('birth', 'resultReady'), m('residence', 'rejected'), m('bhyt', 'resultReady')], ['birth', 'bhyt'], []],
    ['together, one stopped and one waiting (submitted): the waiting one is awaited', 'together', [m('death', 'stopped'), m('xtt', 'submitted'), m('mtp', 'resultReady')], [], ['xtt']],
    ['together, one returned already: the rest', 'together', [m('birth', 'returned'), m('residence', 'resultReady')], ['residence'], []],
    ['together, awaiting a supplement: awaited', 'together', [m('birth', 'resultReady'), m('bhyt', 'awaitingSupplement')], [], ['bhyt']],
    ['as ready: each ready one, whatever the others', 'asReady', [m('birth', 'resultReady'), m('residence', 'processing'), m('bhyt', 'awaitingSupplement')], ['birth'], []],
    ['as ready, none ready', 'asReady', [m('birth', 'processing')], [], []],
  ] as const)('%s', (_name, timing, members, now, awaited) => {
    expect(returnableMembers(timing, members)).toEqual({ now, awaited });
  });

  const member = fc.record({ key: fc.string({ minLength: 1, maxLength: 4 }), status: fc.constantFrom(...statuses) });
  const bundle = fc.uniqueArray(member, { minLength: 1, maxLength: 6, selector: (x) => x.key });

  it('returns only members whose result is ready, never twice', () => {
    fc.assert(fc.property(bundle, fc.constantFrom('together' as const, 'asReady' as const), (members, timing) => {
      const r = returnableMembers(timing, members);
      expect(new Set(r.now).size).toBe(r.now.length);
      for (const k of r.now) expect(members.find((x) => x.key === k)?.status).toBe('resultReady');
    }));
  });

  it('together: all ready ones at once exactly when no member may still bring a result', () => {
    fc.assert(fc.property(bundle, (members) => {
      const r = returnableMembers('together', members);
      const ready = members.filter((x) => x.status === 'resultReady').map((x) => x.key);
      const open = members.filter((x) => !['resultReady', 'returned', ...ENDED_WITHOUT_RESULT].includes(x.status)).map((x) => x.key);
      expect(r.awaited).toEqual(open);
      expect(r.now).toEqual(open.length === 0 ? ready : []);
    }));
  });

  it('a member ended without a result changes nothing for the others', () => {
    fc.assert(fc.property(bundle, fc.constantFrom(...ENDED_WITHOUT_RESULT), fc.constantFrom('together' as const, 'asReady' as const), (members, ended, timing) => {
      const withEnded = [...members, { key: '__ended', status: ended }];
      expect(returnableMembers(timing, withEnded)).toEqual(returnableMembers(timing, members));
    }));
  });

  it('as ready returns a superset of together', () => {
    fc.assert(fc.property(bundle, (members) => {
      const asReady = new Set(returnableMembers('asReady', members).now);
      for (const k of returnableMembers('together', members).now) expect(asReady.has(k)).toBe(true);
    }));
  });
});

describe('the choice at receipt', () => {
  it('post needs an address, the counter none', () => {
    expect(checkReturnChoice({ timing: 'together', place: 'post', address: '  Số 5, ấp 2, xã Tân Hồng ' })).toEqual({ choice: { timing: 'together', place: 'post', address: 'Số 5, ấp 2, xã Tân Hồng' }, problems: [] });
    expect(checkReturnChoice({ timing: 'together', place: 'post' }).problems.map((p) => p.path)).toEqual(['returnChoice.address']);
    expect(checkReturnChoice({ timing: 'asReady', place: 'counter', address: 'ấp 2' }).problems.map((p) => p.path)).toEqual(['returnChoice.address']);
    expect(checkReturnChoice({ timing: 'sometimes', place: 'home' }).problems.map((p) => p.path)).toEqual(['returnChoice.timing', 'returnChoice.place']);
  });

  it('names the member whose procedure does not return by post', () => {
    expect(postalReturnProblem([
      { key: 'birth', name: 'Đăng ký khai sinh', procedureCode: '1.001193', postalAllowed: true },
      { key: 'residence', name: 'Đăng ký thường trú', procedureCode: '1.004222', postalAllowed: false },
    ])?.message).toBe('Không thể nhận kết quả qua bưu chính: thủ tục "Đăng ký thường trú" (1.004222) không trả kết quả qua dịch vụ bưu chính công ích; chọn nhận tại quầy.');
    expect(postalReturnProblem([{ key: 'death', name: 'Đăng ký khai tử', procedureCode: '1.000656', postalAllowed: true }])).toBeNull();
  });
});
