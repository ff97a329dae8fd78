// A throwaway file store for the postal tests: signatures are files of the documents capability.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { FilesDeps } from '../documents/service';
import { folderFileStore } from '../platform/files/folder-store';

/** A file store in a temporary folder, removed after the file's tests. */
export function useTempFiles(): FilesDeps {
  const root = mkdtempSync(path.join(os.tmpdir(), 'motcua-postal-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return { store: folderFileStore(root), maxBytes: 1024 * 1024, maxPages: 5, readers: [] };
}
