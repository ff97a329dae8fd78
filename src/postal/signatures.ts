// Signatures drawn on the courier's screen (a PNG data URL) with the signer's name and ID-card
// number checked against the person expected (QĐ 45/2016/QĐ-TTg art. 10: the recipient shows the
// CCCD, passport or CMND). The PNG is a file of the documents capability's file store (sha-256
// addressed, `storeFile`); `postal_signatures` says who signed it, when, and which file it is
// (migration 0175; rows signed before it are moved by signature-move.ts, their `png` column gone in 0178).
import type { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import { openFile, storeFile, type FileMeta, type FilesDeps } from '../documents/service';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { FileMissingError } from '../platform/files/store';
import { validationFailed } from '../platform/errors';
import { sameName, signaturePng, type SignatureInput } from './model';

/** The postal use cases that take signatures: the documents' file store comes with the context. */
export type SignaturesContext = ServiceContext & { readonly files: FilesDeps };

export interface StoredSignature {
  readonly id: number;
  readonly fileId: number;
  readonly name: string;
  readonly personalId: string | null;
  readonly sha256: string;
  readonly signedAt: string;
}

/** A signature whose image is already in the file store, to be recorded in the use case's transaction. */
export interface KeptSignature {
  readonly input: SignatureInput;
  readonly file: FileMeta;
}

const notPng = (path?: string) => validationFailed('SIGNATURE_INVALID', 'Chữ ký phải là ảnh PNG vẽ trên màn hình.', path ? [{ path: `${path}/image`, message: 'không phải ảnh PNG' }] : []);

/**
 * 400 unless the image is a PNG and the signer is the expected person: the same name (case and
 * spaces aside) and, when one is expected, the same 12-digit ID number.
 */
export function checkSigner(sig: SignatureInput, expected: { name: string; personalId?: string | null }, path: string): void {
  if (!signaturePng(sig.image)) throw notPng(path);
  if (!sameName(sig.name, expected.name)) {
    throw validationFailed('SIGNER_MISMATCH', `Người ký (${sig.name.trim()}) không phải ${expected.name}.`, [{ path: `${path}/name`, message: 'không khớp người nhận' }]);
  }
  if (expected.personalId && sig.personalId !== expected.personalId) {
    throw validationFailed('SIGNER_ID_MISMATCH', 'Số căn cước của người ký không khớp với người nhận.', [{ path: `${path}/personalId`, message: 'không khớp' }]);
  }
}

/**
 * Puts the images in the file store before the use case's transaction (files are content-addressed
 * and written by their own transaction; an image whose use case then fails is held by nothing and
 * goes with the archive job's unattached files).
 */
export async function keepSignatureImages<K extends string>(ctx: SignaturesContext, sigs: Readonly<Record<K, SignatureInput>>): Promise<Record<K, KeptSignature>> {
  const kept = {} as Record<K, KeptSignature>;
  for (const key of Object.keys(sigs) as K[]) {
    const input = sigs[key];
    const png = signaturePng(input.image);
    if (!png) throw notPng(key);
    // no uploader: a signature is read through the postal records it belongs to (views, PDFs), never downloaded by whoever drew it
    kept[key] = { input, file: await storeFile({ ...ctx, actor: null }, { buffer: png, fileName: 'chu-ky.png' }) };
  }
  return kept;
}

/** The signature's row (who, when, which file), in the use case's transaction. */
export async function storeSignature(trx: Transaction<DB>, sig: KeptSignature, at: Date): Promise<StoredSignature> {
  const name = sig.input.name.normalize('NFC').trim();
  const row = await trx.insertInto('postal_signatures')
    .values({ sha256: sig.file.sha256, file_id: sig.file.id, signer_name: name, signer_personal_id: sig.input.personalId ?? null, signed_at: at })
    .returning('id').executeTakeFirstOrThrow();
  return { id: row.id, fileId: sig.file.id, name, personalId: sig.input.personalId ?? null, sha256: sig.file.sha256, signedAt: at.toISOString() };
}

/** A recorded signature's PNG from the file store (a row not yet moved: its bytes kept aside by migration 0178); null when gone. */
export async function signatureImage(ctx: SignaturesContext, signatureId: number): Promise<Uint8Array | null> {
  const row = await ctx.db.selectFrom('postal_signatures').select('file_id').where('id', '=', signatureId).executeTakeFirst();
  if (!row) return null;
  if (row.file_id === null) {
    // recorded before migration 0175 and not moved yet (signature-move.ts): its bytes wait aside
    const legacy = await ctx.db.selectFrom('postal_signature_legacy_png').select('png').where('signature_id', '=', signatureId).executeTakeFirst();
    return legacy ? new Uint8Array(legacy.png) : null;
  }
  try {
    const opened = await openFile(ctx, row.file_id);
    return opened ? await bytesOf(opened.stream) : null;
  } catch (e) {
    if (e instanceof FileMissingError) return null;
    throw e;
  }
}

async function bytesOf(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}
