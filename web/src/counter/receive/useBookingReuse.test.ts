// Calling a booked citizen (issue 14 §5): the papers their store holds are marked for reuse.
import { describe, expect, it } from 'vitest';
import type { PaperRow } from '../checklist';
import type { StoreDocument } from '../scan-api';
import { reuseHeld } from './useBookingReuse';

const row = (key: string, over: Partial<PaperRow> = {}): PaperRow => ({
  key, name: key, note: null, required: true, included: false, originals: 1, copies: 0, fileId: null, reusedDocumentId: null, ...over,
});
const doc = (id: number) => ({ id } as unknown as StoreDocument);

describe('papers of the store marked for reuse when a booked citizen is called', () => {
  it('marks each held paper with its first (newest) document, ticks it and drops a scan; leaves the rest and what the clerk chose', () => {
    const held = new Map([['p2', [doc(9), doc(4)]], ['p3', [doc(5)]]]);
    const rows = [row('p1'), row('p2', { fileId: 41 }), row('p3', { reusedDocumentId: 7, included: true })];
    expect(reuseHeld(rows, held)).toEqual([
      row('p1'),
      row('p2', { reusedDocumentId: 9, fileId: null, included: true }),
      row('p3', { reusedDocumentId: 7, included: true }),
    ]);
  });
});
