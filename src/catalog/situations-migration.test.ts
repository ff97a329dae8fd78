// Migration 0242 on a catalogue imported before papers listed by situation were read as alternatives
// (commit 24a89e4): 1.004222's 15 papers were stored without a requirement, read from their wording as
// mostly required. The migration marks them conditional in place where the list is still exactly what
// the importer wrote from the shared data, and leaves an edited list (another version, another
// procedure) alone.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabaseBefore } from '../../test/db';
import { FixedClock } from '../platform/clock';
import { connectUrl, type Database } from '../platform/db/connect';
import { migrate } from '../platform/db/migrate';
import { paperRequirement, type RequiredPaper } from './model';
import { seedCatalog } from './seed';
import { seedProcedure } from './seed.test-helper';
import { situationsOfPapers } from './situations';

const MIGRATION = '0242_situation_papers_conditional.sql';
const before = useDatabaseBefore(MIGRATION, 't_sit');
let db: Database;

/** A list as the importer wrote it before 24a89e4: the same papers, no requirement. */
const oldShape = (code: string) => seedProcedure(code).requiredPapers.map(({ requirement: _, ...p }) => p);
const papersOf = async (code: string, version: number) =>
  (await db.selectFrom('procedures').select('required_papers').where('code', '=', code).where('version', '=', version).executeTakeFirstOrThrow()).required_papers as RequiredPaper[];

beforeAll(async () => {
  ({ db } = connectUrl(before.url, 2));
  await seedCatalog(db, new FixedClock(new Date('2026-03-02T09:00:00+07:00')));
  // the installation as it was: 1.004222 and 1.004194 as imported then; 1.004222 version 2 edited by an administrator
  await sql`UPDATE procedures SET required_papers = ${JSON.stringify(oldShape('1.004222'))}::jsonb WHERE code = '1.004222'`.execute(db);
  await sql`UPDATE procedures SET required_papers = ${JSON.stringify(oldShape('1.004194'))}::jsonb WHERE code = '1.004194'`.execute(db);
  const edited = oldShape('1.004222').map((p) => (p.key === 'p15' ? { ...p, requirement: 'required' } : p));
  await sql`INSERT INTO procedures (code, full_code, version, name, field, competent_level, competent_agency, duration_value, duration_unit, cutoff, fees,
      required_papers, online_level, postal_allowed, result_type, result_description, eform_schema, steps, defaults_applied, source, province_code, effective_from, effective_to,
      competent_body, place_tied, filing_anywhere, cases)
    SELECT code, full_code, 2, name, field, competent_level, competent_agency, duration_value, duration_unit, cutoff, fees,
      ${JSON.stringify(edited)}::jsonb, online_level, postal_allowed, result_type, result_description, eform_schema, steps, defaults_applied, source, province_code, '2026-09-01', NULL,
      competent_body, place_tied, filing_anywhere, cases
    FROM procedures WHERE code = '1.004222' AND version = 1`.execute(db);
  await sql`UPDATE procedures SET effective_to = '2026-09-01' WHERE code = '1.004222' AND version = 1`.execute(db);
}, 180_000);
afterAll(async () => { await db?.destroy(); });

describe('migration 0242: papers listed by situation in catalogues imported earlier', () => {
  it('before: 1.004222 reads as required papers and no situation', async () => {
    const papers = await papersOf('1.004222', 1);
    expect(papers.filter((p) => paperRequirement(p) === 'required').length).toBeGreaterThan(10);
    expect(situationsOfPapers(papers)).toEqual([]);
  });

  it('after: the imported versions are read as 6 (1.004222) and 3 (1.004194) situations, each paper conditional; the edited version and 1.001193 are unchanged', async () => {
    const editedBefore = await papersOf('1.004222', 2);
    const birthBefore = await papersOf('1.001193', 1);
    expect(await migrate(before.url)).toContain(MIGRATION);
    const residence = await papersOf('1.004222', 1);
    expect(residence).toEqual(seedProcedure('1.004222').requiredPapers);
    expect(residence.map((p) => paperRequirement(p))).toEqual(Array(15).fill('conditional'));
    expect(situationsOfPapers(residence)).toHaveLength(6);
    expect(situationsOfPapers(await papersOf('1.004194', 1))).toHaveLength(3);
    expect(await papersOf('1.004222', 2)).toEqual(editedBefore);
    expect(await papersOf('1.001193', 1)).toEqual(birthBefore);
  });
});
