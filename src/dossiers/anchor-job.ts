// The daily pg-boss job `audit.anchor` (wired in src/app.ts): after midnight Vietnam time it signs
// the days not yet anchored. Without a private key in the configured file it does nothing (the
// deployment has not set up anchoring; `motcua audit verify --anchors` will say so).
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import type { JobDefinition } from '../platform/jobs';
import { readAnchorKey } from './anchor-key';
import { anchorPendingDays } from './anchor-store';

export const ANCHOR_JOB = 'audit.anchor';

export function anchorJob(deps: { readonly db: Database; readonly clock: Clock; readonly anchorKeyFile: string }): JobDefinition {
  return {
    name: ANCHOR_JOB,
    cron: '10 0 * * *', // 00:10 every day, Vietnam time
    runAtStart: true, // days missed while no instance ran
    handler: async () => {
      const key = await readAnchorKey(deps.anchorKeyFile);
      if (!key?.privateKey) return { anchored: 0, reason: 'no private anchor key' };
      const made = await anchorPendingDays(deps.db, key.privateKey, deps.clock.now());
      return { anchored: made.length, days: made.map((a) => a.day) };
    },
  };
}
