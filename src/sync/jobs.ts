// The pg-boss jobs of the national sync (wired in src/app.ts appJobs): the push every minute and at
// start. Without MOTCUA_NATIONAL_PORTAL_URL
// the adapter talks to a local simulator started on the loopback at first use (nothing leaves the
// machine), through the same HTTP adapter as the real portal.
import type { Clock } from '../platform/clock';
import type { Config } from '../platform/config';
import type { Database } from '../platform/db/connect';
import type { JobDefinition } from '../platform/jobs';
import { httpNationalPortal, type NationalPortalAdapter } from './adapter';
import { pushOutbox } from './push';
import { startPortalSimulator } from './simulator';

export const SYNC_PUSH_JOB = 'sync.push';

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
  readonly config: Pick<Config, 'nationalPortal' | 'publicUrl'>;
  readonly portal?: NationalPortalAdapter;
  readonly log?: (line: string) => void;
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
  }];
  return jobs;
}
