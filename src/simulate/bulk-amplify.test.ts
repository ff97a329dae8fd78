// The search bench's amplification (bulk-amplify.ts): a simulated base copied inside PostgreSQL
// keeps its shares and scopes, and every copy is a dossier the search can find on its own.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { runSimulate } from '../cli/simulate';
import { amplifyDossiers } from './bulk-amplify';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); }, 120_000);
afterAll(async () => { await t?.close(); });

describe('amplifyDossiers', () => {
  it('copies a simulated base of 400 to 1,200 rows with their own codes, IDs, phones and recombined names', async () => {
    await runSimulate(t.db, { scenario: 'dong-thap-pilot', seed: 1, dossiers: 400 }, undefined, t.pool);
    const shares = () => sql<{ channel: string; status: string; agency: string; n: number }>`
      SELECT channel, status, competent_agency_id::text AS agency, count(*)::int AS n FROM dossiers GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(t.db);
    const before = (await shares()).rows;
    const people = async () => Number((await sql<{ n: number }>`SELECT count(DISTINCT personal_id)::int AS n FROM dossiers`.execute(t.db)).rows[0]?.n);
    const peopleBefore = await people();
    const report = await amplifyDossiers(t.db, 3);
    expect(report.dossiers).toBe(1200);
    // every channel × status × agency three times as often
    expect((await shares()).rows).toEqual(before.map((r) => ({ ...r, n: r.n * 3 })));
    const rows = (await sql<{ code: string; personal_id: string; applicant_phone: string; applicant_name: string }>`
      SELECT code, personal_id, applicant_phone, applicant_name FROM dossiers`.execute(t.db)).rows;
    expect(new Set(rows.map((r) => r.code)).size).toBe(1200);
    expect(rows.every((r) => /^[0-9A-Z.]+-[0-9]{6}-[0-9]{4,}$/.test(r.code))).toBe(true);
    expect(rows.every((r) => /^[0-9]{12}$/.test(r.personal_id) && /^0[0-9]{9}$/.test(r.applicant_phone))).toBe(true);
    expect(rows.every((r) => r.applicant_name.trim().split(/\s+/).length >= 2)).toBe(true);
    // a returning applicant of the base returns in each copy too: three times as many people
    expect(await people()).toBe(peopleBefore * 3);
    // the secondary indexes are back (the end of a code, migrations 0251–0252)
    const { rows: idx } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'dossiers' AND indexname = 'dossiers_code_end_idx'`.execute(t.db);
    expect(idx[0]?.n).toBe(1);
  }, 180_000);

  it('copies 120 times (the 3M set): copy numbers past 66 no longer overflow the 32-bit name pick', async () => {
    const u = await createTestDatabase();
    try {
      await runSimulate(u.db, { scenario: 'dong-thap-pilot', seed: 2, dossiers: 5 }, undefined, u.pool);
      const base = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM dossiers`.execute(u.db)).rows[0]?.n);
      expect((await amplifyDossiers(u.db, 120)).dossiers).toBe(base * 120);
      const { rows } = await sql<{ n: number; codes: number }>`SELECT count(*)::int AS n, count(DISTINCT code)::int AS codes FROM dossiers`.execute(u.db);
      expect(rows[0]).toEqual({ n: base * 120, codes: base * 120 });
    } finally {
      await u.close();
    }
  }, 180_000);
});
