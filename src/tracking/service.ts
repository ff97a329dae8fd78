// Public tracking: dossier code + tracking PIN → status and steps, no personal data. Wrong PINs
// for one code slow down (durable back-off, src/platform/throttle.ts) but never lock the code: its
// owner waits at most a minute, or reads the dossier signed in to the portal without any PIN.
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import { laggingReads } from '../platform/context';
import { notFound, tooManyRequests } from '../platform/errors';
import { claimAttempt, clearAttempts, type BackoffPolicy } from '../platform/throttle';
import { trackingViewOf, type TrackingView } from '../dossiers/service';
import { trackingSecret } from './references';
import { trackingPinMatches } from './pin';

/**
 * One dossier code: 5 free tries (a mistyped PIN), then 2, 4, 8 … seconds, never more than 60 s.
 * A guesser needs on average 500 000 tries of a 6-digit PIN: about a year at one a minute.
 */
export const TRACKING_BACKOFF: BackoffPolicy = { free: 5, baseSeconds: 2, capSeconds: 60, forgetAfterSeconds: 86_400 };

const NOT_FOUND = () => notFound('TRACKING_NOT_FOUND', 'Mã hồ sơ hoặc mã tra cứu không đúng. Mã tra cứu gồm 6 chữ số, in trên giấy tiếp nhận và gửi trong tin nhắn.');

/**
 * The view is read from the read replica when there is one (RouteDeps.reader); a code it does not
 * know yet — a dossier received a moment ago — is looked up again on the primary. The attempt
 * counters write, so they are always the primary's.
 */
export async function trackDossier(deps: { db: Database; reader?: Database; clock: Clock }, code: string, pin: string): Promise<TrackingView> {
  const replica = laggingReads(deps);
  const view = (await trackingViewOf(replica, code)) ?? (replica === deps.db ? null : await trackingViewOf(deps.db, code));
  if (!view) throw NOT_FOUND();
  const key = `track:${view.code}`;
  const claim = await claimAttempt(deps.db, [{ key, policy: TRACKING_BACKOFF }], deps.clock.now());
  if (!claim.allowed) {
    throw tooManyRequests('TRACKING_THROTTLED', `Đã nhập sai mã tra cứu nhiều lần. Vui lòng thử lại sau ${claim.retryAfterSeconds} giây.`, claim.retryAfterSeconds);
  }
  if (!trackingPinMatches(await trackingSecret(deps.db), view.code, pin)) throw NOT_FOUND();
  await clearAttempts(deps.db, key);
  return view;
}
