// The pg-boss jobs of the national sync (wired in src/app.ts appJobs): the push every minute and at
// start; the pull of national submissions every few minutes, filed as the configured account.
// Without MOTCUA_NATIONAL_PORTAL_URL
// the adapter talks to a local simulator started on the loopback at first use (nothing leaves the
// machine), through the same HTTP adapter as the real portal.
import type { Clock } from '../platform/clock';
import { DAY_MS } from '../shared/civil-date';
import type { Config } from '../platform/config';
import type { Database } from '../platform/db/connect';
import { everyMinutesCron, type JobDefinition } from '../platform/jobs';
import { httpNationalPortal, type NationalPortalAdapter } from './adapter';
import { pullSubmissions, type PullDeps } from './pull';
import { pruneSyncOutbox } from './backfill';
import { pushOutbox } from './push';
import { startPortalSimulator } from './simulator';

export const SYNC_PUSH_JOB = 'sync.push';
export const SYNC_PULL_JOB = 'sync.pull';
export const SYNC_RETENTION_JOB = 'sync.retention';

/** The configured portal, or a local simulator started on first use. */
export function portalFromConfig(config: Pick<Config, 'nationalPortal'>): NationalPortalAdapter {
  const configured = config.nationalPortal;
  if (configured) return httpNationalPortal({ url: configured.url, key: configured.key });
  let started: Promise<NationalPortalAdapter> | null = null;
  const simulated = () => {
    started ??= startPortalSimulator({ unref: true }).then((sim) =>
      httpNationalPortal({ url: sim.url, key: sim.key, description: `giả lập Cổng DVCQG ${sim.url} (chưa đặt MOTCUA_NATIONAL_PORTAL_URL)` }));
    return started;
  };
  return {
    description: 'giả lập Cổng DVCQG trên máy này (chưa đặt MOTCUA_NATIONAL_PORTAL_URL)',
    push: async (record) => (await simulated()).push(record),
    feed: async (cursor) => (await simulated()).feed(cursor),
  };
}

export interface SyncJobDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly config: Pick<Config, 'nationalPortal' | 'publicUrl' | 'nationalPortalPull' | 'syncRetentionDays'>;
  readonly portal?: NationalPortalAdapter;
  readonly log?: (line: string) => void;
  /**
   * How pulled submissions are filed (src/app.ts: the online capability's entry, the app's dossier
   * hooks) and the account they are filed as, looked up at each run (null: no such active account).
   */
  readonly pull?: Pick<PullDeps, 'submit' | 'hooks' | 'intakeChecks'> & { readonly actorOf: (username: string) => Promise<PullDeps['actor'] | null> };
}

export function syncJobs(deps: SyncJobDeps): JobDefinition[] {
  const portal = deps.portal ?? portalFromConfig(deps.config);
  const log = deps.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  log(`Đồng bộ Cổng DVCQG: ${portal.description}`);
  const jobs: JobDefinition[] = [{
    name: SYNC_PUSH_JOB, cron: '* * * * *', runAtStart: true,
    handler: async () => {
      const report = await pushOutbox({ db: deps.db, clock: deps.clock, portal, publicUrl: deps.config.publicUrl });
      if (report.gaveUp > 0) log(`Đồng bộ Cổng DVCQG: ${report.gaveUp} bản ghi không gửi được sau nhiều lần thử (xem trang Đồng bộ).`);
      return report;
    },
  }, {
    // acknowledged rows past MOTCUA_SYNC_RETENTION_DAYS, nightly (what indicator 1.4 and the backfill read is kept)
    name: SYNC_RETENTION_JOB, cron: '37 3 * * *',
    handler: () => pruneSyncOutbox(deps.db, new Date(deps.clock.now().getTime() - deps.config.syncRetentionDays * DAY_MS)),
  }];
  const pull = deps.pull;
  const username = deps.config.nationalPortalPull.username;
  if (!pull || !username) {
    log('Đồng bộ Cổng DVCQG: không nhận hồ sơ nộp trên Cổng (chưa đặt MOTCUA_NATIONAL_PORTAL_PULL_USER: tài khoản tiếp nhận các hồ sơ này).');
    return jobs;
  }
  jobs.push({
    name: SYNC_PULL_JOB, cron: everyMinutesCron(deps.config.nationalPortalPull.everyMinutes), runAtStart: true,
    handler: async () => {
      const actor = await pull.actorOf(username);
      if (!actor) {
        log(`Đồng bộ Cổng DVCQG: không có tài khoản đang hoạt động ${username} để tiếp nhận hồ sơ nộp trên Cổng; lần nhận này bỏ qua.`);
        return null;
      }
      const report = await pullSubmissions({ db: deps.db, clock: deps.clock, portal, actor, submit: pull.submit, ...(pull.hooks ? { hooks: pull.hooks } : {}), ...(pull.intakeChecks ? { intakeChecks: pull.intakeChecks } : {}) });
      if (report.refused > 0) log(`Đồng bộ Cổng DVCQG: ${report.refused} hồ sơ nộp trên Cổng không tiếp nhận được (xem bảng sync_pulled).`);
      return report;
    },
  });
  return jobs;
}
