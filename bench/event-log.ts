/**
 * The event log before and after partitioning (migration 0210, ADR 022), in one run on one
 * embedded cluster: database A is migrated up to 0209 (one table), database B is a copy of A
 * migrated through 0210 (yearly partitions; the migration's time is printed). Both hold the same
 * synthetic history: BENCH_EVENT_DOSSIERS dossiers (default 30,000) filed over five years, eight
 * events each. Rounds alternate A and B (order swapped each round) so that the machine's noise
 * falls on both; each round measures
 *   - append: one event per transaction the way `appendEvent` does it (lock the dossier row, insert
 *     the event — B with its province and filing time —, update the row's version);
 *   - timeline: the events of one random dossier in seq order by its id alone (as `sync/push` and
 *     the reports' hook read), and on B also with its filing time (`loadEvents` given the row, the
 *     dossier page and tracking: one partition read);
 *   - batch: the events of 500 consecutive dossiers (`loadEventsOf`, what `audit verify` reads; on B
 *     limited to the years they were filed in, as loadEventsOf does).
 * It prints each round's B/A ratio and their median with the spread (min–max).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/platform/db/embedded';
import { migrate, readMigrations } from '../src/platform/db/migrate';

const DOSSIERS = Number(process.env.BENCH_EVENT_DOSSIERS ?? 30_000);
const ROUNDS = Number(process.env.BENCH_EVENT_ROUNDS ?? 5);
const APPENDS = Number(process.env.BENCH_EVENT_APPENDS ?? 600);
const READS = Number(process.env.BENCH_EVENT_READS ?? 1500);
const BATCHES = 20;
const PARTITIONED = '0210_dossier_events_partitioned.sql';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

/** Reference rows and the synthetic history, written by SQL inside the database. */
async function fill(c: pg.Client): Promise<void> {
  await c.query(`INSERT INTO admin_units (code, name, kind, level, parent_id, province_code, path, valid_from) VALUES ('97', 'Tỉnh Bench', 'tinh', 'province', NULL, '97', '/97/', '2020-01-01')`);
  const unit = (await c.query<{ id: number }>(`SELECT id FROM admin_units WHERE code = '97'`)).rows[0]?.id;
  const agency = (await c.query<{ id: number }>(`INSERT INTO agencies (identifier, name, kind, level, admin_unit_id, province_code, valid_from)
    VALUES ('000.00.97.H97', 'UBND tỉnh Bench', 'people_committee', 'province', $1, '97', '2020-01-01') RETURNING id`, [unit])).rows[0]?.id;
  const procedure = (await c.query<{ id: number }>(`INSERT INTO procedures (code, version, name, field, competent_level, competent_agency, competent_body, duration_value, duration_unit,
      fees, required_papers, online_level, postal_allowed, result_type, steps, defaults_applied, province_code, effective_from)
    VALUES ('9.970000', 1, 'Thủ tục bench', 'Hộ tịch', 'province', 'UBND tỉnh', '{"kind":"people_committee","level":"province","functionCode":null}', 5, 'working_days',
      '[]', '[]', 'partial', true, 'paper', '[]', '[]', '97', '2020-01-01') RETURNING id`)).rows[0]?.id;
  const applicant = (await c.query<{ id: number }>(`INSERT INTO applicants (name) VALUES ('Nguyễn Văn Bench') RETURNING id`)).rows[0]?.id;
  await c.query(`INSERT INTO dossiers (code, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name, applicant_name_key,
      receiving_agency_id, competent_agency_id, unit_path, channel, status, sync_code, submitted_at, received_at, last_hash, version)
    SELECT 'BENCH-' || g, 'tt01-2018', '97', $1, '9.970000', $2, 'Nguyễn Văn Bench', 'nguyen van bench', $3, $3, '/97/', 'counter', 'received', 2,
      ts, ts, repeat('f', 64), 8
    FROM generate_series(1, $4::int) AS g, LATERAL (SELECT timestamptz '2022-01-01 08:00+07' + (g::float / $4 * 5 * 365) * interval '1 day' AS ts) t`,
  [procedure, applicant, agency, DOSSIERS]);
  await c.query(`INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_role, payload, prev_hash, hash, hash_version)
    SELECT d.id, s, d.submitted_at + s * interval '1 hour', CASE WHEN s = 1 THEN 'received' ELSE 'forward' END, 1, 'clerk',
      jsonb_build_object('note', 'bước ' || s, 'papers', jsonb_build_array('p1', 'p2')), repeat('a', 64), md5(d.id || '-' || s) || md5(s || '-' || d.id), 2
    FROM dossiers d, generate_series(1, 8) AS s ORDER BY d.id, s`);
  await c.query('ANALYZE');
}

