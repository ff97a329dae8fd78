import { describe, expect, it } from 'vitest';
import { checklistOf, papersToSend, papersToSupplement, paperSource, rowsOfSituation, situationMissing, situationsOf, type PaperRow } from './checklist';

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

describe('a list published by situation (1.004222 đăng ký thường trú)', () => {
  const OWN = 'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình';
  const RENTED = 'Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ';
  const list = checklistOf([
    { key: 'p11', name: 'Hợp đồng, văn bản về việc cho thuê, cho mượn, cho ở nhờ', originals: 1, copies: 0, note: RENTED, requirement: 'conditional' },
    { key: 'p12', name: 'Thông tin chứng minh đủ diện tích nhà ở', originals: 1, copies: 0, note: RENTED, requirement: 'conditional' },
    { key: 'p14', name: 'Thông tin chứng minh về chỗ ở hợp pháp', originals: 1, copies: 0, note: OWN, requirement: 'conditional' },
    { key: 'p15', name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', originals: 1, copies: 0, note: OWN, requirement: 'conditional' },
  ]);

  it('asks for the situation, then for one of its papers', () => {
    expect(situationsOf(list)).toEqual([RENTED, OWN]);
    expect(situationMissing(list, null)).toBe('choose');
    expect(situationMissing(list, OWN)).toBe('paper');
    expect(situationMissing(list.map(edit('p11', { included: true })), OWN)).toBe('paper'); // another situation's paper does not count
    expect(situationMissing(list.map(edit('p15', { included: true })), OWN)).toBeNull();
  });

  it('shows and sends only the chosen situation\'s papers', () => {
    expect(rowsOfSituation(list, null).map((r) => r.key)).toEqual(['p11', 'p12', 'p14', 'p15']);
    const ticked = list.map(edit('p11', { included: true })).map(edit('p15', { included: true }));
    expect(papersToSend(rowsOfSituation(ticked, OWN)).map((p) => p.key)).toEqual(['p15']);
  });

  it('a list with one note, or with required papers only, asks nothing more (1.001193)', () => {
    expect(situationsOf(rows)).toEqual([]);
    expect(situationMissing(rows, null)).toBeNull();
  });

  it('papers to submit and papers only shown are no situations (1.001193: "Giấy tờ phải nộp" / "… xuất trình")', () => {
    const birth = checklistOf([
      { key: 'p1', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, note: 'Giấy tờ phải nộp', requirement: 'required' },
      { key: 'p3', name: 'Trường hợp trẻ em bị bỏ rơi: biên bản xác nhận việc trẻ bị bỏ rơi', originals: 1, copies: 0, note: 'Giấy tờ phải nộp', requirement: 'conditional' },
      { key: 'p6', name: 'Hộ chiếu, Chứng minh nhân dân, Thẻ Căn cước công dân', originals: 1, copies: 0, note: 'Giấy tờ phải xuất trình', requirement: 'showOnly' },
      { key: 'p7', name: 'Giấy tờ chứng minh nơi cư trú', originals: 1, copies: 0, note: 'Giấy tờ phải xuất trình', requirement: 'showOnly' },
    ]);
    expect(situationsOf(birth)).toEqual([]);
    expect(situationMissing(birth, null)).toBeNull();
  });
});

describe('form 02 fills in the papers not ticked ("Điền các giấy tờ bắt buộc chưa đánh dấu")', () => {
  const OWN = 'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình';
  const RENTED = 'Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ';
  const residence = checklistOf([
    { key: 'p12', name: 'Hợp đồng, văn bản về việc cho thuê, cho mượn, cho ở nhờ', originals: 1, copies: 0, note: RENTED, requirement: 'conditional' },
    { key: 'p13', name: 'Thông tin chứng minh đủ diện tích nhà ở', originals: 1, copies: 0, note: RENTED, requirement: 'conditional' },
    { key: 'p14', name: 'Thông tin chứng minh về chỗ ở hợp pháp', originals: 1, copies: 0, note: OWN, requirement: 'conditional' },
    { key: 'p15', name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', originals: 1, copies: 0, note: OWN, requirement: 'conditional' },
  ]);
  const names = (r: PaperRow[] | 'chooseSituation') => (r === 'chooseSituation' ? r : r.map((x) => x.key));

  it('1.004222: the chosen situation\'s papers not ticked, none of another situation', () => {
    expect(names(papersToSupplement(residence, OWN))).toEqual(['p14', 'p15']);
    expect(names(papersToSupplement(residence.map(edit('p15', { included: true })), OWN))).toEqual(['p14']);
    expect(names(papersToSupplement(residence.map(edit('p12', { included: true })), RENTED))).toEqual(['p13']);
  });

  it('1.004222 with no situation chosen: nothing to fill, choose the situation first', () => {
    expect(papersToSupplement(residence, null)).toBe('chooseSituation');
  });

  it('1.001193 (no situation): the required papers not ticked, as before', () => {
    expect(names(papersToSupplement(rows, null))).toEqual(['to-khai', 'giay-chung-sinh']);
    expect(names(papersToSupplement(rows.map(edit('to-khai', { included: true })), null))).toEqual(['giay-chung-sinh']);
  });
});
