import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSearchOrder, parseSearchCursor, searchCursor, type SearchPosition } from './search-cursor';

describe('search cursor', () => {
  it('names a received dossier by epoch ms and id, one not yet received by "-"', () => {
    expect(searchCursor({ receivedAt: new Date('2026-12-07T09:15:00+07:00'), id: 4211 })).toBe('1796609700000:4211');
    expect(searchCursor({ receivedAt: null, id: 17 })).toBe('-:17');
    expect(parseSearchCursor('1796609700000:4211')).toEqual({ receivedAt: new Date('2026-12-07T02:15:00Z'), id: 4211 });
    expect(parseSearchCursor('-:17')).toEqual({ receivedAt: null, id: 17 });
  });

  it('refuses what it did not write', () => {
    for (const bad of ['', ':', '-:', '12:', ':5', '-:0', '1:0', 'abc:1', '1.5:2', '1:2:3', '1: 2', ' 1:2', '-1:2', '99999999999999999:1', '1:99999999999999999']) {
      expect(parseSearchCursor(bad), bad).toBeNull();
    }
  });

  it('reads back every position it writes', () => {
    fc.assert(fc.property(
      fc.option(fc.integer({ min: 0, max: 8_640_000_000_000 }), { nil: null }),
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      (ms, id) => {
        const p = { receivedAt: ms === null ? null : new Date(ms), id };
        expect(parseSearchCursor(searchCursor(p))).toEqual(p);
      },
    ));
  });

  it('orders as received_at DESC NULLS FIRST, id DESC: not yet received first, then newest, ties by the larger id', () => {
    const at = (iso: string | null, id: number): SearchPosition => ({ receivedAt: iso === null ? null : new Date(iso), id });
    const rows = [at('2026-03-02T09:00:00+07:00', 5), at(null, 3), at('2026-03-02T09:00:00+07:00', 9), at('2026-03-03T08:00:00+07:00', 1), at(null, 7)];
    expect([...rows].sort(compareSearchOrder).map((r) => r.id)).toEqual([7, 3, 1, 9, 5]);
  });

  it('is a total order: antisymmetric, and 0 only for the same position', () => {
    const position = fc.record({ receivedAt: fc.option(fc.integer({ min: 0, max: 10 }).map((m) => new Date(m * 60_000)), { nil: null }), id: fc.integer({ min: 1, max: 5 }) });
    fc.assert(fc.property(position, position, (a, b) => {
      expect(Math.sign(compareSearchOrder(a, b)) + Math.sign(compareSearchOrder(b, a))).toBe(0);
      expect(compareSearchOrder(a, b) === 0).toBe(a.id === b.id && a.receivedAt?.getTime() === b.receivedAt?.getTime());
    }));
  });
});
