// Changes told through the database (PostgreSQL LISTEN/NOTIFY), so that every instance behind a
// load balancer hears a change made by any other (DESIGN §6: no in-process state two instances
// would disagree on). One dedicated connection per instance and channel listens; what it hears is
// handed to the subscribers of this instance. A writer calls `notifySql` inside its transaction:
// PostgreSQL delivers the notice at commit, and never for a rollback.
import { sql, type RawBuilder } from 'kysely';
import type pg from 'pg';

export interface ChangeFeed {
  /** Calls `listener` with each notice's payload until the returned function is called. */
  subscribe(listener: (payload: string) => void): () => void;
  close(): Promise<void>;
}

/** The statement that tells every listener of `channel` (delivered when the caller's transaction commits). */
export const notifySql = (channel: string, payload: string): RawBuilder<unknown> => sql`SELECT pg_notify(${channel}, ${payload})`;

/**
 * A feed of `channel` over one connection taken from `pool` when the first subscriber comes. A
 * lost connection is taken again after `retryMs`; subscribers are told with the payload '*'
 * (anything may have changed meanwhile).
 */
export function listenTo(pool: pg.Pool, channel: string, retryMs = 2000): ChangeFeed {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`listen: bad channel name ${channel}`);
  const listeners = new Set<(payload: string) => void>();
  let client: pg.PoolClient | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const tell = (payload: string) => { for (const l of [...listeners]) l(payload); };

  const connect = (): Promise<void> => {
    if (client || connecting || closed) return connecting ?? Promise.resolve();
    connecting = (async () => {
      try {
        const c = await pool.connect();
        c.on('notification', (n) => { if (n.channel === channel) tell(n.payload ?? ''); });
        c.on('error', () => lost(c));
        c.on('end', () => lost(c));
        await c.query(`LISTEN ${channel}`);
        if (closed) { c.release(); return; }
        client = c;
        tell('*');
      } catch {
        schedule();
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => { retry = null; if (listeners.size > 0) void connect(); }, retryMs);
    retry.unref();
  };
  const lost = (c: pg.PoolClient) => {
    if (client !== c) return;
    client = null;
    c.release(true);
    schedule();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      void connect();
      return () => { listeners.delete(listener); };
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      listeners.clear();
      const c = client;
      client = null;
      if (c) {
        try { await c.query(`UNLISTEN ${channel}`); } catch { /* the connection is gone */ }
        c.release();
      }
    },
  };
}
