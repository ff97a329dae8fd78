// Who owns the embedded PostgreSQL of a data folder. The process that starts PostgreSQL first
// creates `<dataDir>/motcua-db.json` (exclusively, mode 0600) with its pid and PostgreSQL's port,
// and removes it when it stops PostgreSQL. Any other motcua process (a CLI command next to a
// running `motcua serve`) finds the file, sees its owner alive and uses that PostgreSQL instead
// of starting — or stopping — one of its own. A file whose owner is dead (SIGKILL) is taken over.
import fs from 'node:fs/promises';
import path from 'node:path';

export const LOCK_FILE = 'motcua-db.json';

export interface FolderLock {
  readonly pid: number;
  /** Port of the PostgreSQL server the owner runs (loopback). */
  readonly port: number;
  /** What the owner is (`serve`, `audit`…), for messages. */
  readonly command: string;
  readonly startedAt: string;
}

export type ClaimResult = { readonly claimed: true } | { readonly claimed: false; readonly holder: FolderLock };

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
};

const lockPath = (dataDir: string) => path.join(dataDir, LOCK_FILE);

function parseLock(text: string): FolderLock | null {
  try {
    const v = JSON.parse(text) as Partial<FolderLock>;
    if (!Number.isInteger(v.pid) || !Number.isInteger(v.port)) return null;
    return { pid: Number(v.pid), port: Number(v.port), command: String(v.command ?? '?'), startedAt: String(v.startedAt ?? '') };
  } catch {
    return null;
  }
}

export async function readLock(dataDir: string): Promise<FolderLock | null> {
  try {
    return parseLock(await fs.readFile(lockPath(dataDir), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Becomes the owner of the folder's PostgreSQL (claimed), or names the live owner (holder).
 * A file left by a dead process, or one that stays unreadable (a crash mid-write), is replaced.
 */
export async function claimLock(dataDir: string, port: number, command: string): Promise<ClaimResult> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const mine: FolderLock = { pid: process.pid, port, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
      return { claimed: true };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = await readLock(dataDir);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) return { claimed: false, holder };
    if (holder === null && attempt < 20) {
      await new Promise((r) => setTimeout(r, 50)); // being written by its owner right now
      continue;
    }
    // stale: its owner is gone. Re-read first, so as not to remove a file a rival just claimed.
    const again = await readLock(dataDir);
    if (again === null || (holder !== null && again.pid === holder.pid && again.startedAt === holder.startedAt)) await fs.rm(file, { force: true });
  }
  throw new Error(`không giành được ${file}`);
}

/** Removes the file if this process owns it. */
export async function releaseLock(dataDir: string): Promise<void> {
  const holder = await readLock(dataDir);
  if (holder?.pid === process.pid) await fs.rm(lockPath(dataDir), { force: true });
}
