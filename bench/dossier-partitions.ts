/**
 * `dossiers` itself partitioned by filing year (ADR 023's design, not migrated yet) against the one
 * table, in one run on one embedded cluster. Database A is migrated to the end and filled with
 * BENCH_DP_DOSSIERS dossiers (default 100,000) filed over 2022–2026; database B is a copy of A
 * converted by `partitionDossiers` below — the conversion a migration would run: a narrow
 * non-partitioned registry `dossier_registry (id, code UNIQUE, province_code, submitted_at)` that
 * every foreign key to a dossier is re-pointed to, and `dossiers` partitioned by range of
 * `submitted_at` (one partition per year, Vietnam time, and a DEFAULT one) with every index,
 * constraint and trigger of the table copied from the catalogue (a unique key gets the filing time
 * appended: the registry keeps the national ones). The conversion time and what it copied are printed.
 *
 * Rounds alternate A and B (order swapped each round) on one connection each and measure:
 *   - intake: one dossier per transaction (B: its registry row and the dossier row);
 *   - by code: the dossier page / tracking read (`WHERE code = $1`; B also through the registry,
 *     which names the filing time and so one partition; and as a prepared statement, planned once);
 *   - queue: an agency's desk (status in its statuses, by due date, 200 rows: work-queue.ts);
 *   - search: the admin's name walk (received_at DESC, id DESC, 20 rows, name key prefix on the
 *     covering index; also prepared) and a clerk's point walk, first page and the page after a cursor 2,000 rows deep.
 * It prints each round's B/A ratio and their median with the spread (min–max).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/platform/db/embedded';
import { migrate } from '../src/platform/db/migrate';

const DOSSIERS = Number(process.env.BENCH_DP_DOSSIERS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_DP_ROUNDS ?? 3);
const INTAKES = Number(process.env.BENCH_DP_INTAKES ?? 400);
const READS = Number(process.env.BENCH_DP_READS ?? 400);
const POINTS = 20;
const AGENCIES = 12;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

/** Reference rows and the dossiers, written by SQL inside the database (statuses: open ones in the last year). */
async function fill(c: pg.Client): Promise<void> {
  await c.query(`INSERT INTO admin_units (code, name, kind, level, parent_id, province_code, path, valid_from) VALUES ('97', 'Tỉnh Bench', 'tinh', 'province', NULL, '97', '/97/', '2020-01-01')`);
  const unit = (await c.query<{ id: number }>(`SELECT id FROM admin_units WHERE code = '97'`)).rows[0]?.id;
  await c.query(`INSERT INTO agencies (identifier, name, kind, level, admin_unit_id, province_code, valid_from)
    SELECT '000.00.97.H' || lpad(g::text, 2, '0'), 'Cơ quan bench ' || g, 'people_committee', 'province', $1, '97', '2020-01-01' FROM generate_series(1, ${AGENCIES}) g`, [unit]);
  await c.query(`INSERT INTO service_points (code, name, kind, admin_unit_id, receiving_agency_id, address, opening_hours, province_code, valid_from)
    SELECT 'BC' || g, 'Bưu cục bench ' || g, 'post_office', $1, (SELECT min(id) FROM agencies), 'Địa chỉ ' || g, '{}', '97', '2020-01-01' FROM generate_series(1, ${POINTS}) g`, [unit]);
  const procedure = (await c.query<{ id: number }>(`INSERT INTO procedures (code, version, name, field, competent_level, competent_agency, competent_body, duration_value, duration_unit,
      fees, required_papers, online_level, postal_allowed, result_type, steps, defaults_applied, province_code, effective_from)
    VALUES ('9.970000', 1, 'Thủ tục bench', 'Hộ tịch', 'province', 'UBND tỉnh', '{"kind":"people_committee","level":"province","functionCode":null}', 5, 'working_days',
      '[]', '[]', 'partial', true, 'paper', '[]', '[]', '97', '2020-01-01') RETURNING id`)).rows[0]?.id;
  const applicant = (await c.query<{ id: number }>(`INSERT INTO applicants (name) VALUES ('Nguyễn Văn Bench') RETURNING id`)).rows[0]?.id;
  await c.query(`INSERT INTO dossiers (code, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name, applicant_name_key,
      receiving_agency_id, receiving_service_point_id, competent_agency_id, unit_path, channel, status, sync_code, submitted_at, received_at, due_at, last_hash, version)
    SELECT 'BENCH-' || g, 'tt01-2018', '97', $1, '9.970000', $2, n.name, n.key,
      (SELECT min(id) FROM agencies), (SELECT min(id) FROM service_points) + g % ${POINTS}, (SELECT min(id) FROM agencies) + g % ${AGENCIES}, '/97/', 'counter',
      CASE WHEN ts < timestamptz '2026-10-01 00:00+07' THEN 'returned'
           ELSE (ARRAY['processing', 'awaitingApproval', 'awaitingSupplement', 'received', 'resultReady'])[1 + g % 5] END,
      2, ts, ts, ts + interval '10 days', repeat('f', 64), 3
    FROM generate_series(1, $3::int) AS g,
      LATERAL (SELECT timestamptz '2022-01-01 08:00+07' + (g::float / $3 * 5 * 365) * interval '1 day' AS ts) t,
      LATERAL (SELECT f || ' ' || m || ' ' || gv AS key, f || ' ' || m || ' ' || gv AS name
        FROM (SELECT (ARRAY['nguyen', 'tran', 'le', 'pham', 'hoang', 'vu', 'dang', 'bui'])[1 + (g * 7) % 8] AS f,
                     (ARRAY['van', 'thi', 'minh', 'duc', 'thu'])[1 + (g * 3) % 5] AS m,
                     (ARRAY['an', 'binh', 'chi', 'dung', 'giang', 'ha', 'hung', 'khanh', 'lan', 'long', 'mai', 'nam', 'phuong', 'quang', 'son', 'tam'])[1 + (g * 11) % 16] AS gv) x) n`,
  [procedure, applicant, DOSSIERS]);
  await c.query('ANALYZE');
}

