// What a file is, from its bytes (issue 12 §1): the magic numbers, then a structural check of the
// type found (a PDF must parse and not be encrypted; JPEG, PNG and TIFF must be whole), and the
// page count. Never from the file's name or the client's content type — those only serve to
// refuse a file that claims to be something it is not. Pure: bytes in, verdict out, never throws.
import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import labels from './labels.vi.json';

export const mediaTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type MediaType = (typeof mediaTypes)[number];

export const fileProblems = labels.fileProblem;
export type FileProblemCode = keyof typeof fileProblems;

export type Sniffed =
  | { readonly ok: true; readonly mediaType: MediaType; readonly pageCount: number }
  | { readonly ok: false; readonly code: FileProblemCode; readonly message: string };

const refuse = (code: FileProblemCode): Sniffed => ({ ok: false, code, message: fileProblems[code] });

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(to, bytes.length) - from)).toString('latin1');

/** Programs and archives that must never pass as a scan, whatever their name. */
const EXECUTABLE_MAGIC: readonly (readonly number[])[] = [
  [0x4d, 0x5a], // MZ: Windows PE / DOS
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal / Java class
  [0x23, 0x21], // #! script
  [0x50, 0x4b, 0x03, 0x04], // ZIP (jar, apk, docm…)
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
];

/** The type the magic numbers say, before any structural check. */
export function magicType(bytes: Uint8Array): MediaType | 'executable' | null {
  if (EXECUTABLE_MAGIC.some((m) => startsWith(bytes, m))) return 'executable';
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  return null;
}

const EXTENSIONS: Record<string, MediaType> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', jpe: 'image/jpeg', png: 'image/png', tif: 'image/tiff', tiff: 'image/tiff',
};

/** What the name or the declared type claim, when they claim one of our types (else null: no claim). */
export function claimedTypes(fileName: string | undefined, declaredType: string | undefined): MediaType[] {
  const claims: MediaType[] = [];
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  const byExt = ext === undefined ? undefined : EXTENSIONS[ext];
  if (byExt) claims.push(byExt);
  const declared = (declaredType ?? '').split(';')[0]?.trim().toLowerCase();
  const byDeclared = declared === 'image/jpg' || declared === 'image/pjpeg' ? 'image/jpeg' : mediaTypes.find((m) => m === declared);
  if (byDeclared) claims.push(byDeclared);
  return claims;
}

/**
 * The verdict on a file's bytes. `fileName` and `declaredType` (the client's) never decide the
 * type; a claim of one of our types that the bytes contradict is refused as mislabelled.
 */
export async function sniffFile(bytes: Uint8Array, claim: { readonly fileName?: string; readonly declaredType?: string } = {}): Promise<Sniffed> {
  if (bytes.length === 0) return refuse('FILE_EMPTY');
  const type = magicType(bytes);
  if (type === 'executable') return refuse('FILE_EXECUTABLE');
  if (type === null) return refuse('FILE_TYPE_UNSUPPORTED');
  if (claimedTypes(claim.fileName, claim.declaredType).some((c) => c !== type)) return refuse('FILE_MISLABELLED');
  try {
    const pages = await pageCountOf(type, bytes);
    return typeof pages === 'number' ? { ok: true, mediaType: type, pageCount: pages } : refuse(pages);
  } catch {
    return refuse('FILE_MALFORMED');
  }
}

function pageCountOf(type: MediaType, bytes: Uint8Array): Promise<number | FileProblemCode> | number | FileProblemCode {
  switch (type) {
    case 'application/pdf': return pdfPages(bytes);
    case 'image/jpeg': return jpegWhole(bytes);
    case 'image/png': return pngWhole(bytes);
    case 'image/tiff': return tiffPages(bytes);
  }
}

async function pdfPages(bytes: Uint8Array): Promise<number | FileProblemCode> {
  // a whole PDF ends with its end-of-file marker (trailing whitespace or a few bytes of junk aside)
  if (!ascii(bytes, Math.max(0, bytes.length - 2048), bytes.length).includes('%%EOF')) return 'FILE_TRUNCATED';
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false, throwOnInvalidObject: true });
    const pages = doc.getPageCount();
    return pages > 0 ? pages : 'FILE_MALFORMED';
  } catch (e) {
    // pdf-lib's error classes are compiled to ES5: instanceof does not hold, the message does
    return e instanceof EncryptedPDFError || (e instanceof Error && /is encrypted/.test(e.message)) ? 'FILE_ENCRYPTED' : 'FILE_MALFORMED';
  }
}

/** A JPEG: a frame header with a size, and the end-of-image marker at the end (trailing zero padding aside). */
function jpegWhole(bytes: Uint8Array): number | FileProblemCode {
  let end = bytes.length;
  while (end > 2 && bytes[end - 1] === 0x00) end -= 1;
  const ended = bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
  let at = 2;
  let framed = false;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return 'FILE_MALFORMED';
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) { at += 1; continue; } // fill byte
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { at += 2; continue; }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2) return 'FILE_MALFORMED';
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > bytes.length) return 'FILE_TRUNCATED';
      const height = ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0);
      const width = ((bytes[at + 7] ?? 0) << 8) | (bytes[at + 8] ?? 0);
      if (width === 0 || height === 0) return 'FILE_MALFORMED';
      framed = true;
    }
    if (marker === 0xda) break; // start of scan: entropy-coded data follows
    at += 2 + length;
  }
  if (!framed) return at + 4 > bytes.length ? 'FILE_TRUNCATED' : 'FILE_MALFORMED';
  return ended ? 1 : 'FILE_TRUNCATED';
}

const IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** A PNG: its header chunk first with a size, and the end chunk last. */
function pngWhole(bytes: Uint8Array): number | FileProblemCode {
  if (bytes.length < 8 + 25) return 'FILE_TRUNCATED';
  if (ascii(bytes, 12, 16) !== 'IHDR') return 'FILE_MALFORMED';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (view.getUint32(16) === 0 || view.getUint32(20) === 0) return 'FILE_MALFORMED';
  return startsWith(bytes, IEND, bytes.length - IEND.length) ? 1 : 'FILE_TRUNCATED';
}

/** A TIFF: one page an image file directory (IFD), following the chain of IFD offsets. */
function tiffPages(bytes: Uint8Array): number | FileProblemCode {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const little = bytes[0] === 0x49;
  if (bytes.length < 8) return 'FILE_TRUNCATED';
  let offset = view.getUint32(4, little);
  const seen = new Set<number>();
  let pages = 0;
  while (offset !== 0) {
    if (seen.has(offset) || offset < 8 || pages >= 100_000) return 'FILE_MALFORMED';
    seen.add(offset);
    if (offset + 2 > bytes.length) return 'FILE_TRUNCATED';
    const entries = view.getUint16(offset, little);
    const next = offset + 2 + entries * 12;
    if (entries === 0) return 'FILE_MALFORMED';
    if (next + 4 > bytes.length) return 'FILE_TRUNCATED';
    pages += 1;
    offset = view.getUint32(next, little);
  }
  return pages > 0 ? pages : 'FILE_MALFORMED';
}
