// Certified electronic copies (bản sao điện tử, issue 12 §5): the agency makes a copy of a
// dossier's electronic result — a PDF with a visible certification block and a QR code to the
// public verification page — signed remotely when a signing service is configured, never
// claiming a legal signature otherwise; anyone holding the id can verify a file's hash.
import { createHash, randomInt } from 'node:crypto';
import type { Readable } from 'node:stream';
import { can } from '../accounts/policy';
import type { DossierContext } from '../dossiers/events';
import { getDossier, resultFilesOf } from '../dossiers/service';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import { conflict, DomainError, forbidden, notFound, unauthenticated } from '../platform/errors';
import { copyableTypes, renderCertifiedCopy, type CopySource } from './copies-pdf';
import type { FilesContext } from './model';
import { openFile, storeFile } from './service';
import type { RemoteSigner, Signature, SigningRequest } from './signing';

export interface CopyDeps {
  /** the configured remote signing service; null: copies carry no digital signature (and say so) */
  readonly signer: RemoteSigner | null;
  /** the public address of the web app (the QR code and the verification link) */
  readonly publicUrl: string;
}

export interface CertifiedCopy {
  readonly id: string;
  readonly dossierCode: string;
  readonly title: string;
  readonly fileId: number;
  readonly sha256: string;
  readonly originalSha256: string;
  readonly agencyName: string;
  readonly certifiedByName: string;
  readonly certifiedAt: string;
  readonly verifyUrl: string;
  readonly signature: { provider: string; legal: boolean } | null;
}

/** Crockford base32 without I, L, O, U: 12 characters, 60 random bits. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const newCopyId = (): string => Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
export const verifyUrlOf = (publicUrl: string, id: string): string => `${publicUrl.replace(/\/+$/, '')}/xac-minh/${id}`;

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const isCopyable = (t: string): t is CopySource['mediaType'] => (copyableTypes as readonly string[]).includes(t);

/** The agency (`documents.result`, in scope) certifies an electronic copy of one of the dossier's result files. */
export async function certifyCopy(ctx: DossierContext & FilesContext, deps: CopyDeps, code: string, fileId: number): Promise<CertifiedCopy> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  if (!can(actor, 'documents.result')) throw forbidden('FORBIDDEN', 'Chỉ cán bộ, lãnh đạo cơ quan giải quyết được cấp bản sao điện tử.');
  const dossier = await getDossier(ctx, code);
  const result = (await resultFilesOf(ctx.db, dossier.code)).find((r) => r.fileId === fileId);
  const opened = result ? await openFile(ctx, fileId) : null;
  if (!result || !opened) throw notFound('RESULT_FILE_NOT_FOUND', 'Không tìm thấy tệp kết quả này của hồ sơ.');
  const bytes = await bytesOf(opened.stream);
  if (sha256(bytes) !== opened.meta.sha256) throw conflict('FILE_CORRUPT', 'Tệp kết quả lưu trữ không khớp mã băm; không thể cấp bản sao.');
  if (!isCopyable(opened.meta.mediaType)) throw conflict('COPY_TYPE_UNSUPPORTED', 'Chỉ cấp bản sao điện tử từ tệp PDF, JPEG hoặc PNG; hãy ghép bản quét TIFF thành PDF trước.');
  const id = newCopyId();
  const certifiedAt = ctx.clock.now();
  const agencyName = dossier.competentAgency.name;
  const request: SigningRequest = { copyId: id, originalSha256: opened.meta.sha256, certifiedAt: certifiedAt.toISOString(), agencyName, signerName: actor.fullName };
  let signature: Signature | null = null;
  if (deps.signer) {
    try {
      signature = await deps.signer.sign(request);
    } catch {
      throw new DomainError('Conflict', 'SIGNING_UNAVAILABLE', 'Dịch vụ ký số đang không phản hồi; bản sao chưa được cấp, vui lòng thử lại sau.');
    }
  }
  const verifyUrl = verifyUrlOf(deps.publicUrl, id);
  const pdf = await renderCertifiedCopy({ mediaType: opened.meta.mediaType, bytes }, {
    copyId: id, title: result.title, dossierCode: dossier.code, agencyName, certifiedByName: actor.fullName, certifiedAt,
    originalSha256: opened.meta.sha256, verifyUrl, signature,
  });
  const copy = await storeFile(ctx, { buffer: pdf, fileName: `ban-sao-${id}.pdf` });
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('dossiers').select(['id', 'province_code']).where('code', '=', dossier.code).executeTakeFirstOrThrow();
    await trx.insertInto('certified_copies').values({
      id, dossier_id: row.id, province_code: row.province_code, dossier_code: dossier.code, title: result.title, source_file_id: fileId, source_sha256: opened.meta.sha256,
      copy_file_id: copy.id, copy_sha256: copy.sha256, agency_name: agencyName, certified_by: actor.userId, certified_by_name: actor.fullName,
      certified_at: certifiedAt, signature: signature === null ? null : JSON.stringify(signature),
    }).execute();
    await recordAudit(trx, actor, { action: 'copy.certify', entity: 'certified_copy', entityKey: id, at: certifiedAt, payload: { dossierCode: dossier.code, sourceFileId: fileId, copyFileId: copy.id, signed: signature !== null } });
  });
  return {
    id, dossierCode: dossier.code, title: result.title, fileId: copy.id, sha256: copy.sha256, originalSha256: opened.meta.sha256, agencyName,
    certifiedByName: actor.fullName, certifiedAt: certifiedAt.toISOString(), verifyUrl,
    signature: signature === null ? null : { provider: signature.provider, legal: signature.legal },
  };
}