/** What partitionDossiers copied, and how long it took. */
interface Conversion { readonly seconds: number; readonly indexes: number; readonly uniques: string[]; readonly foreignKeysIn: number; readonly foreignKeysOut: number; readonly triggers: number; readonly partitions: number }

/**
 * The conversion (ADR 023): registry, re-pointed foreign keys, partitioned table with the
 * catalogue's indexes, constraints and triggers, rows copied. One transaction.
 */
export async function partitionDossiers(c: pg.Client): Promise<Conversion> {
  const t0 = performance.now();
  await c.query('BEGIN');
  await c.query(`CREATE TABLE dossier_registry (
    id bigint PRIMARY KEY, code text NOT NULL UNIQUE, province_code text NOT NULL, submitted_at timestamptz NOT NULL,
    CONSTRAINT dossier_registry_partition_key UNIQUE (id, province_code, submitted_at))`);
  await c.query('INSERT INTO dossier_registry SELECT id, code, province_code, submitted_at FROM dossiers');
  // the foreign keys to a dossier: re-pointed to the registry (same columns)
  const incoming = (await c.query<{ tbl: string; name: string; def: string }>(`SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
    FROM pg_constraint WHERE contype = 'f' AND confrelid = 'dossiers'::regclass AND conparentid = 0`)).rows;
  // each column list the foreign keys reference gets its unique key on the registry ((id) and (code) have one)
  const targets = new Set(incoming.map((f) => /REFERENCES dossiers\(([^)]*)\)/.exec(f.def)?.[1] ?? 'id'));
  for (const cols of targets) {
    if (cols !== 'id' && cols !== 'code' && cols !== 'id, province_code, submitted_at') await c.query(`ALTER TABLE dossier_registry ADD UNIQUE (${cols})`);
  }
  for (const f of incoming) {
    await c.query(`ALTER TABLE ${f.tbl} DROP CONSTRAINT ${f.name}`);
    await c.query(`ALTER TABLE ${f.tbl} ADD CONSTRAINT ${f.name} ${f.def.replace(/REFERENCES dossiers\(/, 'REFERENCES dossier_registry(')}`);
  }
  const indexes = (await c.query<{ name: string; def: string; uniq: boolean; pk: boolean }>(`SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def,
      i.indisunique AS uniq, i.indisprimary AS pk
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = 'dossiers'::regclass ORDER BY ic.relname`)).rows;
  const outgoing = (await c.query<{ name: string; def: string }>(`SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE contype = 'f' AND conrelid = 'dossiers'::regclass`)).rows;
  const triggers = (await c.query<{ name: string; def: string }>(`SELECT tgname AS name, pg_get_triggerdef(oid) AS def FROM pg_trigger
    WHERE tgrelid = 'dossiers'::regclass AND NOT tgisinternal`)).rows;
  await c.query('ALTER TABLE dossiers RENAME TO dossiers_plain');
  for (const x of indexes) await c.query(`ALTER INDEX ${x.name} RENAME TO ${x.name.slice(0, 50)}_old`);
  for (const t of triggers) await c.query(`ALTER TRIGGER ${t.name} ON dossiers_plain RENAME TO ${t.name.slice(0, 50)}_old`);
  await c.query(`CREATE TABLE dossiers (LIKE dossiers_plain INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING STORAGE)
    PARTITION BY RANGE (submitted_at)`);
  await c.query('ALTER SEQUENCE dossiers_id_seq OWNED BY dossiers.id');
  const years = (await c.query<{ y: number }>(`SELECT DISTINCT extract(year FROM submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS y FROM dossiers_plain
    UNION SELECT extract(year FROM now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::int + 1 ORDER BY 1`)).rows.map((r) => r.y);
  for (const y of years) await c.query(`CREATE TABLE dossiers_y${y} PARTITION OF dossiers FOR VALUES FROM ('${y}-01-01 00:00+07') TO ('${y + 1}-01-01 00:00+07')`);
  await c.query('CREATE TABLE dossiers_default PARTITION OF dossiers DEFAULT');
  const uniques: string[] = [];
  for (const x of indexes) {
    if (x.pk) { await c.query('ALTER TABLE dossiers ADD CONSTRAINT dossiers_pkey PRIMARY KEY (id, submitted_at)'); uniques.push(`${x.name}: (id) → (id, submitted_at)`); continue; }
    let def = x.def.replace(/ ON public\.dossiers /, ' ON public.dossiers ').replace(/ ON (ONLY )?public\.dossiers_plain /, ' ON public.dossiers ');
    if (x.uniq && !/\(.*submitted_at.*\)/.test(def.split(' USING ')[1]?.split(/ INCLUDE | WHERE /)[0] ?? '')) {
      // a unique key must contain the partition key: appended (the registry keeps the national key)
      def = def.replace(/USING btree \(([^)]*)\)/, 'USING btree ($1, submitted_at)');
      uniques.push(`${x.name}: + submitted_at`);
    }
    // a UNIQUE constraint becomes a unique index of the same name (ADD CONSTRAINT … USING INDEX is refused on a partitioned table)
    await c.query(def);
  }
  for (const f of outgoing) await c.query(`ALTER TABLE dossiers ADD CONSTRAINT ${f.name} ${f.def}`);
  await c.query(`ALTER TABLE dossiers ADD CONSTRAINT dossiers_registry_fkey FOREIGN KEY (id, province_code, submitted_at)
    REFERENCES dossier_registry (id, province_code, submitted_at)`);
  for (const t of triggers) await c.query(t.def.replace(/ ON public\.dossiers_plain /, ' ON public.dossiers '));
  await c.query('INSERT INTO dossiers SELECT * FROM dossiers_plain');
  await c.query('DROP TABLE dossiers_plain');
  await c.query('COMMIT');
  await c.query('ANALYZE');
  return {
    seconds: (performance.now() - t0) / 1000, indexes: indexes.length, uniques, foreignKeysIn: incoming.length, foreignKeysOut: outgoing.length,
    triggers: triggers.length, partitions: years.length + 1,
  };
}

