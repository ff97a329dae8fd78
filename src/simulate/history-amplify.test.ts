// The report bench's amplification (history-amplify.ts): a simulated base copied inside PostgreSQL
// with its events and papers; the roll-ups, multiplied, equal those the event log gives when every
// copied event is folded again (reports rebuild: the deltas the live hook writes, rollup.property.test.ts).
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
  it('copies a base of 300 dossiers four times with their events, papers and roll-ups', async () => {
    await runSimulate(t.db, { scenario: 'dong-thap-pilot', seed: 1, dossiers: 300 }, undefined, t.pool);
    const events = await count(t, 'SELECT count(*)::int AS n FROM dossier_events');
    const papers = await count(t, 'SELECT count(*)::int AS n FROM dossier_papers');
    const received = await count(t, 'SELECT sum(received)::int AS n FROM stats_daily');
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
    expect((await rebuildRollups(t.db)).differences).toEqual([]);
    // the triggers and the secondary indexes are back; a new dossier's id comes after the copies
    const { rows } = await sql<{ role: string }>`SELECT current_setting('session_replication_role') AS role`.execute(t.db);
    expect(rows[0]?.role).toBe('origin');
    expect(await count(t, `SELECT count(*)::int AS n FROM pg_indexes WHERE indexname IN ('dossiers_code_reverse_idx', 'dossier_events_workload_idx')`)).toBe(2);
    expect(await count(t, `SELECT (nextval('dossiers_id_seq') > max(id))::int AS n FROM dossiers`)).toBe(1);
  }, 240_000);

  it('keeps the roll-ups equal to the folded event log for any small base and factor', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 10, max: 60 }), fc.integer({ min: 2, max: 5 }), async (seed, size, factor) => {
      const u = await createTestDatabase();
      try {
        await runSimulate(u.db, { scenario: 'dong-thap-pilot', seed, dossiers: size }, undefined, u.pool);
        const base = await count(u, 'SELECT count(*)::int AS n FROM dossiers');
        expect((await amplifyWithHistory(u.db, factor)).dossiers).toBe(base * factor);
        expect((await rebuildRollups(u.db)).differences).toEqual([]);
        expect(await count(u, 'SELECT count(DISTINCT code)::int AS n FROM dossiers')).toBe(base * factor);
      } finally {
        await u.close();
      }
    }), { numRuns: 3 });
  }, 300_000);
});
