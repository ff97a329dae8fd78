import { describe, expect, it } from 'vitest';
import { checklistOf, papersToSend, paperSource, type PaperRow } from './checklist';

const rows = checklistOf([
  { key: 'to-khai', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, note: null, requirement: 'required' },
  { key: 'giay-chung-sinh', name: 'Giấy chứng sinh', originals: 1, copies: 0, note: null, requirement: 'required' },
  { key: 'ket-hon', name: 'Giấy chứng nhận kết hôn', originals: 0, copies: 1, note: null, requirement: 'conditional' },
]);
const edit = (key: string, change: Partial<PaperRow>) => (r: PaperRow) => (r.key === key ? { ...r, ...change } : r);

describe('the papers sent at intake', () => {
  it('a paper is digitized only with its scan attached or a stored document reused (no "Đã scan" without a file)', () => {
    const ticked = rows.map((r) => ({ ...r, included: true }))
      .map(edit('giay-chung-sinh', { fileId: 41 }))
      .map(edit('ket-hon', { reusedDocumentId: 7 }));
    expect(papersToSend(ticked)).toEqual([
      { key: 'to-khai', originals: 1, copies: 0, source: 'paper', digitized: false },
      { key: 'giay-chung-sinh', originals: 1, copies: 0, source: 'scanned', digitized: true, fileId: 41 },
      { key: 'ket-hon', originals: 0, copies: 1, source: 'reused', digitized: true, reusedDocumentId: 7 },
    ]);
  });

  it('reuse wins over a scan left behind, and unticked papers are not sent', () => {
    expect(paperSource({ fileId: 41, reusedDocumentId: 7 })).toBe('reused');
    const sent = papersToSend(rows.map(edit('to-khai', { included: true, fileId: 41, reusedDocumentId: 7 })));
    expect(sent).toEqual([{ key: 'to-khai', originals: 1, copies: 0, source: 'reused', digitized: true, reusedDocumentId: 7 }]);
  });

  it('every paper starts unticked, paper only', () => {
    expect(rows.map((r) => [r.included, paperSource(r)])).toEqual([[false, 'paper'], [false, 'paper'], [false, 'paper']]);
  });
});