interface Round { readonly intakePerS: number; readonly codeP50: number; readonly codeP95: number; readonly registryP50: number; readonly preparedCodeP50: number; readonly preparedSearchP50: number; readonly queueP50: number; readonly searchP50: number; readonly searchP95: number; readonly deepP50: number }

async function timed(n: number, f: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await f(i);
    out.push(performance.now() - s);
  }
  return out.sort((a, b) => a - b);
}

async function measure(c: pg.Client, partitioned: boolean, round: number, rnd: () => number, refs: { agency: number; point: number; procedure: number; applicant: number }): Promise<Round> {
  const tag = `${partitioned ? 'B' : 'A'}${round}`;
  const t0 = performance.now();
  for (let i = 0; i < INTAKES; i++) {
    await c.query('BEGIN');
    await c.query('SET LOCAL synchronous_commit = off');
    const id = (await c.query<{ id: string }>(`SELECT nextval('dossiers_id_seq') AS id`)).rows[0]?.id;
    const code = `NEW-${tag}-${i}`;
    if (partitioned) await c.query(`INSERT INTO dossier_registry (id, code, province_code, submitted_at) VALUES ($1, $2, '97', now())`, [id, code]);
    await c.query(`INSERT INTO dossiers (id, code, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name, applicant_name_key,
        receiving_agency_id, receiving_service_point_id, competent_agency_id, unit_path, channel, status, sync_code, submitted_at, received_at, due_at, last_hash, version)
      VALUES ($1, $2, 'tt01-2018', '97', $3, '9.970000', $4, 'Nguyễn Văn Mới', 'nguyen van moi', $5, $6, $5, '/97/', 'counter', 'received', 2, now(), now(), now() + interval '10 days', repeat('f', 64), 1)`,
    [id, code, refs.procedure, refs.applicant, refs.agency, refs.point]);
    await c.query('COMMIT');
  }
  const intakePerS = INTAKES / ((performance.now() - t0) / 1000);
  const code = () => `BENCH-${1 + Math.floor(rnd() * DOSSIERS)}`;
  const byCode = await timed(READS, () => c.query('SELECT * FROM dossiers WHERE code = $1', [code()]));
  const viaRegistry = partitioned
    ? await timed(READS, () => c.query('SELECT d.* FROM dossier_registry r JOIN dossiers d ON d.id = r.id AND d.submitted_at = r.submitted_at WHERE r.code = $1', [code()]))
    : byCode;
  // the same reads as named (prepared) statements: after five executions PostgreSQL may keep a
  // generic plan, planned once per connection, and prune partitions at execution
  const preparedCode = await timed(READS, () => c.query({ name: `code-${tag}`, text: 'SELECT * FROM dossiers WHERE code = $1', values: [code()] }));
  const queue = await timed(Math.ceil(READS / 10), (i) => c.query(`SELECT code, status, due_at FROM dossiers WHERE competent_agency_id = $1
    AND status IN ('processing', 'awaitingApproval', 'awaitingSupplement', 'awaitingPayment') ORDER BY due_at ASC NULLS LAST, id LIMIT 200`, [refs.agency + (i % AGENCIES)]));
  const names = ['nguyen van', 'tran thi', 'le minh an', 'pham', 'hoang duc'];
  const search = await timed(READS, (i) => c.query(`SELECT id, code FROM dossiers WHERE unit_path LIKE '/97/%' AND applicant_name_key LIKE $1
    ORDER BY received_at DESC, id DESC LIMIT 20`, [`${names[i % names.length]}%`]));
  const preparedSearch = await timed(READS, (i) => c.query({ name: `search-${tag}`, text: `SELECT id, code FROM dossiers WHERE unit_path LIKE '/97/%'
    AND applicant_name_key LIKE $1 ORDER BY received_at DESC, id DESC LIMIT 20`, values: [`${names[i % names.length]}%`] }));
  // each point's cursor 2,000 rows deep (found before the timing)
  const cursors: { point: number; at: Date; id: string }[] = [];
  for (let p = 0; p < POINTS; p++) {
    const row = (await c.query<{ received_at: Date; id: string }>(`SELECT received_at, id FROM dossiers WHERE receiving_service_point_id = $1
      ORDER BY received_at DESC, id DESC OFFSET 2000 LIMIT 1`, [refs.point + p])).rows[0];
    if (row) cursors.push({ point: refs.point + p, at: row.received_at, id: row.id });
  }
  const deep = await timed(cursors.length === 0 ? 0 : Math.ceil(READS / 4), (i) => {
    const k = cursors[i % cursors.length] as (typeof cursors)[number];
    return c.query(`SELECT id, code FROM dossiers WHERE receiving_service_point_id = $1 AND (received_at, id) < ($2, $3)
      ORDER BY received_at DESC, id DESC LIMIT 20`, [k.point, k.at, k.id]);
  });
  return {
    intakePerS, codeP50: percentile(byCode, 50), codeP95: percentile(byCode, 95), registryP50: percentile(viaRegistry, 50),
    preparedCodeP50: percentile(preparedCode, 50), preparedSearchP50: percentile(preparedSearch, 50),
    queueP50: percentile(queue, 50), searchP50: percentile(search, 50), searchP95: percentile(search, 95), deepP50: percentile(deep, 50),
  };
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export async function run(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-dpart-'));
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    const admin = new pg.Client({ connectionString: server.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE dp_a');
    await migrate(server.url('dp_a'));
    const a = new pg.Client({ connectionString: server.url('dp_a') });
    await a.connect();
    let t = performance.now();
    await fill(a);
    console.log(`${DOSSIERS} dossiers (2022–2026) written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await a.end();
    await admin.query('CREATE DATABASE dp_b TEMPLATE dp_a');
    await admin.end();
    const clients = { a: new pg.Client({ connectionString: server.url('dp_a') }), b: new pg.Client({ connectionString: server.url('dp_b') }) };
    for (const c of [clients.a, clients.b]) c.on('error', () => undefined); // the server stopped under a failed run: the failure is the one to see
    await clients.a.connect();
    await clients.b.connect();
    const conv = await partitionDossiers(clients.b);
    console.log(`B: converted in ${conv.seconds.toFixed(1)} s — ${conv.partitions} partitions, ${conv.indexes} indexes copied from the catalogue, `
      + `${conv.foreignKeysIn} foreign keys re-pointed to dossier_registry, ${conv.foreignKeysOut} outgoing foreign keys and ${conv.triggers} triggers copied`);
    console.log(`   unique keys widened: ${conv.uniques.join('; ')}`);
    const ids = (await clients.a.query<{ agency: number; point: number; procedure: number; applicant: number }>(`SELECT (SELECT min(id) FROM agencies) AS agency,
      (SELECT min(id) FROM service_points) AS point, (SELECT id FROM procedures LIMIT 1) AS procedure, (SELECT min(id) FROM applicants) AS applicant`)).rows[0];
    if (!ids) throw new Error('no reference rows');
    const refs = { agency: Number(ids.agency), point: Number(ids.point), procedure: Number(ids.procedure), applicant: Number(ids.applicant) };
    const keys = ['intakePerS', 'codeP50', 'codeP95', 'registryP50', 'preparedCodeP50', 'preparedSearchP50', 'queueP50', 'searchP50', 'searchP95', 'deepP50'] as const;
    const ratios = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<(typeof keys)[number], number[]>;
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
      const got: Partial<Record<'a' | 'b', Round>> = {};
      for (const k of order) got[k] = await measure(clients[k], k === 'b', r, rng(2000 + r), refs);
      const A = got.a as Round, B = got.b as Round;
      for (const k of keys) ratios[k].push(k === 'registryP50' ? B[k] / A.codeP50 : B[k] / A[k]);
      const f = (x: Round) => `intake ${x.intakePerS.toFixed(0).padStart(5)}/s  code p50 ${x.codeP50.toFixed(2)} p95 ${x.codeP95.toFixed(2)}  via registry p50 ${x.registryP50.toFixed(2)}  prepared: code p50 ${x.preparedCodeP50.toFixed(2)} search p50 ${x.preparedSearchP50.toFixed(2)}`
        + `  queue p50 ${x.queueP50.toFixed(2)}  search p50 ${x.searchP50.toFixed(2)} p95 ${x.searchP95.toFixed(2)}  deep page p50 ${x.deepP50.toFixed(2)} ms`;
      console.log(`round ${r + 1}  A ${f(A)}`);
      console.log(`         B ${f(B)}`);
    }
    for (const k of keys) {
      const xs = ratios[k];
      console.log(`${k.padEnd(12)} B/A median ${median(xs).toFixed(2)}  (min ${Math.min(...xs).toFixed(2)} – max ${Math.max(...xs).toFixed(2)}, ${xs.length} rounds)`);
    }
    for (const [name, q, p] of [['by code', 'SELECT * FROM dossiers WHERE code = $1', ['BENCH-77']],
      ['search', `SELECT id, code FROM dossiers WHERE unit_path LIKE '/97/%' AND applicant_name_key LIKE 'nguyen van%' ORDER BY received_at DESC, id DESC LIMIT 20`, []]] as const) {
      for (const k of ['a', 'b'] as const) {
        const plan = (await clients[k].query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) ${q}`, [...p])).rows.map((x) => x['QUERY PLAN']);
        console.log(`EXPLAIN ${name} ${k.toUpperCase()}: ${plan.filter((l) => /Planning|Execution|Append|Scan/.test(l)).slice(0, 4).map((l) => l.trim()).join(' | ')} … ${plan.slice(-2).map((l) => l.trim()).join(' | ')}`);
      }
    }
    await clients.a.end();
    await clients.b.end();
  } finally {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