interface Round { readonly appendPerS: number; readonly timelineP50: number; readonly timelineP95: number; readonly prunedP50: number; readonly prunedP95: number; readonly batchMs: number }

async function measure(c: pg.Client, partitioned: boolean, ids: number[], filed: Map<number, Date>, rnd: () => number): Promise<Round> {
  const insert = partitioned
    ? `INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_role, payload, prev_hash, hash, hash_version, province_code, dossier_submitted_at)
       SELECT $1, $2, now(), 'note', 1, 'clerk', '{"note":"bench"}', $3, md5(random()::text) || md5(random()::text), 2, province_code, submitted_at FROM dossiers WHERE id = $1`
    : `INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_role, payload, prev_hash, hash, hash_version)
       VALUES ($1, $2, now(), 'note', 1, 'clerk', '{"note":"bench"}', $3, md5(random()::text) || md5(random()::text), 2)`;
  const pick = () => ids[Math.floor(rnd() * ids.length)] ?? 1;
  let t0 = performance.now();
  for (let i = 0; i < APPENDS; i++) {
    const id = pick();
    await c.query('BEGIN');
    const row = (await c.query<{ version: number; last_hash: string; province_code: string; submitted_at: Date }>(
      'SELECT version, last_hash, province_code, submitted_at FROM dossiers WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (!row) throw new Error(`no dossier ${id}`);
    await c.query(insert, [id, row.version + 1, row.last_hash]);
    await c.query('UPDATE dossiers SET version = version + 1 WHERE id = $1', [id]);
    await c.query('COMMIT');
  }
  const appendPerS = APPENDS / ((performance.now() - t0) / 1000);
  const lat: number[] = [];
  for (let i = 0; i < READS; i++) {
    const s = performance.now();
    await c.query('SELECT * FROM dossier_events WHERE dossier_id = $1 ORDER BY seq', [pick()]);
    lat.push(performance.now() - s);
  }
  lat.sort((a, b) => a - b);
  const pruned: number[] = [];
  for (let i = 0; partitioned && i < READS; i++) {
    const id = pick();
    const s = performance.now();
    const at = filed.get(id) ?? new Date(0);
    await c.query('SELECT * FROM dossier_events WHERE dossier_id = $1 AND dossier_submitted_at >= $2 AND dossier_submitted_at < $3 ORDER BY seq', [id, at, new Date(at.getTime() + 1)]);
    pruned.push(performance.now() - s);
  }
  pruned.sort((a, b) => a - b);
  t0 = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    const from = Math.floor(rnd() * (ids.length - 500));
    const batch = ids.slice(from, from + 500);
    if (!partitioned) await c.query('SELECT * FROM dossier_events WHERE dossier_id = ANY($1::bigint[]) ORDER BY dossier_id, seq', [batch]);
    else {
      // as loadEventsOf: limited to the years the batch was filed in
      const times = batch.map((id) => filed.get(id)?.getTime() ?? 0);
      await c.query(`SELECT * FROM dossier_events WHERE dossier_id = ANY($1::bigint[]) AND dossier_submitted_at >= $2 AND dossier_submitted_at < $3 ORDER BY dossier_id, seq`,
        [batch, new Date(Math.min(...times)), new Date(Math.max(...times) + 1)]);
    }
  }
  const batchMs = (performance.now() - t0) / BATCHES;
  const p = partitioned ? pruned : lat;
  return { appendPerS, timelineP50: percentile(lat, 50), timelineP95: percentile(lat, 95), prunedP50: percentile(p, 50), prunedP95: percentile(p, 95), batchMs };
}

/** A seeded generator so that both databases see the same dossiers in a round. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export async function run(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-events-'));
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    const admin = new pg.Client({ connectionString: server.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE ev_a');
    const before = (await readMigrations()).map((m) => m.name).filter((n) => n < PARTITIONED);
    await migrate(server.url('ev_a'), undefined, { only: new Set(before) });
    const a = new pg.Client({ connectionString: server.url('ev_a') });
    await a.connect();
    let t = performance.now();
    await fill(a);
    console.log(`history: ${DOSSIERS} dossiers × 8 events (2022–2026) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await a.end();
    await admin.query('CREATE DATABASE ev_b TEMPLATE ev_a');
    t = performance.now();
    await migrate(server.url('ev_b'));
    console.log(`migration 0210 (and later) on ${DOSSIERS * 8} events: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await admin.end();
    const clients = { a: new pg.Client({ connectionString: server.url('ev_a') }), b: new pg.Client({ connectionString: server.url('ev_b') }) };
    await clients.a.connect();
    await clients.b.connect();
    await clients.b.query('ANALYZE');
    const parts = (await clients.b.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'dossier_events'::regclass`)).rows[0]?.n;
    console.log(`B: ${parts} partitions of dossier_events`);
    const rows = (await clients.a.query<{ id: number; submitted_at: Date }>('SELECT id, submitted_at FROM dossiers ORDER BY id')).rows;
    const ids = rows.map((r) => Number(r.id));
    const filed = new Map(rows.map((r) => [Number(r.id), r.submitted_at]));
    const ratios = { append: [] as number[], p50: [] as number[], p95: [] as number[], prunedP50: [] as number[], prunedP95: [] as number[], batch: [] as number[] };
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
      const got: Partial<Record<'a' | 'b', Round>> = {};
      for (const k of order) got[k] = await measure(clients[k], k === 'b', ids, filed, rng(1000 + r));
      const A = got.a as Round, B = got.b as Round;
      ratios.append.push(B.appendPerS / A.appendPerS);
      ratios.p50.push(B.timelineP50 / A.timelineP50);
      ratios.p95.push(B.timelineP95 / A.timelineP95);
      ratios.prunedP50.push(B.prunedP50 / A.timelineP50);
      ratios.prunedP95.push(B.prunedP95 / A.timelineP95);
      ratios.batch.push(B.batchMs / A.batchMs);
      const f = (x: Round) => `append ${x.appendPerS.toFixed(0).padStart(5)}/s  timeline p50 ${x.timelineP50.toFixed(2)} p95 ${x.timelineP95.toFixed(2)} ms  with filing time p50 ${x.prunedP50.toFixed(2)} p95 ${x.prunedP95.toFixed(2)} ms  batch(500) ${x.batchMs.toFixed(1)} ms`;
      console.log(`round ${r + 1}  A ${f(A)}`);
      console.log(`         B ${f(B)}`);
    }
    const show = (name: string, xs: number[]) => console.log(`${name.padEnd(22)} B/A median ${median(xs).toFixed(2)}  (min ${Math.min(...xs).toFixed(2)} – max ${Math.max(...xs).toFixed(2)}, ${xs.length} rounds)`);
    show('append (events/s)', ratios.append);
    show('timeline p50 (ms)', ratios.p50);
    show('timeline p95 (ms)', ratios.p95);
    show('timeline+filing p50', ratios.prunedP50);
    show('timeline+filing p95', ratios.prunedP95);
    show('batch of 500 (ms)', ratios.batch);
    await clients.a.end();
    await clients.b.end();
  } finally {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
