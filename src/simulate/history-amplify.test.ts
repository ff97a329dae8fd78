// The report bench's amplification (history-amplify.ts): a simulated base copied inside PostgreSQL
// with its events and papers; the roll-ups, multiplied, equal those the event log gives when every
// copied event is folded again (reports rebuild: the deltas the live hook writes, rollup.property.test.ts);
// each copy's dossiers under its own copies of the procedures, so the procedure-keyed roll-ups gain rows.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { runSimulate } from '../cli/simulate';
import { rebuildRollups } from '../reports/rebuild';
import { amplifyWithHistory } from './history-amplify';

const count = async (t: TestDatabase, q: string) => Number((await sql<{ n: number }>`${sql.raw(q)}`.execute(t.db)).rows[0]?.n);

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); }, 120_000);
afterAll(async () => { await t?.close(); });

describe('amplifyWithHistory', () => {
  it('copies a base of 300 dossiers four times with their events, papers, name suffixes and roll-ups, each copy under its own procedures', async () => {
    await runSimulate(t.db, { scenario: 'dong-thap-pilot', seed: 1, dossiers: 300 }, undefined, t.pool);
    const events = await count(t, 'SELECT count(*)::int AS n FROM dossier_events');
    const papers = await count(t, 'SELECT count(*)::int AS n FROM dossier_papers');
    const received = await count(t, 'SELECT sum(received)::int AS n FROM stats_daily');
    const procedures = await count(t, 'SELECT count(*)::int AS n FROM procedures');
    const usedProcedures = await count(t, 'SELECT count(DISTINCT procedure_id)::int AS n FROM dossiers');
    const suffixes = await count(t, 'SELECT count(*)::int AS n FROM dossier_name_suffixes');
    const rollupRowsNow = async () => Object.fromEntries(await Promise.all(['stats_daily', 'stats_monthly', 'stats_monthly_procedure', 'stats_yearly', 'stats_yearly_procedure',
      'stats_monthly_procedure_province', 'stats_yearly_procedure_province']
      .map(async (table) => [table, await count(t, `SELECT count(*)::int AS n FROM ${table}`)] as const)));
    const rollupRows = await rollupRowsNow();
    expect(suffixes).toBeGreaterThan(0);
    expect(received).toBe(await count(t, 'SELECT count(*)::int AS n FROM dossiers WHERE received_at IS NOT NULL'));
    const report = await amplifyWithHistory(t.db, 4);
    expect(report).toMatchObject({ dossiers: 1200, events: events * 4, papers: papers * 4 });
    expect(await count(t, 'SELECT count(*)::int AS n FROM dossier_events')).toBe(events * 4);
    expect(await count(t, 'SELECT count(*)::int AS n FROM dossier_papers')).toBe(papers * 4);
    // every copy has its own code, also in its intake event; codes keep the pilot's shape
    const codes = (await sql<{ code: string; intake: string }>`
      SELECT d.code, e.payload->>'code' AS intake FROM dossiers d JOIN dossier_events e ON e.dossier_id = d.id AND e.seq = 1`.execute(t.db)).rows;
    expect(codes).toHaveLength(1200);
    expect(new Set(codes.map((r) => r.code)).size).toBe(1200);
    expect(codes.every((r) => r.intake === r.code && /^[0-9A-Z.]+-[0-9]{6}-[0-9]{4,}$/.test(r.code))).toBe(true);
    // the columns the triggers and foreign keys keep, filled by the copy itself
    expect(await count(t, `SELECT count(*)::int AS n FROM dossier_events e LEFT JOIN dossiers d
      ON d.id = e.dossier_id AND d.province_code = e.province_code AND d.submitted_at = e.dossier_submitted_at WHERE d.id IS NULL`)).toBe(0);
    expect(await count(t, `SELECT count(*)::int AS n FROM dossier_papers p JOIN dossiers d ON d.id = p.dossier_id WHERE p.province_code <> d.province_code`)).toBe(0);
    expect(await count(t, `SELECT count(*)::int AS n FROM dossiers WHERE applicant_name_key <> search_key(applicant_name)`)).toBe(0);
    // each copy's events are its base's: the roll-ups four times the base's, equal to the log folded again
    expect(await count(t, 'SELECT sum(received)::int AS n FROM stats_daily')).toBe(received * 4);
    expect(await count(t, 'SELECT sum(received)::int AS n FROM stats_monthly')).toBe(received * 4);
    // each copy under its own procedures: the procedure key space grows with the copies, the agency tiers keep their keys
    expect(await count(t, 'SELECT count(*)::int AS n FROM procedures')).toBe(procedures * 4);
    expect(await count(t, 'SELECT count(DISTINCT procedure_id)::int AS n FROM dossiers')).toBe(usedProcedures * 4);
    expect(await count(t, `SELECT count(*)::int AS n FROM dossiers d JOIN procedures p ON p.id = d.procedure_id WHERE p.code <> d.procedure_code`)).toBe(0);
    expect(await count(t, `SELECT count(*)::int AS n FROM procedures WHERE code ~ '[.]b3$' AND name LIKE '% (bản 3)'`)).toBe(procedures);
    expect(await rollupRowsNow()).toEqual({ ...rollupRows, stats_daily: (rollupRows.stats_daily ?? 0) * 4,
      stats_monthly_procedure: (rollupRows.stats_monthly_procedure ?? 0) * 4, stats_yearly_procedure: (rollupRows.stats_yearly_procedure ?? 0) * 4,
      stats_monthly_procedure_province: (rollupRows.stats_monthly_procedure_province ?? 0) * 4, stats_yearly_procedure_province: (rollupRows.stats_yearly_procedure_province ?? 0) * 4 });
    expect(rollupRows.stats_monthly_procedure_province).toBeGreaterThan(0);
    // the name suffixes the trigger (off during the copy) would have written: one row per word-start suffix of each copy
    expect(await count(t, 'SELECT count(*)::int AS n FROM dossier_name_suffixes')).toBe(suffixes * 4);
    expect(await count(t, `SELECT count(*)::int AS n FROM dossiers d, string_to_array(d.applicant_name_key, ' ') w, generate_subscripts(w, 1) i
      WHERE d.applicant_name_key <> '' AND NOT EXISTS (SELECT 1 FROM dossier_name_suffixes s WHERE s.dossier_id = d.id AND s.position = i
        AND s.suffix = left(array_to_string(w[i:], ' '), 200) AND s.unit_path = d.unit_path)`)).toBe(0);
    expect((await rebuildRollups(t.db)).differences).toEqual([]);
    // the triggers and the secondary indexes are back; a new dossier's id comes after the copies
    const { rows } = await sql<{ role: string }>`SELECT current_setting('session_replication_role') AS role`.execute(t.db);
    expect(rows[0]?.role).toBe('origin');
    expect(await count(t, `SELECT count(*)::int AS n FROM pg_indexes WHERE indexname IN ('dossiers_code_end_idx', 'dossier_events_workload_idx')`)).toBe(2);
    expect(await count(t, `SELECT (nextval('dossiers_id_seq') > max(id))::int AS n FROM dossiers`)).toBe(1);
  }, 240_000);

  it('keeps the roll-ups equal to the folded event log for any small base and factor', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 10, max: 60 }), fc.integer({ min: 2, max: 5 }), async (seed, size, factor) => {
      const u = await createTestDatabase();
      try {
        await runSimulate(u.db, { scenario: 'dong-thap-pilot', seed, dossiers: size }, undefined, u.pool);
        const base = await count(u, 'SELECT count(*)::int AS n FROM dossiers');
        const suffixes = await count(u, 'SELECT count(*)::int AS n FROM dossier_name_suffixes');
        expect((await amplifyWithHistory(u.db, factor)).dossiers).toBe(base * factor);
        expect((await rebuildRollups(u.db)).differences).toEqual([]);
        expect(await count(u, 'SELECT count(DISTINCT code)::int AS n FROM dossiers')).toBe(base * factor);
        expect(await count(u, 'SELECT count(*)::int AS n FROM dossier_name_suffixes')).toBe(suffixes * factor);
      } finally {
        await u.close();
      }
    }), { numRuns: 3 });
  }, 300_000);
});
