// A database of its own for a test file, cloned from the migrated template.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { connectUrl, type Database } from '../src/platform/db/connect';
import { migrate, readMigrations } from '../src/platform/db/migrate';

export interface TestDatabase {
  readonly db: Database;
  readonly pool: pg.Pool;
  readonly url: string;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // CREATE DATABASE … TEMPLATE needs the template free of connections; retry briefly if a
  // concurrent clone holds it.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (e) {
      if (attempt > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const { db, pool } = connectUrl(url, 10);
  return {
    db, pool, url,
    async close() {
      await db.destroy();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * The setup of a test file on a database of its own: created and seeded once before its tests,
 * dropped after them. Read `db` and `seeded` (what the seed returned) inside a test.
 */
export function useSeededDatabase<S>(seed: (db: Database) => Promise<S>): { readonly db: Database; readonly seeded: S } {
  let t: TestDatabase | undefined;
  let seeded: { value: S } | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    seeded = { value: await seed(t.db) };
  });
  afterAll(async () => t?.close());
  return {
    get db(): Database {
      if (!t) throw new Error('the test database is created in beforeAll; read it inside a test');
      return t.db;
    },
    get seeded(): S {
      if (!seeded) throw new Error('the seed runs in beforeAll; read it inside a test');
      return seeded.value;
    },
  };
}

/**
 * An empty database of its own for a migration test file: created before its tests and migrated by
 * every migration whose name sorts before `before` (an installation as it was then; none when
 * null), dropped after them. Read `url` inside a test or a later hook.
 */
export function useDatabaseBefore(before: string | null, prefix = 't_mig'): { readonly url: string } {
  const adminUrl = () => inject('pgAdminUrl');
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: adminUrl() });
    await c.connect();
    try { await c.query(text); } finally { await c.end(); }
  };
  let url = '';
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    url = adminUrl().replace(/\/postgres$/, `/${name}`);
    if (before !== null) {
      const earlier = (await readMigrations()).map((m) => m.name).filter((n) => n < before);
      await migrate(url, undefined, { only: new Set(earlier) });
    }
  }, 180_000);
  afterAll(async () => { await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); });
  return { get url() { return url; } };
}
