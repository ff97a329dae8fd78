// What every service function receives: the database, the clock and who is acting.
import type { Actor } from './actor';
import type { Clock } from './clock';
import type { Database } from './db/connect';

export interface ServiceContext {
  readonly db: Database;
  readonly clock: Clock;
  readonly actor: Actor | null;
}

/** Dependencies a capability's routes are built with (by src/app.ts). */
export interface RouteDeps {
  readonly db: Database;
  readonly clock: Clock;
}
