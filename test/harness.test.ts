import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './db';

describe('test database harness', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t.close(); });

  it('has every migration applied and the Vietnamese search key', async () => {
    const rows = await t.db.selectFrom('schema_migrations').select('name').execute();
    expect(rows.map((r) => r.name)).toContain('0001_extensions.sql');
    const { rows: [r] } = await sql<{ k: string }>`select search_key('Nguyễn Văn Đức') as k`.execute(t.db);
    expect(r?.k).toBe('nguyen van duc');
  });

  it('refuses to alter the audit log', async () => {
    await t.db.insertInto('audit_log').values({ province_code: '00', action: 'x', entity: 'y', payload: '{}' }).execute();
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});
