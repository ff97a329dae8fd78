// Every shared paper of every bundle in the catalogue names member papers that exist: each member
// key it names uses it, each paper key is in that member procedure's catalogue entry (the shared
// extract, src/catalog/seed/procedures-catalogue.json, or the bundles' own member file), and it is
// the paper meant — checked by the start of its catalogue name. A catalogue whose papers are
// renumbered fails here, not at the counter.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromNationalProcedure, type NationalProcedure } from '../catalog/national';
import { seedProcedureRows } from '../catalog/seed';
import { bundleDefinitions } from './definitions';
import { memberProceduresFile } from './seed';

const catalogue = [
  ...seedProcedureRows(),
  ...(JSON.parse(readFileSync(memberProceduresFile, 'utf8')) as NationalProcedure[]).map(fromNationalProcedure),
];
const papersOf = (procedureCode: string) => catalogue.find((p) => p.code === procedureCode)?.requiredPapers ?? null;

/** What each named paper is, as the catalogue's name begins (the reason the key was chosen). */
const meant: Record<string, string> = {
  '2.002621 birth p4': 'Giấy chứng sinh',
  '2.002622 death p1': 'Giấy báo tử',
};

const cases = bundleDefinitions.flatMap((d) => d.sharedPapers.map((s) => [`${d.code}@${d.effectiveFrom}: ${s.name}`, d, s] as const));

describe('the shared papers of the bundle definitions', () => {
  it.each(cases)('%s resolves to existing member papers', (_, d, s) => {
    for (const [member, keys] of Object.entries(s.papers)) {
      expect(s.members).toContain(member);
      const procedureCode = d.members.find((m) => m.key === member)?.procedureCode ?? '';
      const papers = papersOf(procedureCode);
      expect(papers, `${procedureCode} in the catalogue`).not.toBeNull();
      for (const key of keys) {
        const paper = papers?.find((p) => p.key === key);
        expect(paper, `${procedureCode} ${key}`).toBeDefined();
        const begins = meant[`${d.code} ${member} ${key}`];
        expect(begins, `what ${d.code} ${member} ${key} is meant to be`).toBeDefined();
        expect(paper?.name.startsWith(begins ?? '\u0000')).toBe(true);
      }
    }
  });

  it('a paper to keep is named for at least one member; the ID shown is named for none', () => {
    for (const d of bundleDefinitions) {
      const kept = d.sharedPapers.filter((s) => Object.values(s.papers).some((k) => k.length > 0)).map((s) => s.name);
      const shown = d.sharedPapers.filter((s) => Object.keys(s.papers).length === 0).map((s) => s.name);
      expect(kept.length + shown.length).toBe(d.sharedPapers.length);
      expect(shown).toEqual(['Giấy tờ tùy thân của người đi đăng ký (xuất trình)']);
    }
  });
});
