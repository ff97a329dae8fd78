import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded';
import type { DB } from './schema';

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
  close(): Promise<void>;
}

export function connectUrl(url: string, poolSize = 20): { db: Database; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'motcua' });
  pool.on('error', () => {}); // an idle client's broken socket; the next query reports it
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}

/** Opens the configured database: `DATABASE_URL`, or the embedded server in `<dataDir>/pg`. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPgPort'>,
  log?: (line: string) => void,
): Promise<Connection> {
  let embedded: EmbeddedServer | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      ...(log ? { onLog: log } : {}),
    });
    url = embedded.url('motcua');
  }
  const { db, pool } = connectUrl(url);
  let closed = false;
  return {
    db,
    pool,
    url,
    embedded,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await embedded?.stop();
    },
  };
}
