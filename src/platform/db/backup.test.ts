// motcua's own backup format against the real database: a copy restored into an empty database
// holds the same rows (append-only tables included) and the same sequences; a non-empty target, a
// file that is not a backup and a truncated one are refused and change nothing.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { backupDatabase, restoreDatabase } from './backup';

async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `r_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: adminUrl.replace(/\/postgres$/, `/${name}`),
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function rowsOf(url: string, sql: string): Promise<unknown[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe('backup and restore', () => {
  let t: TestDatabase;
  let dir = '';
  let file = '';
  const targets: { drop(): Promise<void> }[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-backup-test-'));
    file = path.join(dir, 'copy.motcua');
    await t.db.insertInto('audit_log').values([
      { province_code: '00', actor_id: null, actor_name: 'quantri', action: 'user.create', entity: 'user', entity_key: '7', payload: JSON.stringify({ note: 'tab\there, newline\nhere, backslash \\ and "quotes"' }) },
      { province_code: '00', actor_id: null, actor_name: 'Nguyễn Văn Á', action: 'user.update', entity: 'user', entity_key: null, payload: '{}' },
    ]).execute();
  });
  afterAll(async () => {
    for (const target of targets) await target.drop();
    await t?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('restores the same rows and sequences into an empty database', async () => {
    const report = await backupDatabase(t.url, file);
    expect(report.migrations).toBeGreaterThan(0);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const target = await emptyDatabase();
    targets.push(target);
    const restored = await restoreDatabase(target.url, file);
    expect(restored.rows).toBe(report.rows);
    const audit = `SELECT id, actor_name, action, entity_key, payload FROM audit_log ORDER BY id`;
    expect(await rowsOf(target.url, audit)).toEqual(await rowsOf(t.url, audit));
    const seq = `SELECT last_value FROM audit_log_id_seq`;
    expect(await rowsOf(target.url, seq)).toEqual(await rowsOf(t.url, seq));
    const migrations = `SELECT name, checksum FROM schema_migrations ORDER BY name`;
    expect(await rowsOf(target.url, migrations)).toEqual(await rowsOf(t.url, migrations));
    // the append-only trigger is back on after the restore
    await expect(rowsOf(target.url, `DELETE FROM audit_log`)).rejects.toThrow();
  });

  it('refuses a database that is not empty, and changes nothing in it', async () => {
    const before = await rowsOf(t.url, 'SELECT count(*)::int AS n FROM audit_log');
    await expect(restoreDatabase(t.url, file)).rejects.toThrow('chỉ khôi phục vào một cơ sở dữ liệu trống');
    expect(await rowsOf(t.url, 'SELECT count(*)::int AS n FROM audit_log')).toEqual(before);
  });

  it('refuses a file that is not a backup, and a truncated one', async () => {
    const target = await emptyDatabase();
    targets.push(target);
    const notOurs = path.join(dir, 'not-a-backup.gz');
    await pipeline(Readable.from(['{"hello":"world"}\n']), createGzip(), (await fs.open(notOurs, 'w')).createWriteStream());
    await expect(restoreDatabase(target.url, notOurs)).rejects.toThrow('không phải bản sao lưu motcua');
    const whole = (await import('node:zlib')).gunzipSync(await fs.readFile(file)).toString('utf8');
    const cut = path.join(dir, 'cut.gz');
    await fs.writeFile(cut, (await import('node:zlib')).gzipSync(whole.slice(0, whole.indexOf('@table audit_log') + 200)));
    await expect(restoreDatabase(target.url, cut)).rejects.toThrow('bị cắt cụt');
    // the migrations of the attempt stay (schema only); its rows were rolled back: still restorable elsewhere
    expect(await rowsOf(target.url, `SELECT count(*)::int AS n FROM audit_log`)).toEqual([{ n: 0 }]);
  });
});
