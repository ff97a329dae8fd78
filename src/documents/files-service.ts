// The file use cases (issue 12 §1): receive an upload (streamed to a temporary file while hashed,
// cut off past the limit), judge its bytes, store the content once under its SHA-256 with its
// row and audit entry in one transaction, and hand files out only to those who may read them.
// A refused file leaves nothing behind: no temporary file, no stored bytes, no row.
import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { assertCan } from '../accounts/policy';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import { notFound, tooLarge, unauthenticated, unsupportedMediaType, validationFailed, type DomainError } from '../platform/errors';
import { copyToTemp, receiveToTemp, TooLargeError, writeTemp, type Received } from '../platform/files/receive';
import { storageKeyOf } from '../platform/files/store';
import { displayName, downloadName, type FileMeta, type FilesContext } from './model';
import { composePdf, type Rotation } from './compose';
import { sniffFile, type FileProblemCode, type Sniffed } from './sniff';

const columns = ['id', 'sha256', 'media_type as mediaType', 'size_bytes as sizeBytes', 'page_count as pageCount'] as const;

const tooLargeError = (maxBytes: number) =>
  tooLarge('FILE_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (${Math.round(maxBytes / 1024 / 1024)} MB). Hãy quét với độ phân giải thấp hơn hoặc chia thành nhiều tệp.`);

const PROBLEM_STATUS: Record<FileProblemCode, (code: string, message: string) => DomainError> = {
  FILE_EMPTY: validationFailed,
  FILE_EXECUTABLE: unsupportedMediaType,
  FILE_TYPE_UNSUPPORTED: unsupportedMediaType,
  FILE_MISLABELLED: unsupportedMediaType,
  FILE_TRUNCATED: validationFailed,
  FILE_MALFORMED: validationFailed,
  FILE_ENCRYPTED: validationFailed,
};

export interface UploadClaim {
  /** The name the device gave (display only; a known extension that contradicts the bytes is refused). */
  readonly fileName?: string;
  /** The client's content type (never trusted; a contradiction is refused). */
  readonly declaredType?: string;
}

/** Whether the actor may upload files (asked by the route before it reads the body). */
export function assertMayUpload(actor: Actor | null): asserts actor is Actor {
  assertCan(actor, 'files.upload');
}

/** POST /api/v1/files: an upload by a user who may upload scans, read from `source` up to the limit. */
export async function uploadFile(ctx: FilesContext, source: Readable, claim: UploadClaim = {}): Promise<FileMeta> {
  assertMayUpload(ctx.actor);
  let received: Received;
  try {
    received = await receiveToTemp(source, { tempDir: ctx.files.store.tempDir, maxBytes: ctx.files.maxBytes });
  } catch (e) {
    if (e instanceof TooLargeError) throw tooLargeError(ctx.files.maxBytes);
    throw e;
  }
  return keepReceived(ctx, received, claim);
}

/**
 * For other capabilities (a composed scan, an electronic result, a printed record): stores a file
 * of the local disk (`path`, left in place) or bytes in memory, under the same checks as an
 * upload. The caller has checked its own permission; the actor, when there is one, is recorded
 * as an uploader (and so may attach and read it).
 */
export async function storeFile(ctx: FilesContext, input: { readonly path?: string; readonly buffer?: Uint8Array; readonly fileName?: string }): Promise<FileMeta> {
  let received: Received;
  try {
    if (input.buffer !== undefined) {
      if (input.buffer.length > ctx.files.maxBytes) throw new TooLargeError(ctx.files.maxBytes);
      received = await writeTemp(input.buffer, ctx.files.store.tempDir);
    } else if (input.path !== undefined) {
      received = await copyToTemp(input.path, { tempDir: ctx.files.store.tempDir, maxBytes: ctx.files.maxBytes });
    } else {
      throw validationFailed('FILE_EMPTY', 'Không có tệp để lưu.');
    }
  } catch (e) {
    if (e instanceof TooLargeError) throw tooLargeError(ctx.files.maxBytes);
    throw e;
  }
  return keepReceived(ctx, received, input.fileName === undefined ? {} : { fileName: input.fileName });
}

/** Judges the received bytes and keeps them (once per content) with their row, or refuses; the temporary file is gone either way. */
async function keepReceived(ctx: FilesContext, received: Received, claim: UploadClaim): Promise<FileMeta> {
  try {
    const verdict = await sniffFile(await fs.readFile(received.tempPath), claim);
    const accepted = acceptedOrThrow(verdict, ctx.files.maxPages);
    return await ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now();
      const storageKey = storageKeyOf(received.sha256);
      const inserted = await trx.insertInto('files').values({
        sha256: received.sha256, media_type: accepted.mediaType, size_bytes: received.sizeBytes, page_count: accepted.pageCount,
        storage_key: storageKey, created_at: now, created_by: ctx.actor?.userId ?? null,
      }).onConflict((oc) => oc.column('sha256').doNothing()).returning(columns).executeTakeFirst();
      // the same bytes uploaded concurrently: the other transaction's row (the insert waited for it)
      const meta = inserted ?? await trx.selectFrom('files').select(columns).where('sha256', '=', received.sha256).executeTakeFirstOrThrow();
      // the bytes go into place before the row commits: a failed put rolls the row back
      if (inserted) await ctx.files.store.put(received.tempPath, storageKey, accepted.mediaType);
      if (ctx.actor) {
        await trx.insertInto('file_uploads').values({ file_id: meta.id, user_id: ctx.actor.userId, file_name: displayName(claim.fileName), uploaded_at: now })
          .onConflict((oc) => oc.columns(['file_id', 'user_id']).doNothing()).execute();
      }
      await recordAudit(trx, ctx.actor, {
        action: inserted ? 'file.stored' : 'file.stored-again', entity: 'file', entityKey: meta.id, at: now,
        payload: { sha256: meta.sha256, mediaType: meta.mediaType, sizeBytes: meta.sizeBytes, pageCount: meta.pageCount },
      });
      return meta;
    });
  } finally {
    await fs.rm(received.tempPath, { force: true });
  }
}

