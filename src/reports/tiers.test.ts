// Roll-up tiers (migration 0215): a period is read from whole years, whole months and edge days
// (queries.ts segmentsOf). Pure cases with concrete dates and a property that the segments cover
// any period exactly; on a simulated province, the tiered reads equal the same sums over the
// daily rows and the dossiers-table counts for random periods, and the migration's backfill of
// the year tables equals what the upserts kept.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { runSimulate } from '../cli/simulate';
import { inProgressAt, segmentsOf, sumByProcedure, sumRollups, type ReportScope } from './queries';
import { markMetrics, metrics, procedureMetrics, type Metric } from './rollup';
import { rebuildRollups } from './rebuild';

const addDay = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('segmentsOf: the coarsest tiers that cover a period', () => {
  it('15/03/2018 – 20/10/2021: edge days, months of 2018, years 2019–2020, months of 2021, edge days', () => {
    expect(segmentsOf({ from: '2018-03-15', to: '2021-10-20' })).toEqual([
      { tier: 'day', from: '2018-03-15', to: '2018-04-01' },
      { tier: 'month', from: '2018-04-01', to: '2019-01-01' },
      { tier: 'year', from: '2019-01-01', to: '2021-01-01' },
      { tier: 'month', from: '2021-01-01', to: '2021-10-01' },
      { tier: 'day', from: '2021-10-01', to: '2021-10-21' },
    ]);
  });

  it('01/01/2021 – 31/12/2021 is one year; a trend by month (years: false) reads its twelve months', () => {
    expect(segmentsOf({ from: '2021-01-01', to: '2021-12-31' })).toEqual([{ tier: 'year', from: '2021-01-01', to: '2022-01-01' }]);
    expect(segmentsOf({ from: '2021-01-01', to: '2021-12-31' }, false)).toEqual([{ tier: 'month', from: '2021-01-01', to: '2022-01-01' }]);
  });

  it('10/02/2020 – 20/02/2020 is days only; 31/12/2019 – 01/01/2020 two days across a year end', () => {
    expect(segmentsOf({ from: '2020-02-10', to: '2020-02-20' })).toEqual([{ tier: 'day', from: '2020-02-10', to: '2020-02-21' }]);
    expect(segmentsOf({ from: '2019-12-31', to: '2020-01-01' })).toEqual([{ tier: 'day', from: '2019-12-31', to: '2020-01-02' }]);
  });

  it('for any period the segments are whole units of their tier, in order, and cover it exactly', () => {
    const day = fc.integer({ min: 0, max: 9 * 366 }).map((n) => addDay('2016-01-01', n));
    fc.assert(fc.property(day, day, fc.boolean(), (a, b, years) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const segs = segmentsOf({ from, to }, years);
      let at = from;
      for (const s of segs) {
        expect(s.from).toBe(at);
        expect(s.from < s.to).toBe(true);
        if (s.tier !== 'day') expect(s.from.endsWith(s.tier === 'year' ? '-01-01' : '-01') && s.to.endsWith(s.tier === 'year' ? '-01-01' : '-01')).toBe(true);
        if (s.tier === 'year') expect(years).toBe(true);
        at = s.to;
      }
      expect(at).toBe(addDay(to, 1));
    }));
  });
});

