import { describe, expect, it } from 'vitest';
import type { RequiredPaper } from '../api';
import { bundlePapersToSend, changePapers, isShared, isSharedTicked, memberChecklist, memberRowKey, missingBundlePapers, missingSituations, papersOfKey, sharedPapersOf, sharedRow, sharedRowKey, tickShared } from './bundle-papers';

// 2.002621 as the demo catalogue has it (names shortened after the part that matters)
const paper = (key: string, name: string, requirement: RequiredPaper['requirement']): RequiredPaper => ({ key, name, originals: 1, copies: 0, note: null, requirement });
const birth = [
  paper('p4', 'Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng', 'required'),
  paper('p6', 'Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước', 'showOnly'),
  paper('p7', 'Tờ khai đăng ký khai sinh theo mẫu', 'conditional'),
];
const residence = [paper('p10', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'required')];
const health = [paper('p1', 'Tờ khai tham gia bảo hiểm y tế (theo mẫu quy định)', 'required'), paper('p2', '- giấy chứng sinh (bản sao)', 'conditional')];
const definitionShared: { name: string; members: string[]; papers: Record<string, string[]> }[] = [
  { name: 'Giấy chứng sinh (hoặc văn bản thay thế)', members: ['birth', 'healthInsurance'], papers: { birth: ['p4'], healthInsurance: ['p2'] } },
  { name: 'Giấy tờ tùy thân của người đi đăng ký (xuất trình)', members: ['birth', 'residence', 'healthInsurance'], papers: {} },
];
const members = [
  memberChecklist('birth', 'Đăng ký khai sinh', birth),
  memberChecklist('residence', 'Đăng ký thường trú', residence),
  memberChecklist('healthInsurance', 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', health),
];
const shared = sharedPapersOf(definitionShared, [{ key: 'birth', papers: birth }, { key: 'residence', papers: residence }, { key: 'healthInsurance', papers: health }]);

describe('the papers of a bundle at the counter', () => {
  it('a shared paper stands for the member papers the definition names by key', () => {
    expect(shared.map((s) => [s.name, s.papers])).toEqual([
      ['Giấy chứng sinh (hoặc văn bản thay thế)', [['birth', 'p4'], ['healthInsurance', 'p2']]],
      // shown at the counter, no member lists it as a paper to keep
      ['Giấy tờ tùy thân của người đi đăng ký (xuất trình)', []],
    ]);
    expect(isShared(shared, 'birth', 'p4')).toBe(true);
    expect(isShared(shared, 'birth', 'p7')).toBe(false);
    // only among the members that use it, and only keys the member's checklist has
    expect(sharedPapersOf([{ name: 'Tờ khai thay đổi thông tin cư trú', members: ['birth'], papers: { residence: ['p10'] } }], [{ key: 'residence', papers: residence }])[0]?.papers).toEqual([]);
    expect(sharedPapersOf([{ name: 'Giấy chứng sinh', members: ['birth'], papers: { birth: ['p4', 'p99'] } }], [{ key: 'birth', papers: birth }])[0]?.papers).toEqual([['birth', 'p4']]);
    // a name alone matches nothing any more: "Giấy chứng sinh…" without keys stands for no paper
    expect(sharedPapersOf([{ name: 'Giấy chứng sinh', members: ['birth'], papers: {} }], [{ key: 'birth', papers: birth }])[0]?.papers).toEqual([]);
  });

  it('ticking the birth certificate once ticks it for birth registration and the health-insurance card', () => {
    const s = shared[0];
    if (!s) throw new Error('no shared paper');
    expect(isSharedTicked(s, members)).toBe(false);
    const ticked = tickShared(s, members, true);
    expect(isSharedTicked(s, ticked)).toBe(true);
    expect(bundlePapersToSend(ticked)).toEqual({
      birth: [{ key: 'p4', originals: 1, copies: 0, source: 'paper', digitized: false }],
      residence: [],
      healthInsurance: [{ key: 'p2', originals: 1, copies: 0, source: 'paper', digitized: false }],
    });
    expect(isSharedTicked(s, tickShared(s, ticked, false))).toBe(false);
    // a shared paper that stands for nothing is never "ticked"
    expect(isSharedTicked(shared[1] ?? s, ticked)).toBe(false);
  });

  it('names a missing required paper once: the shared one by its shared name, the others with their member', () => {
    expect(missingBundlePapers(shared, members)).toEqual([
      { field: 'shared:Giấy chứng sinh (hoặc văn bản thay thế)', name: 'Giấy chứng sinh (hoặc văn bản thay thế)', member: null },
      { field: 'paper:residence:p10', name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', member: 'Đăng ký thường trú' },
      { field: 'paper:healthInsurance:p1', name: 'Tờ khai tham gia bảo hiểm y tế (theo mẫu quy định)', member: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi' },
    ]);
    const all = tickShared(shared[0] ?? shared[1] ?? { name: '', members: [], papers: [] }, members, true)
      .map((c) => ({ ...c, rows: c.rows.map((r) => ({ ...r, included: r.included || r.required })) }));
    expect(missingBundlePapers(shared, all)).toEqual([]);
  });

  it('one scan of the shared birth certificate is the copy of each member paper it is, sent as scanned', () => {
    expect(papersOfKey(sharedRowKey(0), shared)).toEqual([['birth', 'p4'], ['healthInsurance', 'p2']]);
    expect(papersOfKey(memberRowKey('residence', 'p10'), shared)).toEqual([['residence', 'p10']]);
    expect(papersOfKey('shared/9', shared)).toEqual([]);
    expect(papersOfKey('nonsense', shared)).toEqual([]);
    const scanned = changePapers(members, papersOfKey(sharedRowKey(0), shared), { fileId: 41, included: true });
    expect(sharedRow(shared[0] ?? { name: '', members: [], papers: [] }, 0, scanned)).toMatchObject({ key: 'shared/0', name: 'Giấy chứng sinh (hoặc văn bản thay thế)', fileId: 41, included: true });
    expect(sharedRow(shared[1] ?? { name: '', members: [], papers: [] }, 1, scanned)).toBeNull(); // shown only: no copy
    const reused = changePapers(scanned, papersOfKey(memberRowKey('residence', 'p10'), shared), { reusedDocumentId: 7, fileId: null, included: true });
    expect(bundlePapersToSend(reused)).toEqual({
      birth: [{ key: 'p4', originals: 1, copies: 0, source: 'scanned', digitized: true, fileId: 41 }],
      residence: [{ key: 'p10', originals: 1, copies: 0, source: 'reused', digitized: true, reusedDocumentId: 7 }],
      healthInsurance: [{ key: 'p2', originals: 1, copies: 0, source: 'scanned', digitized: true, fileId: 41 }],
    });
  });
});

describe('a member whose list is by situation (1.004222)', () => {
  const situational = (key: string, note: string): RequiredPaper => ({ key, name: `Giấy tờ ${key}`, originals: 1, copies: 0, note, requirement: 'conditional' });
  const own = 'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình';
  const rented = 'Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ';
  const residenceBySituation = [paper('p1', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'required'), situational('p2', own), situational('p3', rented), situational('p4', rented)];
  const ms = [memberChecklist('birth', 'Đăng ký khai sinh', birth), memberChecklist('residence', 'Đăng ký thường trú', residenceBySituation)];
  const tick = (list: typeof ms, keys: string[]) => list.map((c) => (c.key === 'residence' ? { ...c, rows: c.rows.map((r) => (keys.includes(r.key) ? { ...r, included: true } : r)) } : c));

  it('asks its situation first, then one of its papers; a member without situations asks none', () => {
    expect(missingSituations(ms, {}).map((m) => [m.member.key, m.lacking])).toEqual([['residence', 'choose']]);
    expect(missingSituations(ms, { residence: rented }).map((m) => [m.member.key, m.lacking])).toEqual([['residence', 'paper']]);
    expect(missingSituations(tick(ms, ['p2']), { residence: rented }).map((m) => m.lacking)).toEqual(['paper']); // ticked a paper of the other situation
    expect(missingSituations(tick(ms, ['p3']), { residence: rented })).toEqual([]);
  });

  it('sends only the papers of the situation chosen', () => {
    const sent = bundlePapersToSend(tick(ms, ['p1', 'p2', 'p3']), { residence: rented });
    expect(sent.residence?.map((p) => p.key)).toEqual(['p1', 'p3']);
    expect(bundlePapersToSend(tick(ms, ['p1', 'p2']), { residence: own }).residence?.map((p) => p.key)).toEqual(['p1', 'p2']);
  });
});
