// Durable background jobs over pg-boss, in the application's own database (schema `pgboss`).
// A job is a name, a schedule and a plain handler: the handler takes no job object, so tests
// call it directly; pg-boss only decides when it runs and that one instance runs it at a time
// (a singleton per schedule slot), so two instances never run the same tick twice.
import PgBoss from 'pg-boss';
import { isDatabaseUnavailable } from './db/unavailable';
import { connectUrl } from './db/connect';
import { isMultiHost } from './db/hosts';

export interface JobDefinition {
  /** Queue name, e.g. 'supervision.escalate'. */
  readonly name: string;
  /** Cron in Vietnam time (e.g. '*\/15 * * * *'); absent for a job only sent on demand or at start. */
  readonly cron?: string;
  /** Send once when the runner starts (a backfill, a first tick without waiting for the cron). */
  readonly runAtStart?: boolean;
  readonly handler: () => Promise<unknown>;
}

export interface JobRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Queues one run now (a durable job, not an in-process call). */
  send(name: string): Promise<void>;
}

/** Every N minutes as cron; N must divide an hour (1–60). */
export function everyMinutesCron(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) throw new RangeError(`job interval must be 1–60 minutes, got ${minutes}`);
  return minutes === 60 ? '0 * * * *' : `*/${minutes} * * * *`;
}

/**
 * As the database owner: creates or upgrades pg-boss's schema and creates the queues (each a
 * table partition, which only the owner may add), then disconnects. The server's role then runs
 * the jobs with `migrate: false` (issue 10 §6).
 */
const CRON_QUEUE = '__pgboss__send-it';

export async function prepareJobSchema(ownerUrl: string, names: readonly string[]): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: 'pgboss', max: 1, supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  try {
    // pg-boss's own cron queue: its timekeeper creates it at start and silently gives up when it
    // cannot (the app role), which would leave every cron job unscheduled
    if (!(await boss.getQueue(CRON_QUEUE))) await boss.createQueue(CRON_QUEUE).catch(() => {});
    for (const name of names) {
      if (!(await boss.getQueue(name))) {
        await boss.createQueue(name, { name, policy: 'stately' }).catch(async (e: unknown) => {
          if (!(await boss.getQueue(name))) throw e;
        });
      }
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

export function createJobRunner(options: {
  readonly connectionString: string;
  readonly jobs: readonly JobDefinition[];
  /** Warnings: pg-boss's errors, and a run that met a database outage. */
  readonly log?: (line: string) => void;
  /** Called once per failed run of a job (metrics and the `job.failed` alert); not for a database outage, which is logged. */
  readonly onFailure?: (job: string, error: Error) => void;
  /** false when the owner already made pg-boss's schema and the queues (`prepareJobSchema`): the server's role cannot. */
  readonly migrate?: boolean;
}): JobRunner {
  // a multi-host URL (src/platform/db/hosts.ts): pg-boss runs on a pool of ours that follows the primary after a failover
  const pool = isMultiHost(options.connectionString) ? connectUrl(options.connectionString, 4).pool : undefined;
  const boss = new PgBoss({
    ...(pool ? { db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) } } : { connectionString: options.connectionString, max: 4 }),
    schema: 'pgboss', migrate: options.migrate ?? true,
  });
  const log = options.log ?? (() => {});
  boss.on('error', (e: Error) => log(`jobs: ${e.message}`));
  let started = false;
  return {
    async start() {
      await boss.start();
      started = true;
      for (const job of options.jobs) {
        // stately: at most one queued and one running, so overlapping ticks of several instances collapse
        if (!(await boss.getQueue(job.name))) {
          // another instance may create it between the check and here
          await boss.createQueue(job.name, { name: job.name, policy: 'stately' }).catch(async (e: unknown) => {
            if (!(await boss.getQueue(job.name))) throw e;
          });
        }
        await boss.work(job.name, async () => {
          try {
            await job.handler();
          } catch (e) {
            // an outage is the 503 of a job: the database watch alerts on it, the next run tries again
            if (isDatabaseUnavailable(e)) log(`jobs: ${job.name}: database unavailable (${(e as Error).message}); the next run tries again`);
            else if (options.onFailure) options.onFailure(job.name, e as Error);
            else log(`jobs: ${job.name} failed: ${(e as Error).message}`);
            throw e;
          }
        });
        if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
        else await boss.unschedule(job.name).catch(() => {});
        if (job.runAtStart) await boss.send(job.name, {});
      }
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await pool?.end();
    },
    async send(name) {
      await boss.send(name, {});
    },
  };
}

/**
 * pg-boss 10 does not await the `complete`/`fail` it sends after a job's handler (manager.js
 * `onFetch`): when the database is down at that moment, their rejection is unhandled, and Node
 * ends the process — one job finishing during a PostgreSQL restart took the server down. The
 * server listens for unhandled rejections with this: a database outage is logged (the job's state
 * is settled by pg-boss's expiry once the database is back); anything else still ends the process.
 */
export function outageRejectionHandler(log: (line: string) => void): (reason: unknown) => void {
  return (reason) => {
    if (isDatabaseUnavailable(reason)) {
      log(`jobs: a job's completion was not recorded, the database is unavailable (${reason instanceof Error ? reason.message : String(reason)}); pg-boss retries it after its expiry`);
      return;
    }
    throw reason;
  };
}
