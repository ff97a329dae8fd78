import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSearchCursor, searchCursor } from './search-cursor';

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
});
