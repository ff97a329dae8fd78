// The server's role (issue 10 §6): not a superuser, append-only tables take SELECT and INSERT only,
// `session_replication_role` cannot be set, and the whole write path (intake statement, actions,
// hooks, pg-boss jobs) works under it once the owner has granted.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { performAction, receiveDossier } from '../../dossiers/service';
import { verifyChain } from '../../dossiers/audit';
import { buildWorld, type World } from '../../dossiers/world.test-helper';
import { rollupHook } from '../../reports/hook';
import { resolutionHook } from '../../reports/transparency';
import { connectUrl, type Database } from './connect';
import { createJobRunner, prepareJobSchema } from '../jobs';
import { ensureAppRole, grantAppRole, roleOfUrl, serverRoles, urlAs } from './roles';

describe('the app role', () => {
  let t: TestDatabase;
  let w: World;
  let app: { db: Database; pool: pg.Pool };
  let appUrl: string;
  const credentials = { user: `app_${randomBytes(5).toString('hex')}`, password: randomBytes(12).toString('base64url') };

  beforeAll(async () => {
    t = await createTestDatabase();
    w = await buildWorld(t.db);
    await prepareJobSchema(t.url, ['roles.test']);
    await ensureAppRole(t.url, credentials);
    appUrl = urlAs(t.url, credentials);
    app = connectUrl(appUrl, 4);
  }, 60_000);
  afterAll(async () => {
    await app?.db.destroy();
    await t?.pool.query(`DROP OWNED BY ${credentials.user}`);
    await t?.close();
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${credentials.user}`);
    await admin.end();
  });

  const asApp = (text: string, values: unknown[] = []) => app.pool.query(text, values);

  it('is not a superuser and cannot set session_replication_role (triggers stay on)', async () => {
    const r = await asApp('SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user');
    expect(r.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    await expect(asApp('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
    await expect(asApp('ALTER TABLE dossier_events DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
    // the owner (a superuser here) can: that is why the server must not be it
    const owner = await t.pool.connect();
    try {
      await owner.query('SET session_replication_role = replica');
      await owner.query('RESET session_replication_role');
    } finally {
      owner.release();
    }
  });

  it('writes dossiers through the intake statement, actions and hooks; the chain verifies', async () => {
    const ctx = (a: World['actors'][keyof World['actors']]) => ({ ...w.ctx(a), db: app.db, hooks: [resolutionHook, rollupHook] });
    const r = await receiveDossier(ctx(w.actors.clerk), w.intake(), 'roles-test-key-1');
    await performAction(ctx(w.actors.clerk), r.code, 'forward', {});
    expect(await verifyChain(app.db, r.code)).toMatchObject({ ok: true, events: 2 });
  });

  it('may only read and append on the append-only tables, and only read schema_migrations', async () => {
    await expect(asApp(`UPDATE dossier_events SET actor_role = 'admin'`)).rejects.toThrow(/permission denied for table dossier_events/);
    await expect(asApp('DELETE FROM dossier_events')).rejects.toThrow(/permission denied for table dossier_events/);
    await expect(asApp('TRUNCATE dossier_events')).rejects.toThrow(/permission denied/);
    await expect(asApp('DELETE FROM audit_anchors')).rejects.toThrow(/permission denied for table audit_anchors/);
    // the tracking secret: a new one would change every PIN already printed and sent
    await expect(asApp(`UPDATE tracking_key SET secret = repeat('x', 40)`)).rejects.toThrow(/permission denied for table tracking_key/);
    await expect(asApp(`INSERT INTO schema_migrations (name, checksum) VALUES ('9999_x.sql', 'x')`)).rejects.toThrow(/permission denied/);
    await expect(asApp('CREATE TABLE public.x (a int)')).rejects.toThrow(/permission denied/);
    expect((await asApp('SELECT count(*)::int AS n FROM dossier_events')).rows[0].n).toBeGreaterThan(0);
    expect((await asApp('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBeGreaterThan(10);
  });

  it('runs pg-boss jobs on the schema and queues the owner made', async () => {
    let ran = 0;
    const runner = createJobRunner({ connectionString: appUrl, migrate: false, jobs: [{ name: 'roles.test', runAtStart: true, handler: async () => { ran++; } }] });
    await runner.start();
    try {
      for (let i = 0; i < 100 && ran === 0; i++) await new Promise((res) => setTimeout(res, 100));
    } finally {
      await runner.stop();
    }
    expect(ran).toBe(1);
    // pg-boss's cron queue exists (made by the owner): the app role's timekeeper could not create it
    expect((await asApp(`SELECT count(*)::int AS n FROM pgboss.queue WHERE name = '__pgboss__send-it'`)).rows[0].n).toBe(1);
  }, 30_000);

  it('refuses to grant a superuser, and says which URL owns and which serves', async () => {
    await expect(grantAppRole(t.url, roleOfUrl(t.url))).rejects.toThrow(/superuser/);
    expect(serverRoles({ databaseUrl: undefined, databaseOwnerUrl: undefined }, 'postgres://motcua:pw@127.0.0.1:5432/motcua', credentials))
      .toEqual({ ownerUrl: 'postgres://motcua:pw@127.0.0.1:5432/motcua', appUrl: `postgres://${credentials.user}:${credentials.password}@127.0.0.1:5432/motcua`, separate: true });
    expect(serverRoles({ databaseUrl: 'postgres://app:a@db/m', databaseOwnerUrl: 'postgres://own:o@db/m' }, 'postgres://app:a@db/m'))
      .toEqual({ ownerUrl: 'postgres://own:o@db/m', appUrl: 'postgres://app:a@db/m', separate: true });
    expect(serverRoles({ databaseUrl: 'postgres://app:a@db/m', databaseOwnerUrl: undefined }, 'postgres://app:a@db/m').separate).toBe(false);
  });
});
