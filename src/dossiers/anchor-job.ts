// The daily pg-boss job `audit.anchor` (wired in src/app.ts): after midnight Vietnam time it signs
// the days not yet anchored. Without a private key in the configured file it does nothing (the
// deployment has not set up anchoring; `motcua audit verify --anchors` will say so).
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import type { JobDefinition } from '../platform/jobs';
import { anchorWithKey } from './anchor-key-store';

export const ANCHOR_JOB = 'audit.anchor';

export function anchorJob(deps: { readonly db: Database; readonly clock: Clock; readonly anchorKeyFile: string }): JobDefinition {
  return {
    name: ANCHOR_JOB,
    cron: '10 0 * * *', // 00:10 every day, Vietnam time
    runAtStart: true, // days missed while no instance ran
    handler: async () => {
      const made = await anchorWithKey(deps.db, deps.anchorKeyFile, deps.clock.now());
      if (made === null) return { anchored: 0, reason: 'no private anchor key' };
      return { anchored: made.length, days: made.map((a) => a.day) };
    },
  };
}
