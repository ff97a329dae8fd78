// Remote signing of certified electronic copies (issue 12 §5): the adapter interface a real
// signing service (a licensed remote-signing provider, "ký số từ xa") implements, and the one
// rule of what a copy may claim. Pure types and rules; the local simulator is signing-simulator.ts.

/** What is signed: the certification statement of one copy (its text is `certificationStatement`). */
export interface SigningRequest {
  readonly copyId: string;
  /** SHA-256 (hex) of the original file the copy was made from */
  readonly originalSha256: string;
  /** ISO instant of the certification */
  readonly certifiedAt: string;
  readonly agencyName: string;
  readonly signerName: string;
}

export interface Signature {
  /** who signed: the provider's name (shown on the copy and on the verification page) */
  readonly provider: string;
  /** true only for a provider whose signatures have legal value; the simulator's never do */
  readonly legal: boolean;
  readonly algorithm: string;
  /** base64 */
  readonly value: string;
  /** the signer's certificate or public key (PEM) */
  readonly certificate: string;
  readonly signedAt: string;
}

/** A remote signing service. Calls may fail (network, provider down): the copy is then refused, never issued half-signed. */
export interface RemoteSigner {
  readonly provider: string;
  readonly legal: boolean;
  sign(request: SigningRequest): Promise<Signature>;
  verify(request: SigningRequest, signature: Signature): Promise<boolean>;
}

/** The exact text a signature covers (versioned, so that a later change cannot make an old signature ambiguous). */
export const certificationStatement = (r: SigningRequest): string =>
  ['motcua-certified-copy-v1', r.copyId, r.originalSha256, r.certifiedAt, r.agencyName, r.signerName].join('\n');

/** What the copy's certification block says about a signature (never a legal one unless the provider's are). */
export function signatureLine(signature: Pick<Signature, 'provider' | 'legal'> | null): string {
  if (signature === null) return 'Chữ ký số: không có (hệ thống chưa cấu hình dịch vụ ký số). Tính xác thực của bản sao được kiểm tra bằng mã QR và mã băm SHA-256.';
  if (!signature.legal) return `Chữ ký số: ký mô phỏng bởi "${signature.provider}" để thử nghiệm, KHÔNG có giá trị pháp lý.`;
  return `Chữ ký số: đã ký số bởi ${signature.provider}.`;
}
