/**
 * Intake benchmark: the real app in-process on a fresh embedded database (demo data), N
 * concurrent HTTP clients over real keep-alive sockets (Node's fetch keeps connections alive) posting realistic counter intakes at one
 * service point (one agency, one day: every intake queues on the same serial row) for ~10 s.
 * Baseline in the same run: a raw `pg` loop from the same number of clients writing the same
 * rows (serial + dossier + event) in one transaction each, no HTTP and no logic.
 * Targets: ratio ≥ 0.5, p99 < 50 ms.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app';
import { systemClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import { openDatabase } from '../src/platform/db/connect';
import { migrate } from '../src/platform/db/migrate';
import { seedDemo } from '../src/seed';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Phase { readonly count: number; readonly seconds: number; readonly latencies: number[] }

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const letters = (i: number) => { let s = ''; let n = i; do { s = String.fromCharCode(65 + (n % 26)) + s; n = Math.floor(n / 26); } while (n > 0); return s; };

async function runClients(clients: number, seconds: number, once: (i: number) => Promise<void>): Promise<Phase> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < until) {
      const i = next++;
      const t0 = performance.now();
      await once(i);
      latencies.push(performance.now() - t0);
    }
  }));
  return { count: latencies.length, seconds: (performance.now() - start) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

const report = (name: string, p: Phase) => {
  const rate = p.count / p.seconds;
  console.log(`${name.padEnd(22)} ${String(p.count).padStart(6)} in ${p.seconds.toFixed(1)} s = ${rate.toFixed(0).padStart(5)}/s   p50 ${percentile(p.latencies, 50).toFixed(1)} ms   p99 ${percentile(p.latencies, 99).toFixed(1)} ms`);
  return rate;
};

export async function run(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-intake-'));
  await fs.chmod(dataDir, 0o755);
  const config = { ...loadConfig(), databaseUrl: undefined, dataDir, embeddedPgPort: 0 };
  const connection = await openDatabase(config);
  try {
    await migrate(connection.url);
    await seedDemo(connection.db, systemClock);
    const app = await buildApp({ db: connection.db, clock: systemClock, config, logger: false, loginRateLimit: 1000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const origin = `http://127.0.0.1:${port}`;
    const login = await fetch(`${origin}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'motcua-demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const body = (i: number) => JSON.stringify({
      procedureCode: '1.004873',
      applicant: { personalId: `08719${String(i).padStart(7, '0')}`, name: `Nguyễn Văn ${letters(i)}`, phone: `09${String(i).padStart(8, '0')}`, unitCode: '29926', address: 'Ấp 1, xã Tân Hồng' },
      papers: [{ key: 'p6', source: 'scanned' }, { key: 'p3', source: 'national_db' }],
      formData: { fullName: `Nguyễn Văn ${letters(i)}`, personalId: `08719${String(i).padStart(7, '0')}`, address: 'Ấp 1, xã Tân Hồng', reason: 'Xác nhận tình trạng hôn nhân để đăng ký kết hôn' },
    });
    const post = async (i: number) => {
      const res = await fetch(`${origin}/api/v1/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `bench-${i}-${Date.now()}` },
        body: body(i),
      });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`intake ${i}: ${res.status} ${text}`);
    };
    for (let i = 0; i < 50; i++) await post(1_000_000 + i); // warm up (calendar, JIT, pool)
    const cpu0 = process.cpuUsage();
    const http = await runClients(CLIENTS, SECONDS, post);
    const cpu = process.cpuUsage(cpu0);
    const nodeCpu = (cpu.user + cpu.system) / 1e6 / http.seconds;

    // Baseline: the same rows in one transaction each, straight through pg.
    const ids = await connection.db.selectFrom('dossiers').select(['procedure_id', 'applicant_id', 'receiving_agency_id', 'competent_agency_id', 'receiving_service_point_id', 'unit_path', 'applicant_unit_id'])
      .limit(1).executeTakeFirstOrThrow();
    const pool = new pg.Pool({ connectionString: connection.url, max: CLIENTS });
    const raw = async (i: number) => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const s = await c.query<{ last_serial: number }>(
          `INSERT INTO dossier_serials (agency_id, day, last_serial) VALUES ($1, '2099-01-01', 1)
           ON CONFLICT (agency_id, day) DO UPDATE SET last_serial = dossier_serials.last_serial + 1 RETURNING last_serial`, [ids.receiving_agency_id]);
        const code = `BENCH-990101-${String(s.rows[0]?.last_serial).padStart(4, '0')}`;
        const d = await c.query<{ id: number }>(
          `INSERT INTO dossiers (code, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name, applicant_phone, personal_id,
             receiving_service_point_id, receiving_agency_id, competent_agency_id, unit_path, applicant_unit_id, channel, status, sync_code,
             submitted_at, received_at, due_at, clock_started_at, calendar_version, form_data, last_hash)
           VALUES ($1, 'tt01-2018', '82', $2, '1.004873', $3, $4, $5, $6, $7, $8, $9, $10, $11, 'counter', 'received', 2, now(), now(), now() + interval '3 days', now(), '2026:statutory', $12, $13)
           RETURNING id`,
          [code, ids.procedure_id, ids.applicant_id, `Nguyễn Văn ${letters(i)}`, '0900000000', '087190000001', ids.receiving_service_point_id,
            ids.receiving_agency_id, ids.competent_agency_id, ids.unit_path, ids.applicant_unit_id, body(i), 'x'.repeat(64)]);
        await c.query(
          `INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_role, payload, prev_hash, hash) VALUES ($1, 1, now(), 'received', 1, 'clerk', $2, $3, $4)`,
          [d.rows[0]?.id, body(i), '0'.repeat(64), 'y'.repeat(64)]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      } finally {
        c.release();
      }
    };
    const baseline = await runClients(CLIENTS, SECONDS, raw);
    await pool.end();

    console.log(`${CLIENTS} concurrent clients, one service point and one agency-day (all intakes share one serial row)`);
    const httpRate = report('HTTP intake (app)', http);
    const rawRate = report('raw pg transaction', baseline);
    const ratio = httpRate / rawRate;
    const p99 = percentile(http.latencies, 99);
    console.log(`ratio app/raw = ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'};  app p99 = ${p99.toFixed(1)} ms (target < 50 ms) ${p99 < 50 ? 'OK' : 'ABOVE TARGET'}`);
    const verify = await connection.db.selectFrom('dossier_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    console.log(`events written: ${verify.n}; Node CPU during the HTTP phase: ${(nodeCpu * 100).toFixed(0)}% of one core (${((cpu.user + cpu.system) / 1000 / http.count).toFixed(1)} ms per intake)`);
    await app.close();
  } finally {
    await connection.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
