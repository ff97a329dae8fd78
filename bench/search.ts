/**
 * Search benchmark (`npm run bench -- search`): the dossier search (src/dossiers/queries.ts
 * searchDossiers, the service behind GET /api/v1/dossiers) at national-pilot scale. For each data
 * set (BENCH_SEARCH_SIZES, default "1000000"; the acceptance sizes: BENCH_SEARCH_SIZES=1000000,3000000)
 * — generated once by the simulator's COPY path and reused, see bench/search-data.ts — and for
 * each role's scope (admin, province supervisor, agency officer, service-point clerk) it prints
 * p50/p95/p99 of every query (name without diacritics, code, part of a code, phone, personal ID,
 * dates, first page and a deep page after a cursor), the spread of p95 over several rounds, the
 * same query's naive plan (no index: sequential scan) and the ratio; then growth between sizes.
 * BENCH_SEARCH_RUNS (samples per round, default 20), BENCH_SEARCH_ROUNDS (default 3),
 * The naive plan runs once per query for the admin's scope (BENCH_SEARCH_NAIVE=all: every role; 0: none).
 */
import { loadavg } from 'node:os';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { systemClock } from '../src/platform/clock';
import type { Actor } from '../src/platform/actor';
import type { Database } from '../src/platform/db/connect';
import type { DB } from '../src/platform/db/schema';
import { searchDossiers, type SearchFilters } from '../src/dossiers/search';
import { scopedActor, scopeWhere } from '../src/dossiers/scope';
import { BASE, openDataset, type Dataset } from './search-data';

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

interface Measured { p50: number; p95: number; p99: number; roundP95: number[]; naive: number | null; total: number; lowerBound: boolean }

interface RoleCase { readonly role: string; readonly actor: Actor }

