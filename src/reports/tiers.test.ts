// Roll-up tiers (migration 0215): a period is read from whole years, whole months and edge days
// (queries.ts segmentsOf). Pure cases with concrete dates and a property that the segments cover
// any period exactly; on a simulated province, the tiered reads equal the same sums over the
// daily rows and the dossiers-table counts for random periods, and the migration's backfill of
// the year tables equals what the upserts kept. The procedure tiers without the unit path
// (migration 0255) sum to the unit-path tiers and the daily rows, are what whole provinces read,
// are backfilled by 0255 to what the upserts kept, and a tampered row is a rebuild difference.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { runSimulate } from '../cli/simulate';
import { coversWholeProvinces, inProgressAt, segmentsOf, sumByProcedure, sumRollups, type ReportScope } from './queries';
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

  it('the province procedure tiers: for random periods their sums equal the unit-path tiers\' and the daily rows\'', async () => {
    const procCols = ['procedure_id', 'channel'] as const;
    const sumOf = async (table: string, time: string, from: string, to: string) => keyed((await sql<Record<string, unknown>>`
      SELECT procedure_id, channel, ${sql.join(procedureMetrics.map((m) => sql`sum(${sql.ref(m)})::bigint AS ${sql.ref(m)}`))}
        FROM ${sql.table(table)} WHERE ${sql.ref(time)} >= ${from}::date AND ${sql.ref(time)} < ${to}::date AND province_code = '87'
       GROUP BY 1, 2`.execute(t.db)).rows, procCols, procedureMetrics);
    let rows = 0;
    await fc.assert(fc.asyncProperty(day, day, fc.boolean(), async (a, b, years) => {
      const [first, last] = a <= b ? [a, b] : [b, a];
      // whole months, or whole years, around the random days
      const from = years ? `${first.slice(0, 4)}-01-01` : `${first.slice(0, 7)}-01`;
      const to = years ? `${Number(last.slice(0, 4)) + 1}-01-01` : addDay(`${last.slice(0, 7)}-28`, 4).slice(0, 7) + '-01';
      const [tier, time] = years ? ['stats_yearly_procedure', 'year'] : ['stats_monthly_procedure', 'month'];
      const province = await sumOf(`${tier}_province`, time, from, to);
      expect(province).toEqual(await sumOf(tier, time, from, to));
      expect(province).toEqual(await sumOf('stats_daily', 'day', from, to));
      rows += province.size;
    }), { numRuns: 30 });
    expect(rows).toBeGreaterThan(0);
  }, 120_000);

  it('whole provinces (the country, /87/) read the province tiers; a district reads the unit-path tiers, equal to its daily rows', async () => {
    expect(await coversWholeProvinces(t.db, { unitPath: '/' })).toBe(true);
    expect(await coversWholeProvinces(t.db, { unitPath: '/87/' })).toBe(true);
    const { rows } = await sql<{ p: string }>`SELECT substring(unit_path from '^/87/[^/]+/') AS p FROM stats_daily WHERE unit_path LIKE '/87/%/%' AND received > 0
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(t.db);
    const district = rows[0]?.p;
    expect(district).toMatch(/^\/87\/[^/]+\/$/);
    const scope = { unitPath: district ?? '' };
    expect(await coversWholeProvinces(t.db, scope)).toBe(false);
    // an old path of another province mapped into the scope, that province keeping other units: not whole provinces
    await sql`INSERT INTO stats_yearly (year, province_code, unit_path, agency_id, receiving_agency_id, channel, online_level)
      VALUES ('2020-01-01', '88', '/88/2/', 1, 1, 'counter', 'none'), ('2020-01-01', '88', '/88/1/', 1, 1, 'counter', 'none')`.execute(t.db);
    try {
      expect(await coversWholeProvinces(t.db, { unitPath: '/87/', extraPaths: ['/88/1/'] })).toBe(false);
      expect(await coversWholeProvinces(t.db, { unitPath: '/87/', extraPaths: ['/88/1/', '/88/2/'] })).toBe(true);
    } finally {
      await sql`DELETE FROM stats_yearly WHERE province_code = '88'`.execute(t.db);
    }
    const procCols = ['procedure_id', 'channel'] as const;
    await fc.assert(fc.asyncProperty(day, day, async (a, b) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      expect(keyed(await sumByProcedure(t.db, scope, { from, to }), procCols, procedureMetrics)).toEqual(await fromDaily(scope, from, to, procCols, procedureMetrics));
    }), { numRuns: 10 });
  }, 120_000);

  it('migration 0255 backfills from the procedure tiers exactly what the upserts kept; a tampered row is a rebuild difference', async () => {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../platform/db/migrations/0255_procedure_province_tiers.sql');
    const text = readFileSync(file, 'utf8');
    const snapshot = async () => ({
      month: (await sql`SELECT * FROM stats_monthly_procedure_province ORDER BY province_code, month, procedure_id, channel`.execute(t.db)).rows,
      year: (await sql`SELECT * FROM stats_yearly_procedure_province ORDER BY province_code, year, procedure_id, channel`.execute(t.db)).rows,
    });
    const kept = await snapshot();
    expect(kept.month.length).toBeGreaterThan(0);
    expect(kept.year.length).toBeGreaterThan(0);
    await t.db.transaction().execute(async (trx) => {
      await sql`DROP TABLE stats_monthly_procedure_province, stats_yearly_procedure_province`.execute(trx);
      await sql.raw(text).execute(trx);
    });
    expect(await snapshot()).toEqual(kept);
    expect((await rebuildRollups(t.db)).differences).toEqual([]);
    const row = kept.year[0] as { province_code: string; year: string; procedure_id: number; channel: string; received: number };
    await sql`UPDATE stats_yearly_procedure_province SET received = received + 1
      WHERE province_code = ${row.province_code} AND year = ${row.year} AND procedure_id = ${row.procedure_id} AND channel = ${row.channel}`.execute(t.db);
    await sql`UPDATE stats_monthly_procedure_province SET paid_online = paid_online + 2
      WHERE (province_code, month, procedure_id, channel) = (SELECT province_code, month, procedure_id, channel FROM stats_monthly_procedure_province ORDER BY month LIMIT 1)`.execute(t.db);
    const report = await rebuildRollups(t.db);
    expect(report.differences.map((d) => [d.table, d.metric, d.stored - d.derived]).sort()).toEqual([
      ['stats_monthly_procedure_province', 'paid_online', 2], ['stats_yearly_procedure_province', 'received', 1],
    ]);
    expect((await rebuildRollups(t.db, { apply: true })).applied).toBe(true);
    expect((await rebuildRollups(t.db)).differences).toEqual([]);
    expect(await snapshot()).toEqual(kept);
  }, 120_000);
});
