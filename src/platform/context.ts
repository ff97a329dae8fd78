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
  /**
   * A streaming read replica (`DATABASE_READ_URL`), a moment behind the primary: for the reads
   * that may lag — reports, public tracking, dossier search — never for a write, nor for a read
   * that must see the user's own write. Absent: `db`. Read it through `laggingReads`.
   */
  readonly reader?: Database;
}

/** The database for reads that may lag behind the primary: the read replica when there is one. */
export const laggingReads = (deps: Pick<RouteDeps, 'db' | 'reader'>): Database => deps.reader ?? deps.db;
