// The carrier's tracking feed read on a schedule (issue 13 §7): a pg-boss job (src/platform/jobs.ts)
// that polls the configured `CarrierAdapter` from the stored cursor and folds the events into the
// legs' trails (carrier.ts `pollCarrier`: idempotent by event id, ordered by event time). Its
// interval is configuration (Config.carrierPollMinutes, MOTCUA_CARRIER_POLL_MINUTES).
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { everyMinutesCron, type JobDefinition } from '../platform/jobs';
import { pollCarrier, type CarrierAdapter, type IngestResult } from './carrier';

export const CARRIER_POLL_JOB = 'postal.carrierPoll';

export interface CarrierPollDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly carrier: CarrierAdapter;
  /** minutes between two polls (1–60) */
  readonly everyMinutes: number;
}

/** The job: every `everyMinutes`, and once at start (what the feed holds since the last stop). */
export function carrierPollJob(deps: CarrierPollDeps): JobDefinition & { readonly handler: () => Promise<IngestResult> } {
  return {
    name: CARRIER_POLL_JOB, cron: everyMinutesCron(deps.everyMinutes), runAtStart: true,
    handler: () => pollCarrier(deps.db, deps.clock, deps.carrier),
  };
}
