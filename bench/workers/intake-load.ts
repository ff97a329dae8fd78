/**
 * The load generator of bench/intake.ts, run in a child process (`fork`) so that the HTTP
 * clients and the raw-pg baseline never share the app's event loop or its CPU accounting.
 * Protocol over IPC: the parent sends one {@link LoadJob}; the child warms up, sends
 * `{ ready: true }`, waits for `{ go: true }`, runs the phase and sends a {@link LoadResult}.
 */
import http from 'node:http';
import pg from 'pg';

export interface LoadJob {
  /** http: the app; raw-same: the rows an intake writes, one plain statement each; raw-minimal: serial + dossier + event only */
  readonly mode: 'http' | 'raw-same' | 'raw-minimal';
  /** closed loop: this many clients, each sending its next request when the previous one answers */
  readonly clients: number;
  /** open loop instead: requests started at this fixed rate (per second) whatever the answers; latency from the planned start */
  readonly rate?: number;
  readonly seconds: number;
  readonly origin?: string;
  readonly token?: string;
  readonly databaseUrl?: string;
  readonly ids?: {
    procedure_id: number; applicant_id: number; receiving_agency_id: number; competent_agency_id: number;
    receiving_service_point_id: number | null; unit_path: string; applicant_unit_id: number | null; province_code: string;
  };
}

export interface LoadResult {
  readonly count: number;
  readonly seconds: number;
  /** sorted, ms */
  readonly latencies: number[];
  /** CPU of this (load generator) process during the phase, ms */
  readonly cpuMs: number;
}

const letters = (i: number) => { let s = ''; let n = i; do { s = String.fromCharCode(65 + (n % 26)) + s; n = Math.floor(n / 26); } while (n > 0); return s; };

export const intakeBody = (i: number) => JSON.stringify({
  procedureCode: '1.004873',
  applicant: { personalId: `08719${String(i).padStart(7, '0')}`, name: `Nguyễn Văn ${letters(i)}`, phone: `09${String(i).padStart(8, '0')}`, unitCode: '29926', address: 'Ấp 1, xã Tân Hồng' },
  papers: [{ key: 'p6', source: 'scanned' }, { key: 'p3', source: 'national_db' }],
  formData: { fullName: `Nguyễn Văn ${letters(i)}`, personalId: `08719${String(i).padStart(7, '0')}`, address: 'Ấp 1, xã Tân Hồng', reason: 'Xác nhận tình trạng hôn nhân để đăng ký kết hôn' },
});

