// Where the bytes of files live (issue 12 §1): an interface with a folder store (the default,
// under the data folder) and an S3-compatible store. Files are addressed by their SHA-256, so a
// key names one content forever and putting the same bytes twice is harmless.
import type { Readable } from 'node:stream';

export interface FileStore {
  /** Which store this is, for logs and the health page: 'folder' or 's3'. */
  readonly kind: 'folder' | 's3';
  /**
   * Moves a verified temporary file (written by `receiveToTemp`, in `tempDir`) under `key`. The
   * temporary file is gone afterwards, whether the put succeeds or not. Putting a key that exists
   * keeps the stored bytes (same key, same content).
   */
  put(tempPath: string, key: string, mediaType: string): Promise<void>;
  /** A stream of the stored bytes; a missing key rejects with `FileMissingError`. */
  open(key: string): Promise<Readable>;
  /** Removes the bytes; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key (the archive job's sweep of bytes that no row names). */
  list(): AsyncIterable<string>;
  /** A folder on the local disk for temporary files (uploads being received, composed PDFs). */
  readonly tempDir: string;
}

export class FileMissingError extends Error {
  constructor(readonly key: string) {
    super(`stored file missing: ${key}`);
    this.name = 'FileMissingError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The storage key of a content: `ab/cd/abcd…` (two levels of fan-out keep folders small). */
export function storageKeyOf(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha-256: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Whether a key has the shape storageKeyOf makes (anything else in a store is not ours). */
export const isStorageKey = (key: string): boolean => /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key) && key.slice(6, 8) === key.slice(0, 2) && key.slice(8, 10) === key.slice(3, 5);