export interface CopyVerification {
  readonly id: string;
  readonly title: string;
  readonly dossierCode: string;
  readonly agencyName: string;
  readonly certifiedByName: string;
  readonly certifiedAt: string;
  readonly originalSha256: string;
  readonly copySha256: string;
  /** the stored copy still has the hash recorded when it was issued */
  readonly storedCopyIntact: boolean;
  readonly signature: { provider: string; legal: boolean; valid: boolean } | null;
}

const NO_COPY = () => notFound('COPY_NOT_FOUND', 'Không tìm thấy bản sao điện tử có mã này. Hãy kiểm tra lại mã trên bản sao.');

/** The public verification of a copy by its id (no sign-in): what was certified, and whether the stored files and the signature still hold. */
export async function verifyCopy(ctx: Omit<FilesContext, 'actor'> & { actor?: null }, signer: RemoteSigner | null, id: string): Promise<CopyVerification> {
  const row = await ctx.db.selectFrom('certified_copies').selectAll().where('id', '=', id.toUpperCase()).executeTakeFirst();
  if (!row) throw NO_COPY();
  const opened = await openFile({ ...ctx, actor: null }, row.copy_file_id);
  const storedCopyIntact = opened !== null && sha256(await bytesOf(opened.stream)) === row.copy_sha256;
  const s = row.signature as unknown as Signature | null;
  let signature: CopyVerification['signature'] = null;
  if (s) {
    const request: SigningRequest = { copyId: row.id, originalSha256: row.source_sha256, certifiedAt: row.certified_at.toISOString(), agencyName: row.agency_name, signerName: row.certified_by_name };
    const valid = signer !== null && signer.provider === s.provider ? await signer.verify(request, s) : false;
    signature = { provider: s.provider, legal: s.legal, valid };
  }
  return {
    id: row.id, title: row.title, dossierCode: row.dossier_code, agencyName: row.agency_name, certifiedByName: row.certified_by_name,
    certifiedAt: row.certified_at.toISOString(), originalSha256: row.source_sha256, copySha256: row.copy_sha256, storedCopyIntact, signature,
  };
}

/** Whether a file (by the SHA-256 the browser computed of it) is this copy, its original, or neither. */
export async function checkCopyHash(ctx: Pick<ServiceContext, 'db'>, id: string, fileSha256: string): Promise<{ matches: 'copy' | 'original' | 'none' }> {
  const row = await ctx.db.selectFrom('certified_copies').select(['copy_sha256', 'source_sha256']).where('id', '=', id.toUpperCase()).executeTakeFirst();
  if (!row) throw NO_COPY();
  const h = fileSha256.toLowerCase();
  return { matches: h === row.copy_sha256 ? 'copy' : h === row.source_sha256 ? 'original' : 'none' };
}
