// The bundle page's return section by case: the death bundle 2.002622 (three members, codes A, B, C).
import { describe, expect, it } from 'vitest';
import { returnOffer } from './offer';

type Status = 'received' | 'processing' | 'resultReady' | 'returned' | 'withdrawn' | 'rejected';
const view = (statuses: [Status, Status, Status], o: { place?: 'counter' | 'post'; now?: string[]; awaited?: string[]; back?: boolean; open?: boolean }) => ({
  returnChoice: { timing: 'together' as const, place: o.place ?? 'counter', address: o.place === 'post' ? 'Số 5, Ấp 2, Xã Tân Hồng' : null },
  returnable: { now: o.now ?? [], awaited: o.awaited ?? [] },
  backFromPost: o.back ?? false,
  returnChoiceOpen: o.open ?? true,
  members: statuses.map((status, i) => ({ dossier: { status, code: 'ABC'[i] ?? '' } })) as never,
});
const clerk = { returnAtCounter: true, changeChoice: true };

describe('returnOffer', () => {
  it.each([
    // case, view, line, may return, may change the choice
    ['all withdrawn', view(['withdrawn', 'withdrawn', 'withdrawn'], { open: false }), 'nothingLeft', false, false],
    ['all refused', view(['rejected', 'rejected', 'withdrawn'], { open: false }), 'nothingLeft', false, false],
    ['one refused, the rest returned', view(['returned', 'rejected', 'returned'], { open: false }), 'returnedWithEnded', false, false],
    ['all returned', view(['returned', 'returned', 'returned'], { open: false }), 'allReturned', false, false],
    ['together at the counter, all ready', view(['resultReady', 'resultReady', 'resultReady'], { now: ['A', 'B', 'C'] }), 'returnableNow', true, true],
    ['together at the counter, one awaited', view(['resultReady', 'processing', 'resultReady'], { awaited: ['B'] }), 'awaited', false, true],
    ['by post, the courier has it', view(['resultReady', 'resultReady', 'resultReady'], { place: 'post', now: ['A', 'B', 'C'] }), 'readyForPost', false, true],
    ['by post, the parcel came back to the agency', view(['resultReady', 'resultReady', 'resultReady'], { place: 'post', now: ['A', 'B', 'C'], back: true }), 'returnableNow', true, false],
  ] as const)('%s', (_, v, line, mayReturn, mayChangeChoice) => {
    const offer = returnOffer(v, clerk);
    expect([offer.line.key, offer.mayReturn, offer.mayChangeChoice]).toEqual([line, mayReturn, mayChangeChoice]);
  });

  it('a parcel back from the post names the members to return and drops the post\'s hint', () => {
    const offer = returnOffer(view(['resultReady', 'resultReady', 'resultReady'], { place: 'post', now: ['A', 'B', 'C'], back: true }), clerk);
    expect(offer).toEqual({ line: { key: 'returnableNow', codes: 'A, B, C' }, byPostHint: false, mayReturn: true, mayChangeChoice: false });
  });

  it('offers nothing to a user without the permissions', () => {
    const offer = returnOffer(view(['resultReady', 'resultReady', 'resultReady'], { now: ['A', 'B', 'C'] }), { returnAtCounter: false, changeChoice: false });
    expect([offer.mayReturn, offer.mayChangeChoice]).toEqual([false, false]);
  });
});
