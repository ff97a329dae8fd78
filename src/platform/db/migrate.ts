// Ordered SQL migrations, applied in one transaction each under an advisory lock (so that two
// instances starting together do not race), recorded with a checksum: a landed migration that
// was edited afterwards stops the start with a clear message.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrationFile {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export async function readMigrations(dir = migrationsDir): Promise<MigrationFile[]> {
  const names = (await fs.readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await fs.readFile(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Landed migrations corrected afterwards, with the checksums of their earlier texts, accepted as
 * applied. Only for a fix that changes nothing where the earlier text ran (it failed elsewhere):
 * 0240's first text stopped on intake events that name no unit (NULL unit_path in stats_daily);
 * where it had run, no such event existed and the corrected text would have done the same.
 */
export const AMENDED_MIGRATIONS: Readonly<Record<string, readonly string[]>> = {
  // its first text, and 04d084c's (which also moved the year tiers; 0250 sums those again)
  '0240_rollup_forwarded_unit.sql': [
    '936b6b429fc44ce35458bcb05172da075e4f8ea15a10ba66a09e1e544d141f8a',
    'e066b1b2e18754e341354d6e89ee955377d9a611acf18eb8c70d6b8361b39a77',
  ],
};

const LOCK_KEY = 7_340_221; // arbitrary, constant: "motcua migrations"

/** Applies pending migrations in order; `only` limits them to a set (restoring a backup rebuilds its schema). */
export async function migrate(
  url: string,
  dir = migrationsDir,
  options: { readonly only?: ReadonlySet<string>; readonly amended?: Readonly<Record<string, readonly string[]>> } = {},
): Promise<string[]> {
  const amended = options.amended ?? AMENDED_MIGRATIONS;
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {}); // a lost connection fails the query in progress
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations'))
        .rows.map((r) => [r.name, r.checksum]),
    );
    const applied: string[] = [];
    for (const m of await readMigrations(dir)) {
      if (options.only && !options.only.has(m.name)) continue;
      const seen = done.get(m.name);
      if (seen !== undefined) {
        if (seen !== m.checksum && !(amended[m.name] ?? []).includes(seen)) {
          throw new Error(`Migration ${m.name} đã bị sửa sau khi áp dụng (checksum khác). Hãy tạo migration mới.`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.name} thất bại: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
