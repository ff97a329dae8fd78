import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPages, composeBody, composeState, emptyScan, movePage, removePage, rotatePage, settlePage, sheetCount, type ScanPage } from './scans';

const page = (localId: string, fileId?: number, pageCount = 1): ScanPage => ({
  localId, fileName: `${localId}.jpg`, localType: 'image/jpeg', previewUrl: null, rotation: 0,
  upload: fileId === undefined ? { state: 'uploading' } : { state: 'uploaded', file: { id: fileId, sha256: 'a'.repeat(64), mediaType: 'image/jpeg', sizeBytes: 1000, pageCount } },
});

describe('a paper\'s scan pages', () => {
  const three = addPages(emptyScan, [page('a', 11), page('b', 12), page('c', 13, 4)]);

  it('composes the pages in the clerk\'s order with their turns', () => {
    const scan = rotatePage(movePage(three, 'c', -1), 'c');
    expect(composeBody(scan)).toEqual({ pages: [{ fileId: 11, rotation: 0 }, { fileId: 13, rotation: 90 }, { fileId: 12, rotation: 0 }] });
    expect(sheetCount(scan)).toBe(6);
  });

  it('turns a page a quarter at a time, back to upright after four', () => {
    let scan = three;
    const turns: number[] = [];
    for (let i = 0; i < 4; i += 1) { scan = rotatePage(scan, 'b'); turns.push(scan.pages[1]?.rotation ?? -1); }
    expect(turns).toEqual([90, 180, 270, 0]);
  });

  it('moves nothing past either end', () => {
    expect(movePage(three, 'a', -1)).toBe(three);
    expect(movePage(three, 'c', 1)).toBe(three);
    expect(movePage(three, 'zz', 1)).toBe(three);
  });

  it('waits for uploads, refuses to compose with a refused page, and forgets the composed file when a page changes', () => {
    const waiting = addPages(three, [page('d')]);
    expect(composeState(waiting)).toBe('uploading');
    expect(composeBody(waiting)).toBeNull();
    const refused = settlePage(waiting, 'd', { state: 'failed', message: 'Tệp vượt quá dung lượng cho phép (20 MB).' });
    expect(composeState(refused)).toBe('failed');
    const fixed = removePage(refused, 'd');
    expect(composeState(fixed)).toBe('ready');
    const composed = { ...fixed, composed: { id: 99, sha256: 'b'.repeat(64), mediaType: 'application/pdf', sizeBytes: 5000, pageCount: 6 } };
    expect(composeState(composed)).toBe('composed');
    expect(composeState(rotatePage(composed, 'a'))).toBe('ready');
    expect(composeState(removePage(fixed, 'a'))).toBe('ready');
    expect(composeState(emptyScan)).toBe('empty');
  });

  it('keeps every page exactly once whatever the moves (property)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const start = addPages(emptyScan, ids.map((id, i) => page(id, i + 1)));
    const move = fc.record({ id: fc.constantFrom(...ids), by: fc.constantFrom(-1 as const, 1 as const), turn: fc.boolean() });
    fc.assert(fc.property(fc.array(move, { maxLength: 30 }), (moves) => {
      const scan = moves.reduce((s, m) => (m.turn ? rotatePage(s, m.id) : movePage(s, m.id, m.by)), start);
      expect([...scan.pages.map((p) => p.localId)].sort()).toEqual(ids);
      expect(composeBody(scan)?.pages.map((p) => p.fileId).sort()).toEqual([1, 2, 3, 4, 5]);
    }));
  });
});
