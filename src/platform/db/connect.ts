import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded';
import type { DB } from './schema';
import { hostListOf, hostPicker, isMultiHost, pickingClient } from './hosts';

// timestamptz → Date (pg's default); bigint counts → number; date → 'YYYY-MM-DD' string so that
// calendar dates never pass through the server's time zone.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Database = Kysely<DB>;

export interface Connection {
  readonly db: Database;
  readonly pool: pg.Pool;
  readonly url: string;
  readonly embedded: EmbeddedServer | undefined;
  /** The read replica's pool (`DATABASE_READ_URL`), for the reads that may lag; none without it. */
  readonly reader: { readonly db: Database; readonly pool: pg.Pool } | undefined;
  close(): Promise<void>;
}

/** pg.Pool's options for a URL: a multi-host one (hosts.ts) picks its server at each new connection. */
function poolOptions(url: string): pg.PoolConfig {
  if (!isMultiHost(url)) return { connectionString: url };
  const list = hostListOf(url);
  return { connectionString: list.urlOf(0), Client: pickingClient(hostPicker(list)) };
}

export function connectUrl(url: string, poolSize = 20): { db: Database; pool: pg.Pool } {
  const pool = new pg.Pool({ ...poolOptions(url), max: poolSize, application_name: 'motcua', connectionTimeoutMillis: 5000 });
  // A broken socket (PostgreSQL killed or restarted) emits 'error' on the pool for an idle client
  // and on the client itself while it is checked out (inside a transaction): unhandled, either
  // would end the process. The query in progress gets the same error, so nothing is hidden.
  pool.on('error', () => {});
  pool.on('connect', (client) => { client.on('error', () => {}); });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}

/** A connection to `url` (and the read replica's pool); closing it (once) ends its pools, then stops the embedded server when there is one. */
function connectionTo(url: string, embedded: EmbeddedServer | undefined, reader: Connection['reader']): Connection {
  const { db, pool } = connectUrl(url);
  let closed = false;
  return {
    db,
    pool,
    url,
    embedded,
    reader,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await reader?.db.destroy();
      await embedded?.stop();
    },
  };
}

/** Opens the configured database: `DATABASE_URL`, or the embedded server in `<dataDir>/pg`. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'databaseReadUrl' | 'dataDir' | 'embeddedPgPort'>,
  options: { readonly log?: (line: string) => void; readonly command?: string } = {},
): Promise<Connection> {
  let embedded: EmbeddedServer | undefined;
  let url = config.databaseUrl;
  if (!url) {
    // a data folder whose PostgreSQL another motcua process runs (a live `serve`): use it, never stop it
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      ...(options.log ? { onLog: options.log } : {}),
      ...(options.command ? { command: options.command } : {}),
    });
    url = embedded.url('motcua');
  }
  return connectionTo(url, embedded, config.databaseReadUrl ? connectUrl(config.databaseReadUrl) : undefined);
}

/**
 * The same database (and embedded server) through another role's URL: the start-up's owner pool
 * is closed and the returned connection's pool logs in as `url` (issue 10 §6: the server runs as
 * the app role once the owner has migrated and granted).
 */
export async function reopenAs(connection: Connection, url: string): Promise<Connection> {
  await connection.db.destroy();
  return connectionTo(url, connection.embedded, connection.reader); // the replica's pool is kept: DATABASE_READ_URL names its own role
}
