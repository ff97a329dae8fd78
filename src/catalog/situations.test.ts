// situationProblem on the demo catalogue's real lists: 1.004222 "Đăng ký thường trú" (15 papers under
// 6 situations) and 1.001193 "Đăng ký khai sinh" (papers to submit and papers shown: no situation).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedProcedure } from './seed.test-helper';
import { situationProblem, situationsOfPapers } from './situations';

const residence = seedProcedure('1.004222').requiredPapers;
const birth = seedProcedure('1.001193').requiredPapers;
const OWN = 'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình';
const RENTED = 'Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ';
const ARMY = 'Đăng ký thường trú tại nơi đơn vị đóng quân trong Công an nhân dân, Quân đội nhân nhân nhân (đơn vị đóng quân, nhà ở công vụ)';

describe('situationProblem', () => {
  it('1.004222 has 6 situations, 1.001193 none', () => {
    expect(situationsOfPapers(residence)).toHaveLength(6);
    expect(situationsOfPapers(residence)).toEqual(expect.arrayContaining([OWN, RENTED, ARMY]));
    expect(situationsOfPapers(birth)).toEqual([]);
  });

  // [list, situation, papers handed in, expected code (null: accepted)]
  const table: [string, readonly { key: string; name: string; originals: number; copies: number; note: string | null }[], string | null, string[], string | null][] = [
    ['own home with CT01 (p15)', residence, OWN, ['p15'], null],
    ['own home with CT01 and the home\'s proof (p14, p15)', residence, OWN, ['p14', 'p15'], null],
    ['rented with the rental contract (p12)', residence, RENTED, ['p12'], null],
    ['army unit with the unit\'s letter (p9) and CT01 (p10)', residence, ARMY, ['p9', 'p10'], null],
    ['no situation, no papers', residence, null, [], 'SITUATION_REQUIRED'],
    ['no situation, with own-home papers', residence, null, ['p14', 'p15'], 'SITUATION_REQUIRED'],
    ['an empty situation', residence, '  ', ['p15'], 'SITUATION_REQUIRED'],
    ['a situation not on the list', residence, 'Đăng ký thường trú tại nhà của người quen', ['p15'], 'SITUATION_UNKNOWN'],
    ['own home with no paper', residence, OWN, [], 'SITUATION_PAPER_MISSING'],
    ['own home with only the rented papers (p12, p13)', residence, OWN, ['p12', 'p13'], 'SITUATION_PAPER_MISSING'],
    ['rented with the army unit\'s CT01 (p10)', residence, RENTED, ['p10'], 'SITUATION_PAPER_MISSING'],
    ['1.001193 without a situation', birth, null, ['p4', 'p7'], null],
    ['1.001193 without any paper (its required papers are checked apart)', birth, null, [], null],
    ['1.001193 with its heading as a situation', birth, 'Giấy tờ phải nộp', ['p4'], 'SITUATION_NOT_APPLICABLE'],
  ];
  it.each(table)('%s', (_, papers, situation, keys, code) => {
    expect(situationProblem(papers, situation, keys)?.code ?? null).toBe(code);
  });

  it('the situation is read as written, whatever its spaces or Unicode form', () => {
    expect(situationProblem(residence, `  ${OWN.normalize('NFD').replace(/ /g, '  ')}:`, ['p15'])).toBeNull();
  });

  it('names the situation and its papers when they are missing', () => {
    const p = situationProblem(residence, RENTED, ['p15']);
    expect(p).toMatchObject({ code: 'SITUATION_PAPER_MISSING', path: 'papers' });
    expect(p?.message).toContain(`Trường hợp "${RENTED}"`);
    expect(p?.message).toContain('Hợp đồng, văn bản về việc cho thuê, cho mượn, cho ở nhờ');
    expect(situationProblem(residence, null, [])?.message).toMatch(/^Chưa chọn trường hợp của người nộp \(một trong 6 trường hợp: /);
  });

  it('for every situation of 1.004222: accepted with any one of its papers, refused with only other situations\' papers', () => {
    const situations = situationsOfPapers(residence);
    fc.assert(fc.property(fc.constantFrom(...situations), fc.subarray(residence.map((p) => p.key)), (situation, keys) => {
      const own = residence.filter((p) => p.note === situation).map((p) => p.key);
      const accepted = situationProblem(residence, situation, keys) === null;
      expect(accepted).toBe(keys.some((k) => own.includes(k)));
    }));
  });
});
