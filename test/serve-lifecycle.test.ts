// `motcua serve` as a user runs it: embedded PostgreSQL in a data folder, demo data on an empty
// database, a clean stop on SIGTERM (no PostgreSQL left behind), and the data reused next time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/db/embedded';
import { exited, startServer } from './server-process';

const postgresRunningIn = (dataDir: string): boolean => {
  try {
    return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').some((l) => l.includes(`${dataDir}/pg`) && l.includes('postgres'));
  } catch {
    return false;
  }
};

describe('motcua serve', () => {
  let dataDir = '';
  afterAll(async () => { if (dataDir) await fs.rm(dataDir, { recursive: true, force: true }); });

  it('starts with demo data, stops cleanly on SIGTERM and reuses the data on the next start', async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-serve-'));
    await fs.chmod(dataDir, 0o755);
    const port = await freePort();

    // the first start also lives the demo's last working days (src/demo-day.ts) through the API
    const first = await startServer(dataDir, port, 180_000, {}, { demoDossiers: true });
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'motcua-demo' }),
    });
    expect(login.status).toBe(200);
    expect(first.output()).toContain('dữ liệu mẫu');
    expect(first.output()).toContain('Đã nạp 8 hồ sơ và 1 yêu cầu thu gom mẫu');
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(postgresRunningIn(dataDir)).toBe(false);

    const second = await startServer(dataDir, port, 90_000, {}, { demoDossiers: true });
    expect(second.output()).not.toContain('đang nạp dữ liệu mẫu'); // the data was kept
    const again = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'motcua-demo' }),
    });
    expect(again.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(postgresRunningIn(dataDir)).toBe(false);
  }, 360_000);
});
