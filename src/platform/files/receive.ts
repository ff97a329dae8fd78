// Receiving bytes into a temporary file while hashing them (issue 12 §1): the content is never
// held whole in memory while it arrives, and reading stops as soon as it passes the limit.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export interface Received {
  readonly tempPath: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

/** The content passed the size limit; nothing was kept. */
export class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`content larger than ${maxBytes} bytes`);
    this.name = 'TooLargeError';
  }
}

const tempPathIn = (dir: string) => path.join(dir, `${randomUUID()}.part`);

/**
 * Writes the stream to a new temporary file in `tempDir`, hashing it on the way. Past `maxBytes`
 * the stream is abandoned (not read further) and the temporary file removed: TooLargeError. Any
 * other failure also removes the file.
 */
export async function receiveToTemp(source: Readable, opts: { readonly tempDir: string; readonly maxBytes: number }): Promise<Received> {
  await fs.mkdir(opts.tempDir, { recursive: true });
  const tempPath = tempPathIn(opts.tempDir);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > opts.maxBytes) {
        done(new TooLargeError(opts.maxBytes));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(tempPath, { flags: 'wx' }));
  } catch (e) {
    await fs.rm(tempPath, { force: true });
    throw e;
  }
  return { tempPath, sha256: hash.digest('hex'), sizeBytes: size };
}

/** The same for bytes already in memory (a composed PDF, a generated result). */
export async function writeTemp(bytes: Uint8Array, tempDir: string): Promise<Received> {
  await fs.mkdir(tempDir, { recursive: true });
  const tempPath = tempPathIn(tempDir);
  await fs.writeFile(tempPath, bytes, { flag: 'wx' });
  return { tempPath, sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length };
}

/** Copies a file of the local disk into a new temporary file (storeFile with a path: the caller keeps its file). */
export async function copyToTemp(file: string, opts: { readonly tempDir: string; readonly maxBytes: number }): Promise<Received> {
  return receiveToTemp(createReadStream(file), opts);
}
