// Files for the documents tests, built here (no binary fixtures): PDFs with labelled pages,
// PNG, JPEG and TIFF of known sizes, an encrypted PDF, and multipart bodies.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll } from 'vitest';
import { saveActorAsUser } from '../../test/factories';
import type { Actor } from '../platform/actor';
import type { Database } from '../platform/db/connect';
import { folderFileStore } from '../platform/files/folder-store';
import type { FilesDeps } from './model';

/** A PDF whose pages carry their label as text (`P1`, `P2`…) and the given sizes (points). */
export async function pdfBytes(labels: readonly string[] = ['P1'], size: [number, number] = [595, 842]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const label of labels) doc.addPage(size).drawText(label, { x: 50, y: 50, size: 24, font });
  return doc.save({ useObjectStreams: false });
}

/** The same PDF with an /Encrypt entry in its trailer (a password-protected scan). */
export async function encryptedPdfBytes(): Promise<Uint8Array> {
  const text = Buffer.from(await pdfBytes(['Mật'.normalize('NFD').replace(/[\u0300-\u036f]/g, '')])).toString('latin1');
  const encrypted = text.replace(/trailer\s*<<\s*/, (m) => `${m}/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>\n`);
  if (encrypted === text) throw new Error('no trailer found');
  return Buffer.from(encrypted, 'latin1');
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A real grey PNG of width × height (decodable: pdf-lib embeds it). */
export function pngBytes(width = 4, height = 3, grey = 128): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.from([0, ...Array<number>(width).fill(grey)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG's marker structure (SOI, a baseline frame of width × height, a scan, EOI): what the sniffer and pdf-lib read. */
export function jpegBytes(width = 8, height = 6, fill = 0x11): Uint8Array {
  const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00];
  const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00];
  return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, ...sof, ...sos, ...Array<number>(32).fill(fill), 0xff, 0xd9]);
}

/** A little-endian TIFF with `pages` image file directories (one 1×1 grey strip each). */
export function tiffBytes(pages = 2): Uint8Array {
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]);
  const parts: Buffer[] = [header];
  let at = 8;
  for (let p = 0; p < pages; p++) {
    const entries: [number, number, number, number][] = [[256, 3, 1, 1], [257, 3, 1, 1], [258, 3, 1, 8], [262, 3, 1, 1], [273, 4, 1, 0], [278, 3, 1, 1], [279, 4, 1, 1]];
    const ifdSize = 2 + entries.length * 12 + 4;
    const pixelAt = at + ifdSize;
    const ifd = Buffer.alloc(ifdSize + 1);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, count, value], i) => {
      const o = 2 + i * 12;
      ifd.writeUInt16LE(tag, o);
      ifd.writeUInt16LE(type, o + 2);
      ifd.writeUInt32LE(count, o + 4);
      if (type === 3) ifd.writeUInt16LE(tag === 273 ? pixelAt : value, o + 8);
      else ifd.writeUInt32LE(tag === 273 ? pixelAt : value, o + 8);
    });
    const next = p === pages - 1 ? 0 : pixelAt + 1;
    ifd.writeUInt32LE(next, 2 + entries.length * 12);
    ifd[ifdSize] = 200; // the pixel
    parts.push(ifd);
    at += ifd.length;
  }
  return Buffer.concat(parts);
}

/** A Windows program (MZ header) as a renamed executable would arrive. */
export const executableBytes = (): Uint8Array => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120, 0x41), Buffer.from('PE\x00\x00', 'latin1')]);

export const BOUNDARY = '----motcua-test-boundary-7MA4YWxkTrZu0gW';

/** A multipart/form-data body with one file part. */
export function multipart(bytes: Uint8Array, fileName = 'scan.pdf', contentType = 'application/octet-stream', field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from(bytes), Buffer.from(`\r\n--${BOUNDARY}--\r\n`, 'utf8')]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

/**
 * The setup of a test file that stores files: a folder store in a new temporary folder (removed
 * after the file's tests, 1 MiB and 10 pages at most), and the uploader saved as a user. Call it
 * after useWorld(); read `files` inside a test.
 */
export function useFolderFiles(prefix: string, t: { readonly db: Database }, uploader: () => Actor): { readonly files: FilesDeps } {
  let root: string | undefined;
  let files: FilesDeps | undefined;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    files = { store: folderFileStore(root), maxBytes: 1024 * 1024, maxPages: 10, readers: [] };
    await saveActorAsUser(t.db, uploader());
  });
  afterAll(async () => { if (root) await fs.rm(root, { recursive: true, force: true }); });
  return {
    get files(): FilesDeps {
      if (!files) throw new Error('the file store is built in beforeAll; read it inside a test');
      return files;
    },
  };
}
