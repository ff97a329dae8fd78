// Marks (marks.ts): the state counts behind the indicators' "open and past due at the end of the
// period" and "disliked in the 2.1 base". Pure cases with concrete dates; the telescoping
// property; and on a simulated province, the roll-up figures equal the direct count over the
// dossiers table for every month end, and migration 0194's backfill equals the kept roll-up.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { runSimulate } from '../cli/simulate';
import { markDeltas, marksOf, type MarkedDossier } from './marks';
import { RollupAccumulator, type Metric } from './rollup';
import { rebuildRollups } from './rebuild';
import { totalsUpTo } from './queries';

const vn = (s: string) => new Date(`${s}:00+07:00`);
const row: MarkedDossier = {
  province_code: '87', unit_path: '/87/866/', competent_agency_id: 5, receiving_agency_id: 3, procedure_id: 12, channel: 'counter', online_level: null,
  received_at: vn('2026-03-03T08:00'), due_at: vn('2026-03-10T17:00'), original_due_at: null, finished_at: null,
  supplement_requested_at: null, supplement_completed_at: null, rating_stars: null,
};

/** Sums deltas by day and metric (other key columns fixed in these cases). */
function byDay(deltas: ReturnType<typeof marksOf>): Record<string, Partial<Record<Metric, number>>> {
  const acc = new RollupAccumulator();
  acc.add(deltas);
  const out: Record<string, Partial<Record<Metric, number>>> = {};
  for (const r of acc.rows.values()) {
    const nonZero = Object.fromEntries(Object.entries(r.counts).filter(([, n]) => n !== 0));
    if (Object.keys(nonZero).length > 0) out[r.key.day] = nonZero;
  }
  return out;
}

describe('marks of a dossier', () => {
  it('a dossier received 03/03/2026 and due 10/03/2026 is marked due on 10/03', () => {
    expect(byDay(marksOf(row))).toEqual({ '2026-03-10': { due: 1 } });
    // not received (an online dossier not yet accepted): no mark
    expect(marksOf({ ...row, received_at: null })).toEqual([]);
  });

  it('an apology keeps the original due day; a recomputed due time moves the mark from 10/03 to 12/03', () => {
    const apologized = { ...row, original_due_at: row.due_at, due_at: vn('2026-03-17T17:00') };
    expect(markDeltas(row, apologized)).toEqual([]);
    const recomputed = { ...row, due_at: vn('2026-03-12T17:00') };
    expect(byDay(markDeltas(row, recomputed))).toEqual({ '2026-03-10': { due: -1 }, '2026-03-12': { due: 1 } });
  });

  it('ended late on 14/03 settles on 14/03; ended early on 06/03 settles on the due day 10/03', () => {
    expect(byDay(markDeltas(row, { ...row, finished_at: vn('2026-03-14T10:00') }))).toEqual({ '2026-03-14': { due_settled: 1 } });
    expect(byDay(markDeltas(row, { ...row, finished_at: vn('2026-03-06T10:00') }))).toEqual({ '2026-03-10': { due_settled: 1 } });
  });

  it('a 2-star rating marks the receipt day 03/03 and the end day 06/03; 3 stars mark nothing', () => {
    const ended = { ...row, finished_at: vn('2026-03-06T10:00') };
    expect(byDay(markDeltas(ended, { ...ended, rating_stars: 2 }))).toEqual({ '2026-03-03': { disliked_received: 1 }, '2026-03-06': { disliked_closed: 1 } });
    expect(markDeltas(ended, { ...ended, rating_stars: 3 })).toEqual([]);
  });

  it('a day is the civil day in Vietnam: ended 23:30 on 14/03 (16:30 UTC) is 14/03', () => {
    expect(byDay(markDeltas(row, { ...row, finished_at: vn('2026-03-14T23:30') }))).toEqual({ '2026-03-14': { due_settled: 1 } });
  });

  it('the deltas along any history add up to the marks of the last row', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.parse('2026-03-01T01:00:00Z') + n * 86_400_000));
    const state = fc.record({
      received_at: fc.option(day, { nil: null }), due_at: fc.option(day, { nil: null }), original_due_at: fc.option(day, { nil: null }),
      finished_at: fc.option(day, { nil: null }), rating_stars: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), unit_path: fc.constantFrom('/87/866/', '/87/867/'),
    }).map((s) => ({ ...row, ...s }));
    fc.assert(fc.property(fc.array(state, { minLength: 1, maxLength: 8 }), (states) => {
      const acc: ReturnType<typeof marksOf> = [];
      let before: MarkedDossier | null = null;
      for (const s of states) {
        acc.push(...markDeltas(before, s));
        before = s;
      }
      expect(byDay(acc)).toEqual(byDay(marksOf(states[states.length - 1] ?? null)));
    }));
  });
});

