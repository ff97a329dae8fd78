// The carrier's tracking feed read on a schedule (issue 13 §7): a pg-boss job (src/platform/jobs.ts)
// that polls the configured `CarrierAdapter` from the stored cursor and folds the events into the
// legs' trails (carrier.ts `pollCarrier`: idempotent by event id, ordered by event time). Its
// carrier and its interval are configuration (Config.carrier: carrier-http.ts, else the simulator; Config.carrierPollMinutes, MOTCUA_CARRIER_POLL_MINUTES).
import type { Clock } from '../platform/clock';
import type { Config } from '../platform/config';
import type { Database } from '../platform/db/connect';
import { everyMinutesCron, type JobDefinition } from '../platform/jobs';
import { pollCarrier, type CarrierAdapter, type IngestResult } from './carrier';
import { httpCarrier } from './carrier-http';
import { carrierOrderJob } from './carrier-orders';
import { CarrierSimulator } from './carrier-simulator';

export const CARRIER_POLL_JOB = 'postal.carrierPoll';

export interface CarrierPollDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly carrier: CarrierAdapter;
  /** minutes between two polls (1–60) */
  readonly everyMinutes: number;
}

/** The carrier of the configuration: the post's API over HTTP (MOTCUA_CARRIER_URL, MOTCUA_CARRIER_TOKEN), else the in-process simulator. */
export function carrierFromConfig(config: Pick<Config, 'carrier'>, log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): CarrierAdapter {
  if (!config.carrier) {
    log('Bưu điện (đơn hàng, hành trình bưu gửi): giả lập trong máy (chưa đặt MOTCUA_CARRIER_URL)');
    return new CarrierSimulator();
  }
  log(`Bưu điện (đơn hàng, hành trình bưu gửi): ${config.carrier.url}`);
  return httpCarrier({ url: config.carrier.url, token: config.carrier.token });
}

/** The job: every `everyMinutes`, and once at start (what the feed holds since the last stop). */
export function carrierPollJob(deps: CarrierPollDeps): JobDefinition & { readonly handler: () => Promise<IngestResult> } {
  return {
    name: CARRIER_POLL_JOB, cron: everyMinutesCron(deps.everyMinutes), runAtStart: true,
    handler: () => pollCarrier(deps.db, deps.clock, deps.carrier),
  };
}

/** Both carrier jobs on one carrier: the orders of the sealed parcels (carrier-orders.ts) and the feed's poll. */
export function carrierJobs(deps: CarrierPollDeps): JobDefinition[] {
  return [carrierOrderJob(deps), carrierPollJob(deps)];
}
