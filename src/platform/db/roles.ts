// Two database roles (issue 10 §6, ADR 010): the OWNER runs the migrations, creates pg-boss's
// schema and queues, and grants; the server then connects as the APP role, which is not a
// superuser (so it can neither disable triggers nor `SET session_replication_role`) and may only
// SELECT and INSERT on the append-only tables (those guarded by the `forbid_change` trigger) and
// read `schema_migrations`; other tables of `public` and pg-boss's tables are read and written.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export const APP_ROLE = 'motcua_app';

export interface RoleCredentials {
  readonly user: string;
  readonly password: string;
}

/** The app role's credentials of an embedded data folder, generated once (`<dataDir>/pg-app-credentials.json`, mode 600). */
export async function appRoleCredentials(dataDir: string): Promise<RoleCredentials> {
  const file = path.join(dataDir, 'pg-app-credentials.json');
  if (existsSync(file)) return JSON.parse(await fs.readFile(file, 'utf8')) as RoleCredentials;
  const credentials = { user: APP_ROLE, password: randomBytes(18).toString('base64url') };
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** `url` with another user and password (same server and database). */
export function urlAs(url: string, credentials: RoleCredentials): string {
  const u = new URL(url);
  u.username = encodeURIComponent(credentials.user);
  u.password = encodeURIComponent(credentials.password);
  return u.toString();
}

/** The role a connection URL logs in as. */
export const roleOfUrl = (url: string): string => decodeURIComponent(new URL(url).username);

/** One client on `url` for a few queries, closed after. */
export async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * As the owner: creates the app role when missing (or sets its password) — never a superuser, no
 * CREATEDB/CREATEROLE/REPLICATION/BYPASSRLS — then grants it what the server needs.
 */
export async function ensureAppRole(ownerUrl: string, credentials: RoleCredentials): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const role = c.escapeIdentifier(credentials.user);
    const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [credentials.user]);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${c.escapeLiteral(credentials.password)}`;
    await c.query(exists.rowCount === 0 ? `CREATE ROLE ${role} ${attributes}` : `ALTER ROLE ${role} ${attributes}`);
  });
  await grantAppRole(ownerUrl, credentials.user);
}

/**
 * As the owner, in the owner's database: the app role's rights, recomputed at every start (so
 * that tables added by later migrations or pg-boss queues are covered). Refuses a superuser role:
 * the grants would mean nothing.
 */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const r = await c.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = $1', [appRole]);
    if (r.rows[0] === undefined) throw new Error(`vai trò cơ sở dữ liệu ${appRole} không tồn tại`);
    if (r.rows[0].rolsuper) throw new Error(`vai trò ${appRole} của máy chủ là superuser: hãy dùng một vai trò thường (xem docs/adr/010-database-roles.md)`);
    const role = c.escapeIdentifier(appRole);
    const appendOnly = (await c.query<{ name: string }>(`
      SELECT DISTINCT format('%I', t.relname) AS name FROM pg_trigger g
      JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_proc p ON p.oid = g.tgfoid
      WHERE n.nspname = 'public' AND p.proname = 'forbid_change' ORDER BY 1`)).rows.map((x) => x.name);
    const boss = (await c.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'`)).rowCount !== 0;
    await c.query('BEGIN');
    try {
      await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${c.escapeIdentifier((await c.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db ?? '')} TO ${role}`);
      await c.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await c.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
      await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      if (appendOnly.length > 0) await c.query(`REVOKE UPDATE, DELETE ON ${appendOnly.join(', ')} FROM ${role}`);
      await c.query(`REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${role}`);
      await c.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      if (boss) {
        await c.query(`GRANT USAGE ON SCHEMA pgboss TO ${role}`);
        await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${role}`);
        await c.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA pgboss TO ${role}`);
      }
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    }
  });
}

export interface ServerRoles {
  /** migrations, pg-boss's schema, grants */
  readonly ownerUrl: string;
  /** what the server runs as */
  readonly appUrl: string;
  /** false when DATABASE_URL is given without MOTCUA_DATABASE_OWNER_URL: one role does both */
  readonly separate: boolean;
}

/** Which URL owns and which serves (ADR 010). `connectionUrl` is the opened database's (embedded: the superuser's). */
export function serverRoles(config: { readonly databaseUrl: string | undefined; readonly databaseOwnerUrl: string | undefined }, connectionUrl: string, app?: RoleCredentials): ServerRoles {
  if (config.databaseUrl === undefined) {
    if (!app) throw new Error('serverRoles: the embedded server needs the app role credentials');
    return { ownerUrl: connectionUrl, appUrl: urlAs(connectionUrl, app), separate: true };
  }
  if (config.databaseOwnerUrl !== undefined) return { ownerUrl: config.databaseOwnerUrl, appUrl: config.databaseUrl, separate: true };
  return { ownerUrl: config.databaseUrl, appUrl: config.databaseUrl, separate: false };
}
