import { existsSync } from 'node:fs';
import { appJobs, buildApp } from '../app';
import { createAnchorKey } from '../dossiers/anchor-key';
import { ensureEventPartitionsAs } from '../dossiers/partitions';
import { systemClock } from '../platform/clock';
import type { Config } from '../platform/config';
import { openDatabase, reopenAs } from '../platform/db/connect';
import { appRoleCredentials, ensureAppRole, grantAppRole, roleOfUrl, serverRoles } from '../platform/db/roles';
import { migrate } from '../platform/db/migrate';
import { hostListOf, resolveUrl } from '../platform/db/hosts';
import { createJobRunner, outageRejectionHandler, prepareJobSchema, type JobRunner } from '../platform/jobs';
import { createAlert } from '../platform/alerts';
import { watchDatabase, type DatabaseWatch } from '../platform/db/watch';
import { countAlert, createMetrics } from '../platform/metrics';
import { DEMO_PASSWORD, demoUsers, isEmptyDatabase, seedDemo } from '../seed';
import { seedDemoDay } from '../demo-day';

/** `demoDossiers`: with the demo data, the dossiers of its last working days (src/demo-day.ts). */
export async function serve(config: Config, options: { seedDemo: boolean; demoDossiers: boolean }): Promise<void> {
  let connection = await openDatabase(config, { command: 'serve' });
  let stopping = false;
  let jobs: JobRunner | undefined;
  let watch: DatabaseWatch | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nĐang dừng (${signal})…\n`);
    try {
      watch?.stop();
      await jobs?.stop();
      await app.close();
    } finally {
      await connection.close();
      process.exit(0);
    }
  };
  // Orderly shutdown on a signal: jobs, HTTP, pool, then PostgreSQL, exit 0.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void stop(signal));
  // A parent that dies without passing its signal on (e.g. `npm start` killed with SIGTERM)
  // must not leave the server and its PostgreSQL running: when we are re-parented, we stop.
  const parent = process.ppid;
  setInterval(() => { if (process.ppid !== parent) void stop('parent exited'); }, 1000).unref();

  // The owner migrates, makes pg-boss's schema and queues, grants the app role its rights and
  // seeds; then its connection is closed and the server runs as the app role (ADR 010).
  const named = serverRoles(config, connection.url, connection.embedded ? await appRoleCredentials(config.dataDir) : undefined);
  // a multi-host URL (…@h1,h2/motcua?target_session_attrs=read-write): start-up's one-off clients go to the server it designates now
  const roles = { ...named, ownerUrl: await resolveUrl(named.ownerUrl) };
  const applied = await migrate(roles.ownerUrl);
  if (applied.length > 0) process.stdout.write(`Đã áp dụng ${applied.length} migration.\n`);
  // this year's and next year's partitions of the event log, created ahead (ADR 022)
  const years = await ensureEventPartitionsAs(roles.ownerUrl, systemClock.now());
  if (years.length > 0) process.stdout.write(`Đã tạo phân vùng nhật ký hồ sơ các năm ${years.join(', ')}.\n`);
  const escalation = config.escalation;
  const jobsOn = config.jobs;
  if (jobsOn) await prepareJobSchema(roles.ownerUrl, appJobs({ db: connection.db, clock: systemClock, escalation, config, log: () => undefined }).map((j) => j.name));
  if (connection.embedded) await ensureAppRole(roles.ownerUrl, await appRoleCredentials(config.dataDir));
  else if (roles.separate) await grantAppRole(roles.ownerUrl, roleOfUrl(hostListOf(roles.appUrl).urlOf(0)));
  else process.stderr.write('motcua: DATABASE_URL vừa sở hữu vừa phục vụ (không có MOTCUA_DATABASE_OWNER_URL); nên chạy máy chủ bằng một vai trò chỉ có quyền ghi thêm trên nhật ký (docs/adr/010-database-roles.md).\n');
  let seeded = false;
  if (options.seedDemo && (await isEmptyDatabase(connection.db))) {
    process.stdout.write('Cơ sở dữ liệu trống: đang nạp dữ liệu mẫu tỉnh Đồng Tháp…\n');
    await seedDemo(connection.db, systemClock);
    if (options.demoDossiers) {
      const day = await seedDemoDay(connection.db, config);
      process.stdout.write(`Đã nạp ${day.dossiers} hồ sơ và ${day.pickups} yêu cầu thu gom mẫu của những ngày làm việc vừa qua.\n`);
    }
    seeded = true;
  }
  if (roles.separate) connection = await reopenAs(connection, roles.appUrl);
  // The demo signs its daily anchors with a key made outside the data folder (issue 10 §7).
  if (options.seedDemo && !existsSync(config.anchorKeyFile)) {
    await createAnchorKey(config.anchorKeyFile);
    process.stdout.write(`Đã tạo khóa ký neo nhật ký: ${config.anchorKeyFile} (giữ ngoài thư mục dữ liệu; MOTCUA_ANCHOR_KEY_FILE)\n`);
  }
  const metrics = createMetrics();
  const app = await buildApp({
    db: connection.db, clock: systemClock, config, logger: true, escalation, metrics, pool: connection.pool,
    ...(connection.reader ? { reader: connection.reader.db } : {}),
    databaseStatus: () => watch?.status() ?? { up: true, since: new Date(), restarts: 0, outages: 0, lastError: null },
    // with MOTCUA_JOBS=off another instance's job runs the request at its next tick
    sendJob: async (name) => { await jobs?.send(name); },
  });
  const alert = createAlert(app.log, countAlert(metrics));
  // The database may go away (PostgreSQL killed, DATABASE_URL's server restarted): requests get
  // 503 meanwhile, and the embedded PostgreSQL is started again (src/platform/db/watch.ts).
  watch = watchDatabase({ pool: connection.pool, ...(connection.embedded ? { embedded: connection.embedded } : {}), alert });
  await app.listen({ port: config.port, host: config.host });
  // Background jobs (escalation every N minutes, backfills) through pg-boss in the same database;
  // MOTCUA_JOBS=off leaves them to other instances.
  if (jobsOn) {
    process.on('unhandledRejection', outageRejectionHandler((line) => app.log.warn(line)));
    jobs = createJobRunner({
      connectionString: connection.url,
      migrate: !roles.separate,
      jobs: appJobs({ db: connection.db, clock: systemClock, escalation, config, alert }),
      log: (line) => app.log.warn(line),
      onFailure: (job, error) => {
        metrics.jobFailures.inc({ job });
        alert('job.failed', `Tác vụ nền ${job} thất bại`, { job, error: error.message });
      },
    });
    try {
      await jobs.start();
    } catch (e) {
      // A stop requested while the job runner was starting interrupts it: not an error.
      if (stopping) return new Promise<void>(() => {}); // stop() exits the process
      throw e;
    }
  }
  const where = connection.embedded ? `PostgreSQL nhúng (${config.dataDir}/pg)` : `DATABASE_URL${connection.reader ? ', đọc báo cáo, tra cứu từ DATABASE_READ_URL' : ''}`;
  process.stdout.write(`motcua đang chạy tại http://localhost:${config.port} — cơ sở dữ liệu: ${where}\n`);
  if (options.seedDemo || seeded) {
    process.stdout.write(`Tài khoản mẫu (mật khẩu "${DEMO_PASSWORD}"): ${demoUsers.map((u) => u.username).join(', ')}\n`);
  }
}