/** The actors whose scopes are measured; the officer's agency and the clerk's point are the busiest of the data set. */
async function roleCases(db: Database): Promise<RoleCase[]> {
  const province = await db.selectFrom('admin_units').select(['id', 'path']).where('code', '=', '87').where('level', '=', 'province').executeTakeFirstOrThrow();
  const busiest = async (column: 'competent_agency_id' | 'receiving_service_point_id') => {
    const r = await sql<{ id: number }>`SELECT ${sql.ref(column)} AS id FROM dossiers TABLESAMPLE SYSTEM (2) WHERE ${sql.ref(column)} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(db);
    const id = r.rows[0]?.id;
    if (id === undefined) throw new Error(`no ${column} in the data set`);
    return Number(id);
  };
  const base = { userId: 1, username: 'bench', fullName: 'bench' };
  return [
    { role: 'admin', actor: { ...base, role: 'admin', scope: { kind: 'unit', unitId: 0, unitPath: '/' } } },
    { role: 'province supervisor', actor: { ...base, role: 'supervisor', scope: { kind: 'unit', unitId: Number(province.id), unitPath: province.path } } },
    { role: 'agency officer', actor: { ...base, role: 'officer', scope: { kind: 'agency', agencyId: await busiest('competent_agency_id'), unitPath: province.path } } },
    { role: 'service-point clerk', actor: { ...base, role: 'clerk', scope: { kind: 'servicePoint', servicePointId: await busiest('receiving_service_point_id'), unitPath: province.path } } },
  ];
}

/**
 * The queries of one role — the same at every size, so that 1M → 3M compares the same searches:
 * common names, full names (common, rare, absent), and a base dossier's own code, the end of it,
 * phone, ID and week (the oldest simulated dossier of the scope received in March 2021: the base
 * rows, ids ≤ BASE, are the same in every data set).
 */
async function queriesOf(db: Database, actor: Actor): Promise<{ name: string; filters: SearchFilters; deep?: true }[]> {
  const scoped = await scopedActor(db, actor);
  const row = await db.selectFrom('dossiers as d').where(scopeWhere(scoped)).where('d.id', '<=', BASE)
    .where('d.received_at', '>=', new Date('2021-03-01T00:00:00+07:00')).where('d.received_at', '<', new Date('2021-04-01T00:00:00+07:00'))
    .select(['d.code', 'd.applicant_phone', 'd.personal_id', 'd.received_at']).orderBy('d.id').limit(1).executeTakeFirst();
  if (!row) throw new Error('no simulated dossier in scope for March 2021');
  const day = (row.received_at ?? new Date()).toISOString().slice(0, 10);
  const weekEnd = new Date(Date.parse(day) + 6 * 86_400_000).toISOString().slice(0, 10);
  return [
    { name: 'first page', filters: {} },
    { name: 'name "nguyen van"', filters: { name: 'nguyen van' } },
    { name: 'name "tran thi"', filters: { name: 'tran thi' } },
    { name: 'name "pham"', filters: { name: 'pham' } },
    { name: 'full name "nguyen thi hoa" (common)', filters: { name: 'nguyen thi hoa' } },
    { name: 'full name "bui huu tam" (rare)', filters: { name: 'bui huu tam' } },
    { name: 'name "nguyen thi thu hang" (absent)', filters: { name: 'nguyen thi thu hang' } },
    { name: 'whole code', filters: { code: row.code } },
    { name: 'end of a code (date-serial)', filters: { code: row.code.slice(-11) } },
    { name: 'end of a code "0001"', filters: { code: '0001' } },
    { name: 'phone', filters: { phone: row.applicant_phone ?? '0900000000' } },
    { name: 'personal ID', filters: { personalId: row.personal_id ?? '000000000000' } },
    { name: 'one week', filters: { from: day, to: weekEnd } },
    { name: 'name "nguyen" + one month', filters: { name: 'nguyen', from: '2020-10-01', to: '2020-10-31' } },
    { name: 'deep page (41st, cursor)', filters: {}, deep: true },
    { name: 'deep page "nguyen van" (21st, cursor)', filters: { name: 'nguyen van' }, deep: true },
  ];
}

/** The cursor of the page before the deep one (41st unfiltered, 21st by name), by walking pages. */
async function deepCursor(db: Database, actor: Actor, filters: SearchFilters): Promise<string | undefined> {
  const ctx = { db, clock: systemClock, actor };
  let after: string | undefined;
  const pages = filters.name ? 20 : 40;
  for (let i = 0; i < pages; i++) {
    const p = await searchDossiers(ctx, { ...filters, limit: 50, ...(after ? { after } : {}) });
    if (!p.next) break;
    after = p.next;
  }
  return after;
}

/** A Kysely whose connection may use no index: the naive plan of the same query. */
function naiveDb(pool: pg.Pool): Kysely<DB> {
  const url = (pool as unknown as { options: { connectionString: string } }).options.connectionString;
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1, options: '-c enable_indexscan=off -c enable_bitmapscan=off -c enable_indexonlyscan=off' }) }) });
}

async function measure(ds: Dataset, naive: Kysely<DB> | null, actor: Actor, filters: SearchFilters): Promise<Measured> {
  const runs = Number(process.env.BENCH_SEARCH_RUNS ?? 20);
  const rounds = Number(process.env.BENCH_SEARCH_ROUNDS ?? 3);
  const ctx = { db: ds.db, clock: systemClock, actor };
  const first = await searchDossiers(ctx, filters); // warm-up
  const all: number[] = [];
  const roundP95: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await searchDossiers(ctx, filters);
      xs.push(performance.now() - t0);
    }
    roundP95.push(quantile([...xs].sort((a, b) => a - b), 0.95));
    all.push(...xs);
  }
  let naiveMs: number | null = null;
  if (naive) {
    const nctx = { db: naive, clock: systemClock, actor };
    const xs: number[] = [];
    const t0 = performance.now();
    await searchDossiers(nctx, filters);
    xs.push(performance.now() - t0);
    naiveMs = Math.min(...xs);
  }
  const s = all.sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), roundP95, naive: naiveMs, total: first.total, lowerBound: first.totalIsLowerBound };
}

/** Below this share of all-visible pages a table is vacuumed before timing. */
const ALL_VISIBLE = 0.95;

/**
 * The searches read index-only (covering indexes, the word-start suffixes): with the visibility map
 * unset every entry costs a table read (heap fetches), as on a data set just generated. Each table
 * whose pages are not (nearly) all visible — pg_class.relallvisible, set by VACUUM and refreshed by
 * ANALYZE — is vacuumed once, as autovacuum would in time; a later run finds it done and says so.
 */
async function vacuumOnce(db: Database): Promise<string[]> {
  const out: string[] = [];
  for (const table of ['dossiers', 'dossier_name_suffixes'] as const) {
    const visible = async () => {
      const r = await sql<{ pages: number; visible: number }>`SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname = ${table}`.execute(db);
      const row = r.rows[0];
      return row && Number(row.pages) > 0 ? Number(row.visible) / Number(row.pages) : 1;
    };
    const before = await visible();
    if (before >= ALL_VISIBLE) {
      out.push(`  ${table}: ${(before * 100).toFixed(0)}% of pages all-visible — not vacuumed`);
      continue;
    }
    const t0 = performance.now();
    await sql.raw(`VACUUM (ANALYZE) ${table}`).execute(db);
    out.push(`  ${table}: ${(before * 100).toFixed(0)}% of pages all-visible — VACUUM (ANALYZE) in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${((await visible()) * 100).toFixed(0)}%`);
  }
  return out;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

export async function run(): Promise<void> {
  const sizes = (process.env.BENCH_SEARCH_SIZES ?? '1000000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const withNaive = process.env.BENCH_SEARCH_NAIVE !== '0';
  const results = new Map<number, Map<string, Measured>>();
  for (const size of sizes) {
    const ds = await openDataset(size, (l) => console.log(l));
    const naive = withNaive ? naiveDb(ds.pool) : null;
    const byKey = new Map<string, Measured>();
    try {
      await sql`ANALYZE dossiers`.execute(ds.db);
      for (const line of await vacuumOnce(ds.db)) console.log(line);
      console.log(`  load average before the run (1/5/15 min): ${loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
      console.log(`${size.toLocaleString('en')} dossiers — ms per search (service call, first page of 50 unless said), p95 spread over rounds, naive plan (no index)`);
      let worst = 0;
      for (const [r, { role, actor }] of (await roleCases(ds.db)).entries()) {
        console.log(`  ${role}`);
        for (const q of await queriesOf(ds.db, actor)) {
          const filters: SearchFilters = q.deep ? { ...q.filters, limit: 50, after: await deepCursor(ds.db, actor, q.filters) } : { ...q.filters, limit: 50 };
          // the naive plan (a sequential scan, seconds at 1M) once per query, for the widest scope only unless BENCH_SEARCH_NAIVE=all
          const m = await measure(ds, r === 0 || process.env.BENCH_SEARCH_NAIVE === 'all' ? naive : null, actor, filters);
          byKey.set(`${role}|${q.name}`, m);
          worst = Math.max(worst, m.p95);
          const spread = `${ms(Math.min(...m.roundP95))}–${ms(Math.max(...m.roundP95))}`;
          const naiveText = m.naive === null ? '' : `  naive ${ms(m.naive)} (×${(m.naive / m.p95).toFixed(0)})`;
          console.log(`    ${q.name.padEnd(40)} p50 ${ms(m.p50).padStart(6)}  p95 ${ms(m.p95).padStart(6)} [${spread}]  p99 ${ms(m.p99).padStart(6)}  ${m.lowerBound ? `>${m.total}` : m.total} found${naiveText}`);
        }
      }
      console.log(`  worst p95 at ${size.toLocaleString('en')}: ${ms(worst)} ms (target < 20 ms) ${worst < 20 ? 'OK' : 'MISSED'}`);
      console.log(`  load average after the run (1/5/15 min): ${loadavg().map((x) => x.toFixed(1)).join(' / ')} — a shared machine: compare ratios, not absolute figures`);
      results.set(size, byKey);
    } finally {
      await naive?.destroy();
      await ds.close();
    }
  }
  const [a, b] = [sizes[0], sizes[sizes.length - 1]];
  if (a !== undefined && b !== undefined && a !== b) {
    const ra = results.get(a);
    const rb = results.get(b);
    console.log(`growth ${a.toLocaleString('en')} → ${b.toLocaleString('en')} (p95 ratio per query and role)`);
    for (const [k, mb] of rb ?? []) {
      const ma = ra?.get(k);
      if (ma) console.log(`  ${k.replace('|', ': ').padEnd(64)} ×${(mb.p95 / ma.p95).toFixed(2)}`);
    }
  }
}
