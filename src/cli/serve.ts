import { appJobs, buildApp } from '../app';
import { systemClock } from '../platform/clock';
import type { Config } from '../platform/config';
import { openDatabase } from '../platform/db/connect';
import { migrate } from '../platform/db/migrate';
import { createJobRunner, type JobRunner } from '../platform/jobs';
import { escalationSettingsFromEnv } from '../supervision/escalation';
import { DEMO_PASSWORD, demoUsers, isEmptyDatabase, seedDemo } from '../seed';

export async function serve(config: Config, options: { seedDemo: boolean }): Promise<void> {
  const connection = await openDatabase(config);
  let stopping = false;
  let jobs: JobRunner | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nĐang dừng (${signal})…\n`);
    try {
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

  const applied = await migrate(connection.url);
  if (applied.length > 0) process.stdout.write(`Đã áp dụng ${applied.length} migration.\n`);
  let seeded = false;
  if (options.seedDemo && (await isEmptyDatabase(connection.db))) {
    process.stdout.write('Cơ sở dữ liệu trống: đang nạp dữ liệu mẫu tỉnh Đồng Tháp…\n');
    await seedDemo(connection.db, systemClock);
    seeded = true;
  }
  const escalation = escalationSettingsFromEnv(process.env);
  const app = await buildApp({ db: connection.db, clock: systemClock, config, logger: true, escalation });
  await app.listen({ port: config.port, host: config.host });
  // Background jobs (escalation every N minutes, backfills) through pg-boss in the same database;
  // MOTCUA_JOBS=off leaves them to other instances.
  if (process.env.MOTCUA_JOBS !== 'off') {
    jobs = createJobRunner({ connectionString: connection.url, jobs: appJobs({ db: connection.db, clock: systemClock, escalation, config }), log: (line) => app.log.warn(line) });
    try {
      await jobs.start();
    } catch (e) {
      // A stop requested while the job runner was starting interrupts it: not an error.
      if (stopping) return new Promise<void>(() => {}); // stop() exits the process
      throw e;
    }
  }
  const where = connection.embedded ? `PostgreSQL nhúng (${config.dataDir}/pg)` : 'DATABASE_URL';
  process.stdout.write(`motcua đang chạy tại http://localhost:${config.port} — cơ sở dữ liệu: ${where}\n`);
  if (options.seedDemo || seeded) {
    process.stdout.write(`Tài khoản mẫu (mật khẩu "${DEMO_PASSWORD}"): ${demoUsers.map((u) => u.username).join(', ')}\n`);
  }
}