/** Migration 0215's backfill (its INSERTs from the month tables). */
const yearlyBackfill = (): string => {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../platform/db/migrations/0215_stats_yearly.sql');
  const text = readFileSync(file, 'utf8');
  return text.slice(text.indexOf('INSERT INTO'));
};

describe('marks on a simulated province (old Đồng Tháp, 87)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await runSimulate(t.db, { scenario: 'dong-thap-pilot', seed: 11, dossiers: 1500 });
  }, 120_000);
  afterAll(async () => { await t?.close(); });

  const scope = { unitPath: '/87/' };
  const end = (d: string) => new Date(Date.parse(`${d}T00:00:00+07:00`) + 86_400_000);
  const direct = async (from: string, to: string) => {
    const r = await sql<{ overdue: number; disliked: number }>`
      SELECT count(*) FILTER (WHERE received_at < ${end(to)} AND (finished_at IS NULL OR finished_at >= ${end(to)})
               AND coalesce(original_due_at, due_at) < ${end(to)})::int AS overdue,
             count(*) FILTER (WHERE received_at < ${end(to)} AND (finished_at IS NULL OR finished_at >= ${new Date(`${from}T00:00:00+07:00`)})
               AND rating_stars <= 2)::int AS disliked
        FROM dossiers WHERE unit_path LIKE '/87/%'`.execute(t.db);
    return r.rows[0];
  };
  const fromRollups = async (from: string, to: string) => {
    const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const [a, b] = await Promise.all([totalsUpTo(t.db, scope, dayBefore), totalsUpTo(t.db, scope, to)]);
    return { overdue: b.due - b.due_settled, disliked: b.disliked_received - a.disliked_closed };
  };

  it('open and past due at a period end, and the disliked of its base, equal the count over the dossiers', async () => {
    const days = fc.integer({ min: 0, max: 4 * 366 }).map((n) => new Date(Date.parse('2018-08-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10));
    let seen = 0;
    await fc.assert(fc.asyncProperty(days, days, async (a, b) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const want = await direct(from, to);
      expect(await fromRollups(from, to)).toEqual(want);
      seen += (want?.overdue ?? 0) + (want?.disliked ?? 0);
    }), { numRuns: 40 });
    expect(seen).toBeGreaterThan(0); // the simulated pilot has late open dossiers and dislikes
  }, 120_000);

  it('migration 0194 backfills from the rows exactly what the roll-ups kept', async () => {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../platform/db/migrations/0194_report_marks.sql');
    const backfill = readFileSync(file, 'utf8').split('\n').filter((l) => !l.startsWith('ALTER TABLE')).join('\n');
    const before = await fromRollups('2021-01-01', '2021-12-31');
    await t.db.transaction().execute(async (trx) => {
      for (const table of ['stats_daily', 'stats_monthly', 'stats_monthly_procedure']) {
        await sql`UPDATE ${sql.table(table)} SET due = 0, due_settled = 0, disliked_received = 0, disliked_closed = 0`.execute(trx);
      }
      await sql.raw(backfill).execute(trx);
      // the year tiers come later (migration 0215): built again from the months 0194 refilled
      await sql`DELETE FROM stats_yearly`.execute(trx);
      await sql`DELETE FROM stats_yearly_procedure`.execute(trx);
      await sql.raw(yearlyBackfill()).execute(trx);
    });
    expect(await fromRollups('2021-01-01', '2021-12-31')).toEqual(before);
    expect((await rebuildRollups(t.db)).differences).toEqual([]);
  }, 120_000);
});
