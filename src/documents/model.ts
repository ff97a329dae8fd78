// The documents capability's types (issue 12): files addressed by their SHA-256, who may read
// them, and what other capabilities pass in. Pure.
import type { Actor } from '../platform/actor';
import type { ServiceContext } from '../platform/context';
import type { FileStore } from '../platform/files/store';
import type { MediaType } from './sniff';

export type { MediaType } from './sniff';
export { mediaTypes } from './sniff';

/** A stored file as every capability sees it (the answer of POST /api/v1/files). */
export interface FileMeta {
  readonly id: number;
  readonly sha256: string;
  readonly mediaType: MediaType;
  readonly sizeBytes: number;
  readonly pageCount: number;
}

/**
 * Whether the actor may read a file because something of theirs names it: a dossier paper in
 * their scope, a shipment they carry, a document of their store (wired in src/app.ts, so that
 * documents imports none of the capabilities that reference files).
 */
export type FileReader = (ctx: ServiceContext & { readonly actor: Actor }, fileId: number) => Promise<boolean>;

/** What the file use cases need beyond the database: the store, the limits and the readers. */
export interface FilesDeps {
  readonly store: FileStore;
  /** Largest content in bytes. */
  readonly maxBytes: number;
  /** Most pages a file may have. */
  readonly maxPages: number;
  readonly readers: readonly FileReader[];
}

export type FilesContext = ServiceContext & { readonly files: FilesDeps };

/** The slack read past the limit before an upload is cut off (issue 12: "at most the limit plus 1 MiB"). */
export const UPLOAD_SLACK_BYTES = 1024 * 1024;

/** A file name as the device gave it, for display only: no path, no control characters, at most 200 characters. */
export function displayName(name: string | undefined): string | null {
  if (name === undefined) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean === '' ? null : clean;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const EXTENSION_OF: Record<MediaType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif' };

/** The name a download is saved under: `tep-12.pdf` (the extension from the sniffed type, never the uploader's). */
export const downloadName = (id: number, mediaType: MediaType): string => `tep-${id}.${EXTENSION_OF[mediaType]}`;
