// The default file store: a folder under the data folder (`<dataDir>/files`), one file a content,
// temporary files in `<dataDir>/files/tmp` (same file system, so moving into place is a rename).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { FileMissingError, isStorageKey, type FileStore } from './store';

export function folderFileStore(root: string): FileStore {
  const tempDir = path.join(root, 'tmp');
  const fileOf = (key: string) => {
    if (!isStorageKey(key)) throw new Error(`not a storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    kind: 'folder',
    tempDir,
    async put(tempPath, key) {
      const target = fileOf(key);
      try {
        await fs.mkdir(path.dirname(target), { recursive: true });
        // rename replaces an existing file atomically; the content is the same (same key)
        await fs.rename(tempPath, target);
      } finally {
        await fs.rm(tempPath, { force: true });
      }
    },
    async open(key): Promise<Readable> {
      const file = fileOf(key);
      const handle = await fs.open(file, 'r').catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'ENOENT' ? new FileMissingError(key) : e;
      });
      return handle.createReadStream();
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    async *list() {
      for (const a of await dirs(root)) {
        if (!/^[0-9a-f]{2}$/.test(a)) continue;
        for (const b of await dirs(path.join(root, a))) {
          for (const name of await dirs(path.join(root, a, b))) {
            const key = `${a}/${b}/${name}`;
            if (isStorageKey(key)) yield key;
          }
        }
      }
    },
  };
}

const dirs = (dir: string): Promise<string[]> => fs.readdir(dir).catch(() => []);
