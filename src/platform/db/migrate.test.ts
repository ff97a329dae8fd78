// The migration runner's checksums: an edited landed migration stops the start, unless its earlier
// text is listed as amended (AMENDED_MIGRATIONS: a fix for databases where the earlier text failed).
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabaseBefore } from '../../../test/db';
import { AMENDED_MIGRATIONS, migrate, readMigrations } from './migrate';

const fresh = useDatabaseBefore(null, 't_migr');
let dir = '';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

beforeAll(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-migrations-')); });
afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

describe('migration checksums', () => {
  const first = 'CREATE TABLE counters (n int NOT NULL);\n';
  const fixed = 'CREATE TABLE counters (n int NOT NULL); -- corrected\n';

  it('applies a migration once and refuses its edited text', async () => {
    await fs.writeFile(path.join(dir, '0001_counters.sql'), first);
    expect(await migrate(fresh.url, dir, { amended: {} })).toEqual(['0001_counters.sql']);
    expect(await migrate(fresh.url, dir, { amended: {} })).toEqual([]);
    await fs.writeFile(path.join(dir, '0001_counters.sql'), fixed);
    await expect(migrate(fresh.url, dir, { amended: {} })).rejects.toThrow(/0001_counters\.sql đã bị sửa sau khi áp dụng/);
  });

  it('accepts the edited text where the earlier one, listed as amended, was applied', async () => {
    expect(await migrate(fresh.url, dir, { amended: { '0001_counters.sql': [sha(first)] } })).toEqual([]);
    await expect(migrate(fresh.url, dir, { amended: { '0001_counters.sql': [sha('something else')] } })).rejects.toThrow(/đã bị sửa/);
  });

  it('lists only migrations that exist, each with an earlier text different from the current one', async () => {
    const current = new Map((await readMigrations()).map((m) => [m.name, m.checksum]));
    for (const [file, earlier] of Object.entries(AMENDED_MIGRATIONS)) {
      expect(current.has(file)).toBe(true);
      for (const c of earlier) expect(c).not.toBe(current.get(file));
    }
  });
});
