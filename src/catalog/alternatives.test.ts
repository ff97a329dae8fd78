// Papers listed by situation are alternatives (national.ts situationsOf): 1.004222 "Đăng ký thường
// trú" publishes 15 papers under 6 situations of the applicant — one's own home, someone else's home,
// rented or borrowed, a religious establishment, a military or police unit, a care facility. The
// applicant is in one: no paper of the list is always required, each keeps its situation as its
// note, and a counter dossier with the papers of one situation is received, not refused.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { paperRequirement } from './model';
import { isSituation, situationsOf } from './national';
import { seedProcedure } from './seed.test-helper';

// the repository's copy of shared/data/procedures-catalogue.json (a clean clone has no shared/ beside it)
const shared = JSON.parse(readFileSync(new URL('./seed/procedures-catalogue.json', import.meta.url), 'utf8')) as { code: string; documents: { group: string | null }[] }[];

describe('papers listed by situation', () => {
  it('1.004222: 15 papers under 6 situations, none always required, each with its situation', () => {
    const p = seedProcedure('1.004222');
    expect(p.requiredPapers).toHaveLength(15);
    expect(p.requiredPapers.map((r) => paperRequirement(r))).toEqual(Array(15).fill('conditional'));
    const situations = [...new Set(p.requiredPapers.map((r) => r.note))];
    expect(situations).toHaveLength(6);
    expect(situations).toEqual(expect.arrayContaining([
      'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình',
      'Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ',
      expect.stringMatching(/^Đăng ký thường trú tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình/),
      expect.stringMatching(/^Đăng ký thường trú tại cơ sở tín ngưỡng, cơ sở tôn giáo/),
      expect.stringMatching(/^Đăng ký thường trú tại nơi đơn vị đóng quân/),
      expect.stringMatching(/^Người được chăm sóc, nuôi dưỡng, trợ giúp/),
    ]));
    // one's own home: the declaration CT01 and the information proving the home (key p15 and p14)
    const own = p.requiredPapers.filter((r) => r.note === 'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình').map((r) => r.key);
    expect(own).toEqual(['p1', 'p2', 'p14', 'p15']);
    expect(p.requiredPapers.find((r) => r.key === 'p15')?.name).toMatch(/^Tờ khai thay đổi thông tin cư trú \(mẫu CT01/);
  });

  it('the national records (the shared catalogue\'s copy) give 1.004222 the same 6 situations', () => {
    const source = shared.find((x) => x.code === '1.004222');
    expect(situationsOf(source?.documents.map((d) => d.group) ?? []).size).toBe(6);
  });

  it('a heading of a kind of paper is no situation: 1.001193 keeps its required papers', () => {
    expect([isSituation('* Giấy tờ phải xuất trình:'), isSituation('* Giấy tờ phải nộp:'), isSituation(''), isSituation(null)]).toEqual([false, false, false, false]);
    expect(isSituation('- Trường hợp thành viên hộ gia đình đăng ký tách hộ')).toBe(true);
    const birth = seedProcedure('1.001193');
    expect(birth.requiredPapers.filter((r) => paperRequirement(r) === 'required').length).toBeGreaterThan(0);
  });
});