async function runClients(clients: number, seconds: number, once: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const cpu0 = process.cpuUsage();
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
  const cpu = process.cpuUsage(cpu0);
  return { count: latencies.length, seconds: (performance.now() - start) / 1000, latencies: latencies.sort((a, b) => a - b), cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Open loop: the i-th request is due at start + i/rate; its latency counts from then (no coordinated omission). */
async function runPaced(rate: number, seconds: number, once: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const total = Math.floor(rate * seconds);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(once(i).then(() => { latencies.push(performance.now() - due); }));
  }
  await Promise.all(inFlight);
  const cpu = process.cpuUsage(cpu0);
  return { count: latencies.length, seconds: (performance.now() - start) / 1000, latencies: latencies.sort((a, b) => a - b), cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** HTTP clients over node:http keep-alive sockets (lighter than fetch: the load generator shares the machine's cores). */
function httpClient(job: LoadJob): (i: number) => Promise<void> {
  const origin = new URL(job.origin ?? '');
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(job.clients, 64) });
  return (i) => new Promise<void>((resolve, reject) => {
    const body = Buffer.from(intakeBody(i));
    const req = http.request({
      agent, host: origin.hostname, port: origin.port, path: '/api/v1/dossiers', method: 'POST',
      headers: {
        'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${job.token}`,
        'idempotency-key': `bench-${i}-${Date.now()}`,
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`intake ${i}: ${res.statusCode} ${Buffer.concat(chunks).toString()}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const DOSSIER_INSERT = `INSERT INTO dossiers (code, code_format, province_code, procedure_id, procedure_code, applicant_id, applicant_name, applicant_phone, personal_id,
    receiving_service_point_id, receiving_agency_id, competent_agency_id, unit_path, applicant_unit_id, channel, status, sync_code,
    submitted_at, received_at, due_at, clock_started_at, calendar_version, form_data, last_hash)
  VALUES ($1, 'tt01-2018', $12, $2, '1.004873', $3, $4, $5, $6, $7, $8, $9, $10, $11, 'counter', 'received', 2, now(), now(), now() + interval '3 days', now(), '2026:statutory', $13, $14)
  RETURNING id, province_code, submitted_at::text AS submitted_at`;

/**
 * The baseline: one transaction per intake straight through pg, no HTTP and no logic. `raw-same`
 * writes the rows the app's intake writes (applicant, serial, dossier, event, papers, outbox,
 * idempotency key, daily and monthly roll-ups), one plain statement each in the natural order;
 * `raw-minimal` only the serial, the dossier and its event.
 */
function rawClient(job: LoadJob, pool: pg.Pool): (i: number) => Promise<void> {
  const ids = job.ids!;
  const same = job.mode === 'raw-same';
  return async (i) => {
    const c = await pool.connect();
    const body = intakeBody(i);
    try {
      await c.query('BEGIN');
      let applicantId = ids.applicant_id;
      if (same) {
        const a = await c.query<{ id: number }>(
          `INSERT INTO applicants (personal_id, name, phone, address, unit_id) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (personal_id) WHERE personal_id IS NOT NULL DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = now() RETURNING id`,
          [`09919${String(i).padStart(7, '0')}`, `Nguyễn Văn ${letters(i)}`, `09${String(i).padStart(8, '0')}`, 'Ấp 1, xã Tân Hồng', ids.applicant_unit_id]);
        const row = a.rows[0];
        if (!row) throw new Error('applicant upsert returned no row');
        applicantId = row.id;
      }
      const s = await c.query<{ last_serial: number }>(
        `INSERT INTO dossier_serials (agency_id, day, last_serial, province_code) VALUES ($1, '2099-01-01', 1, $2)
         ON CONFLICT (agency_id, day) DO UPDATE SET last_serial = dossier_serials.last_serial + 1 RETURNING last_serial`, [ids.receiving_agency_id, ids.province_code]);
      const code = `BENCH-990101-${String(s.rows[0]?.last_serial).padStart(4, '0')}`;
      const d = await c.query<{ id: number; province_code: string; submitted_at: string }>(DOSSIER_INSERT,
        [code, ids.procedure_id, applicantId, `Nguyễn Văn ${letters(i)}`, '0900000000', '087190000001', ids.receiving_service_point_id,
          ids.receiving_agency_id, ids.competent_agency_id, ids.unit_path, ids.applicant_unit_id, ids.province_code, body, 'x'.repeat(64)]);
      const dossierId = d.rows[0]?.id;
      await c.query(
        `INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_role, payload, prev_hash, hash, hash_version, province_code, dossier_submitted_at)
         VALUES ($1, 1, now(), 'received', 1, 'clerk', $2, $3, $4, 2, $5, $6::timestamptz)`,
        [dossierId, body, '0'.repeat(64), 'y'.repeat(64), d.rows[0]?.province_code, d.rows[0]?.submitted_at]);
      if (same) {
        await c.query(
          `INSERT INTO dossier_papers (dossier_id, province_code, dossier_submitted_at, paper_key, name, originals, copies, source, digitized)
           VALUES ($1, $2, $3::timestamptz, 'p6', 'Tờ khai', 1, 0, 'scanned', true), ($1, $2, $3::timestamptz, 'p3', 'Giấy tờ tùy thân', 0, 1, 'national_db', true)`,
          [dossierId, ids.province_code, d.rows[0]?.submitted_at]);
        await c.query(`INSERT INTO outbox (kind, payload, province_code) VALUES ('dossier.received', jsonb_build_object('code', $1::text), $2)`, [code, ids.province_code]);
        await c.query(`INSERT INTO idempotency_keys (actor_id, key, request_hash, dossier_code) VALUES (1, $1, $2, $3)`, [`raw-${i}-${Date.now()}`, 'h'.repeat(64), code]);
        const key = [ids.province_code, ids.unit_path, ids.competent_agency_id, ids.receiving_agency_id];
        await c.query(
          `INSERT INTO stats_daily (day, province_code, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level, received, digitized, reused)
           VALUES ('2099-01-01', $1, $2, $3, $4, $5, 'counter', 'none', 1, 1, 1)
           ON CONFLICT (province_code, day, unit_path, agency_id, receiving_agency_id, procedure_id, channel, online_level)
           DO UPDATE SET received = stats_daily.received + 1, digitized = stats_daily.digitized + 1, reused = stats_daily.reused + 1`, [...key, ids.procedure_id]);
        await c.query(
          `INSERT INTO stats_monthly (month, province_code, unit_path, agency_id, receiving_agency_id, channel, online_level, received, digitized, reused)
           VALUES ('2099-01-01', $1, $2, $3, $4, 'counter', 'none', 1, 1, 1)
           ON CONFLICT (province_code, month, unit_path, agency_id, receiving_agency_id, channel, online_level)
           DO UPDATE SET received = stats_monthly.received + 1, digitized = stats_monthly.digitized + 1, reused = stats_monthly.reused + 1`, key);
      }
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    } finally {
      c.release();
    }
  };
}

const send = (message: unknown) => new Promise<void>((resolve, reject) => process.send!(message, (e: Error | null) => (e ? reject(e) : resolve())));
const receive = <T>() => new Promise<T>((resolve) => process.once('message', (m) => resolve(m as T)));

if (process.send) {
  const job = await receive<LoadJob>();
  const pool = job.mode === 'http' ? null : new pg.Pool({ connectionString: job.databaseUrl, max: job.clients });
  const once = pool ? rawClient(job, pool) : httpClient(job);
  for (let i = 0; i < 50; i++) await once(1_000_000 + i); // warm up (JIT, sockets, pool; the app's caches)
  await send({ ready: true });
  await receive<{ go: true }>();
  const result = job.rate === undefined ? await runClients(job.clients, job.seconds, once) : await runPaced(job.rate, job.seconds, once);
  await pool?.end();
  await send(result);
  process.disconnect();
}
