// The name and code rules of the search (migration 0220, search-names.ts): a name from the start of
// a word, in order, read from the word-start suffixes or by the scope walk (both give the same);
// a part of a code its end or its start.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { receiveDossier } from './service';
import { searchDossiers, type SearchPlan } from './search';
import { useWorld } from './world.test-helper';

const { t, w } = useWorld();
const READS: SearchPlan['nameRead'][] = ['suffixes', 'walk', 'auto'];

/** One dossier received by the clerk at 09:00 (Vietnam time) on `day`, with `name`; its code. */
async function received(day: string, name: string, personalId: string): Promise<string> {
  w.clock.set(new Date(`${day}T09:00:00+07:00`));
  return (await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId, name }))).code;
}

async function found(name: string, ours: readonly string[]): Promise<string[][]> {
  return Promise.all(READS.map(async (nameRead) =>
    (await searchDossiers(w.ctx(w.actors.admin), { name, limit: 200 }, { nameRead })).items.map((d) => d.code).filter((c) => ours.includes(c))));
}

describe('search: a name matches from the start of a word, in order', () => {
  it('"thu hang" finds Nguyễn Thị Thu Hằng and Thu Hằng; "an" finds An and Anh, not Trần; đ/Đ as d; several spaces as one', async () => {
    const thuHang = await received('2026-03-09', 'Nguyễn Thị Thu Hằng', '087090009001');
    const thuHangAlone = await received('2026-03-10', 'Thu Hằng', '087090009002');
    const an = await received('2026-03-11', 'Lê Văn An', '087090009003');
    const anh = await received('2026-03-12', 'Phạm Anh', '087090009004');
    const tran = await received('2026-03-13', 'Trần Văn Bình', '087090009005');
    const dao = await received('2026-03-14', 'Đỗ Thị Đào', '087090009006');
    const ours = [thuHang, thuHangAlone, an, anh, tran, dao];
    const each = (codes: string[]) => READS.map(() => codes);

    // newest first (received 14/03/2026 is the newest)
    expect(await found('thu hang', ours)).toEqual(each([thuHangAlone, thuHang]));
    expect(await found('Thu Hằng', ours)).toEqual(each([thuHangAlone, thuHang]));
    expect(await found('thu ha', ours)).toEqual(each([thuHangAlone, thuHang]));
    expect(await found('nguyen thi thu hang', ours)).toEqual(each([thuHang]));
    expect(await found('  nguyễn   thị  thu hằng ', ours)).toEqual(each([thuHang]));
    // in order, and from the start of a word
    expect(await found('hang thu', ours)).toEqual(each([]));
    expect(await found('hu hang', ours)).toEqual(each([]));
    expect(await found('an', ours)).toEqual(each([anh, an]));
    expect(await found('tr', ours)).toEqual(each([tran]));
    // đ and Đ are d; with or without diacritics, any case
    for (const name of ['do thi dao', 'Đỗ Thị Đào', 'ĐÀO', 'đ']) expect(await found(name, ours), name).toEqual(each([dao]));
    expect(await found('dao', ours)).toEqual(each([dao]));

    // a name written with stray spaces, by any statement: the key and its suffixes follow
    await sql`UPDATE dossiers SET applicant_name = ${'  Trần   Thu  Hằng '} WHERE code = ${tran}`.execute(t.db);
    const key = (await sql<{ k: string }>`SELECT applicant_name_key AS k FROM dossiers WHERE code = ${tran}`.execute(t.db)).rows[0]?.k;
    expect(key).toBe('tran thu hang');
    expect(await found('thu hang', ours)).toEqual(each([tran, thuHangAlone, thuHang]));
    expect(await found('tran thu', ours)).toEqual(each([tran]));
    expect(await found('binh', ours)).toEqual(each([]));
    const suffixes = await sql<{ suffix: string }>`SELECT s.suffix FROM dossier_name_suffixes s JOIN dossiers d ON d.id = s.dossier_id
      WHERE d.code = ${tran} ORDER BY s.position`.execute(t.db);
    expect(suffixes.rows.map((r) => r.suffix)).toEqual(['tran thu hang', 'thu hang', 'hang']);
  });

  it('counts a name found at two words of one dossier once ("ha" in Hà Thị Hà)', async () => {
    const code = await received('2026-03-16', 'Hà Thị Hà', '087090009010');
    for (const nameRead of READS) {
      const page = await searchDossiers(w.ctx(w.actors.admin), { name: 'ha', limit: 200 }, { nameRead });
      expect(page.items.filter((d) => d.code === code), nameRead).toHaveLength(1);
      expect(page.total, nameRead).toBe(page.items.length);
    }
  });
});

describe('search: a part of a code matches its end or its start', () => {
  it('the last digits of the slip, the date and serial, the start; a whole code exactly; a middle part finds nothing', async () => {
    const personalId = '087090009020';
    const code = await received('2026-03-17', 'Võ Thị Lan', personalId);
    expect(code).toMatch(/-260317-\d{4}$/);
    const ofOurs = async (part: string) => (await searchDossiers(w.ctx(w.actors.admin), { code: part, limit: 200 })).items.map((d) => d.code).includes(code);
    expect(await ofOurs(code)).toBe(true);
    expect(await ofOurs(code.toLowerCase())).toBe(true);
    expect(await ofOurs(code.slice(-4))).toBe(true); // "0001"
    expect(await ofOurs(code.slice(-11))).toBe(true); // "260317-0001"
    expect(await ofOurs(code.slice(0, 9))).toBe(true); // the agency's identifier
    expect(await ofOurs(code.slice(-11, -5))).toBe(false); // "260317": the middle
    expect(await ofOurs(`${code}9`)).toBe(false);
    // a whole code that is not ours: exact, nothing else
    expect((await searchDossiers(w.ctx(w.actors.admin), { code: code.replace(/\d{4}$/, '9999') })).total).toBe(0);
  });
});
