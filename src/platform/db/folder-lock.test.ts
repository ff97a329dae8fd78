// The lock of a data folder's embedded PostgreSQL: one owner; a live owner is named to others;
// a dead owner's file is taken over; only the owner removes it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimLock, LOCK_FILE, readLock, releaseLock } from './folder-lock';

/** A pid that certainly belonged to a process that has ended. */
const deadPid = (): number => {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
};

describe('data folder lock', () => {
  let dir = '';
  beforeEach(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-lock-')); });
  afterEach(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('is claimed by the first process, readable by its owner only (0600), and names its port', async () => {
    expect(await claimLock(dir, 54321, 'serve')).toEqual({ claimed: true });
    const stat = await fs.stat(path.join(dir, LOCK_FILE));
    expect(stat.mode & 0o777).toBe(0o600);
    expect(await readLock(dir)).toMatchObject({ pid: process.pid, port: 54321, command: 'serve' });
  });

  it('names a live owner to the next process instead of giving it the folder', async () => {
    const owner = { pid: process.ppid, port: 40001, command: 'serve', startedAt: '2026-12-06T08:00:00.000Z' };
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify(owner), { mode: 0o600 });
    expect(await claimLock(dir, 40002, 'audit')).toEqual({ claimed: false, holder: owner });
    await releaseLock(dir); // not ours: left in place
    expect(await readLock(dir)).toEqual(owner);
  });

  it('takes over the file of an owner that died (SIGKILL leaves it behind)', async () => {
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), port: 40001, command: 'serve', startedAt: 'x' }));
    expect(await claimLock(dir, 40003, 'user')).toEqual({ claimed: true });
    expect(await readLock(dir)).toMatchObject({ pid: process.pid, port: 40003 });
    await releaseLock(dir);
    expect(await readLock(dir)).toBeNull();
  });

  it('replaces a file left half-written', async () => {
    await fs.writeFile(path.join(dir, LOCK_FILE), '{"pid":');
    expect(await claimLock(dir, 40004, 'report')).toEqual({ claimed: true });
  });
});