function acceptedOrThrow(verdict: Sniffed, maxPages: number): Extract<Sniffed, { ok: true }> {
  if (!verdict.ok) throw PROBLEM_STATUS[verdict.code](verdict.code, verdict.message);
  if (verdict.pageCount > maxPages) {
    throw validationFailed('FILE_TOO_MANY_PAGES', `Tệp có ${verdict.pageCount} trang, vượt quá ${maxPages} trang cho phép. Hãy chia thành nhiều tệp.`);
  }
  return verdict;
}

/** A file's facts, or null when there is none (other capabilities check their own permission). */
export async function fileMeta(ctx: ServiceContext, id: number): Promise<FileMeta | null> {
  return (await ctx.db.selectFrom('files').select(columns).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** A file's facts and a stream of its bytes (other capabilities check their own permission). */
export async function openFile(ctx: FilesContext, id: number): Promise<{ meta: FileMeta; stream: Readable } | null> {
  const row = await ctx.db.selectFrom('files').select([...columns, 'storage_key']).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const { storage_key: key, ...meta } = row;
  return { meta, stream: await ctx.files.store.open(key) };
}

/** Whether the actor uploaded the file (any upload of the same bytes counts). */
export async function isUploader(ctx: ServiceContext, actor: Pick<Actor, 'userId'>, fileId: number): Promise<boolean> {
  const row = await ctx.db.selectFrom('file_uploads').select('file_id').where('file_id', '=', fileId).where('user_id', '=', actor.userId).executeTakeFirst();
  return row !== undefined;
}

const fileNotFound = (id: number) => notFound('FILE_NOT_FOUND', `Không tìm thấy tệp số ${id}.`);

/** The file's facts when the actor may read it; 404 otherwise (the same as a file that does not exist). */
async function readableMeta(ctx: FilesContext, id: number): Promise<FileMeta> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  const meta = await fileMeta(ctx, id);
  if (!meta) throw fileNotFound(id);
  const withActor = { ...ctx, actor };
  let allowed = await isUploader(ctx, actor, id);
  for (const reader of ctx.files.readers) {
    if (allowed) break;
    allowed = await reader(withActor, id);
  }
  if (!allowed) throw fileNotFound(id);
  return meta;
}

async function bytesOf(ctx: FilesContext, id: number): Promise<Uint8Array> {
  const opened = await openFile(ctx, id);
  if (!opened) throw fileNotFound(id);
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * POST /api/v1/files/compose: the scan of one paper as one PDF — the pages (files the actor may
 * read: their own uploads) in the clerk's order, each turned by its rotation — stored like an upload.
 */
export async function composeFile(ctx: FilesContext, pages: readonly { readonly fileId: number; readonly rotation: Rotation }[]): Promise<FileMeta> {
  assertMayUpload(ctx.actor);
  const parts = [];
  let pageCount = 0;
  for (const page of pages) {
    const meta = await readableMeta(ctx, page.fileId);
    pageCount += meta.pageCount;
    if (pageCount > ctx.files.maxPages) throw validationFailed('FILE_TOO_MANY_PAGES', `Bản ghép vượt quá ${ctx.files.maxPages} trang cho phép. Hãy chia thành nhiều tệp.`);
    parts.push({ mediaType: meta.mediaType, rotation: page.rotation, bytes: await bytesOf(ctx, page.fileId) });
  }
  return storeFile(ctx, { buffer: await composePdf(parts), fileName: 'ban-quet.pdf' });
}

/**
 * GET /api/v1/files/{id}: the file for its uploader, for staff who may read a dossier (or
 * shipment) that names it, for the citizen whose dossier or store holds it. Anyone else: 404, the
 * same as a file that does not exist.
 */
export async function downloadFile(ctx: FilesContext, id: number): Promise<{ meta: FileMeta; stream: Readable; fileName: string }> {
  const meta = await readableMeta(ctx, id);
  const opened = await openFile(ctx, id);
  if (!opened) throw fileNotFound(id);
  return { ...opened, fileName: downloadName(id, meta.mediaType) };
}
