// `motcua serve` as a user runs it: embedded PostgreSQL in a data folder, demo data on an empty
// database, a clean stop on SIGTERM (no PostgreSQL left behind), and the data reused next time.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/db/embedded';

const postgresRunningIn = (dataDir: string): boolean => {
  try {
    return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').some((l) => l.includes(`${dataDir}/pg`) && l.includes('postgres'));
  } catch {
    return false;
  }
};

async function start(dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--seed-demo', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, MOTCUA_DATA_DIR: dataDir, DATABASE_URL: '', MOTCUA_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => { out += String(d); });
  child.stderr?.on('data', (d) => { out += String(d); });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return { child, output: () => out };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer in time:\n${out}`);
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => {
  if (child.exitCode !== null) resolve(child.exitCode);
  else child.once('exit', (code) => resolve(code));
});

describe('motcua serve', () => {
  let dataDir = '';
  afterAll(async () => { if (dataDir) await fs.rm(dataDir, { recursive: true, force: true }); });

  it('starts with demo data, stops cleanly on SIGTERM and reuses the data on the next start', async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-serve-'));
    await fs.chmod(dataDir, 0o755);
    const port = await freePort();

    const first = await start(dataDir, port);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'motcua-demo' }),
    });
    expect(login.status).toBe(200);
    expect(first.output()).toContain('dữ liệu mẫu');
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(postgresRunningIn(dataDir)).toBe(false);

    const second = await start(dataDir, port);
    expect(second.output()).not.toContain('đang nạp dữ liệu mẫu'); // the data was kept
    const again = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'motcua-demo' }),
    });
    expect(again.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(postgresRunningIn(dataDir)).toBe(false);
  }, 240_000);
});
