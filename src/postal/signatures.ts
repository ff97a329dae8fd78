// Signatures drawn on the courier's screen (a PNG data URL) with the signer's name and ID-card
// number checked against the person expected (QĐ 45/2016/QĐ-TTg art. 10: the recipient shows the
// CCCD, passport or CMND). Stored with their sha-256 in the postal capability's own table until the
// documents capability's file store takes them.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema';
import { validationFailed } from '../platform/errors';
import { sameName, signaturePng, type SignatureInput } from './model';

export interface StoredSignature {
  readonly id: number;
  readonly name: string;
  readonly personalId: string | null;
  readonly sha256: string;
  readonly signedAt: string;
}

/**
 * 400 unless the image is a PNG and the signer is the expected person: the same name (case and
 * spaces aside) and, when one is expected, the same 12-digit ID number.
 */
export function checkSigner(sig: SignatureInput, expected: { name: string; personalId?: string | null }, path: string): void {
  if (!signaturePng(sig.image)) throw validationFailed('SIGNATURE_INVALID', 'Chữ ký phải là ảnh PNG vẽ trên màn hình.', [{ path: `${path}/image`, message: 'không phải ảnh PNG' }]);
  if (!sameName(sig.name, expected.name)) {
    throw validationFailed('SIGNER_MISMATCH', `Người ký (${sig.name.trim()}) không phải ${expected.name}.`, [{ path: `${path}/name`, message: 'không khớp người nhận' }]);
  }
  if (expected.personalId && sig.personalId !== expected.personalId) {
    throw validationFailed('SIGNER_ID_MISMATCH', 'Số căn cước của người ký không khớp với người nhận.', [{ path: `${path}/personalId`, message: 'không khớp' }]);
  }
}

export async function storeSignature(trx: Transaction<DB>, sig: SignatureInput, at: Date): Promise<StoredSignature> {
  const png = signaturePng(sig.image);
  if (!png) throw validationFailed('SIGNATURE_INVALID', 'Chữ ký phải là ảnh PNG vẽ trên màn hình.');
  const sha256 = createHash('sha256').update(png).digest('hex');
  const row = await trx.insertInto('postal_signatures').values({ sha256, png, signer_name: sig.name.normalize('NFC').trim(), signer_personal_id: sig.personalId ?? null, signed_at: at })
    .returning('id').executeTakeFirstOrThrow();
  return { id: row.id, name: sig.name.normalize('NFC').trim(), personalId: sig.personalId ?? null, sha256, signedAt: at.toISOString() };
}