describe('tiers on a simulated province (old Đồng Tháp, 87)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await runSimulate(t.db, { scenario: 'dong-thap-pilot', seed: 7, dossiers: 1500 });
  }, 120_000);
  afterAll(async () => { await t?.close(); });

  const scopes: ReportScope[] = [{ unitPath: '/' }, { unitPath: '/87/' }];
  const likeOf = (s: ReportScope) => `${s.unitPath}%`;
  const activity = metrics.filter((m) => !(markMetrics as readonly string[]).includes(m));

  /** The same sums straight from stats_daily, keyed by the group columns; groups without activity left out. */
  async function fromDaily(scope: ReportScope, from: string, to: string, cols: readonly string[], list: readonly Metric[]): Promise<Map<string, Record<string, number>>> {
    const r = await sql<Record<string, unknown>>`
      SELECT ${sql.join(cols.map((c) => sql.ref(c)))}, ${sql.join(list.map((m) => sql`sum(${sql.ref(m)})::bigint AS ${sql.ref(m)}`))},
             bool_or(${sql.join(activity.filter((m) => list.includes(m)).map((m) => sql`${sql.ref(m)} <> 0`), sql` OR `)}) AS active
        FROM stats_daily WHERE day >= ${from}::date AND day <= ${to}::date AND unit_path LIKE ${likeOf(scope)}
       GROUP BY ${sql.join(cols.map((c) => sql.ref(c)))}`.execute(t.db);
    return new Map(r.rows.filter((x) => x.active === true).map((x) => [cols.map((c) => String(x[c])).join('|'), Object.fromEntries(list.map((m) => [m, Number(x[m])]))]));
  }
  const keyed = (rows: Record<string, unknown>[], cols: readonly string[], list: readonly Metric[]) =>
    new Map(rows.map((x) => [cols.map((c) => String(x[c])).join('|'), Object.fromEntries(list.map((m) => [m, Number(x[m])]))]));

  const day = fc.integer({ min: 0, max: 5 * 366 }).map((n) => addDay('2018-06-01', n));

  it('by channel and receiving point, and by procedure and channel: the tiers equal the daily rows for random periods', async () => {
    let received = 0;
    await fc.assert(fc.asyncProperty(day, day, fc.constantFrom(...scopes), async (a, b, scope) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const agencyCols = ['channel', 'receiving_agency_id'] as const;
      const tiered = await sumRollups(t.db, scope, { from, to }, [...agencyCols]);
      expect(keyed(tiered, agencyCols, metrics)).toEqual(await fromDaily(scope, from, to, agencyCols, metrics));
      const procCols = ['procedure_id', 'channel'] as const;
      const byProc = await sumByProcedure(t.db, scope, { from, to });
      expect(keyed(byProc, procCols, procedureMetrics)).toEqual(await fromDaily(scope, from, to, procCols, procedureMetrics));
      received += tiered.reduce((n, r) => n + Number(r.received), 0);
    }), { numRuns: 30 });
    expect(received).toBeGreaterThan(0); // the periods met the simulated dossiers
  }, 120_000);

  it('received by channel and open at a date equal the dossiers-table counts', async () => {
    const vnStart = (d: string) => new Date(`${d}T00:00:00+07:00`);
    await fc.assert(fc.asyncProperty(day, day, async (a, b) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const scope = { unitPath: '/87/' };
      const direct = await sql<{ channel: string; n: number }>`
        SELECT channel, count(*)::int AS n FROM dossiers
         WHERE received_at >= ${vnStart(from)} AND received_at < ${vnStart(addDay(to, 1))} AND unit_path LIKE '/87/%' GROUP BY 1`.execute(t.db);
      const tiered = await sumRollups(t.db, scope, { from, to }, ['channel'], { only: ['received'] });
      expect(Object.fromEntries(tiered.filter((r) => Number(r.received) > 0).map((r) => [String(r.channel), Number(r.received)])))
        .toEqual(Object.fromEntries(direct.rows.map((r) => [r.channel, r.n])));
      const open = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM dossiers WHERE received_at < ${vnStart(addDay(to, 1))}
           AND (finished_at IS NULL OR finished_at >= ${vnStart(addDay(to, 1))}) AND unit_path LIKE '/87/%'`.execute(t.db);
      expect(await inProgressAt(t.db, scope, to)).toBe(open.rows[0]?.n);
    }), { numRuns: 30 });
  }, 120_000);

  it('migration 0215 backfills from the months exactly what the upserts kept in the year tables', async () => {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../platform/db/migrations/0215_stats_yearly.sql');
    const text = readFileSync(file, 'utf8');
    const snapshot = async () => (await sql`SELECT * FROM stats_yearly ORDER BY province_code, year, unit_path, agency_id, receiving_agency_id, channel, online_level`.execute(t.db)).rows;
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(0);
    await t.db.transaction().execute(async (trx) => {
      await sql`DELETE FROM stats_yearly`.execute(trx);
      await sql`DELETE FROM stats_yearly_procedure`.execute(trx);
      await sql.raw(text.slice(text.indexOf('INSERT INTO'))).execute(trx);
    });
    expect(await snapshot()).toEqual(kept);
    expect((await rebuildRollups(t.db)).differences).toEqual([]);
  }, 120_000);
});
