// A local simulator of a remote signing service (issue 12 §5): Ed25519 over the certification
// statement, with a key made at start (or given), never claiming legal value. Tests drive its
// failures (`failNext`) to check that a copy is never issued when signing fails.
import { createPublicKey, generateKeyPairSync, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { certificationStatement, type RemoteSigner, type Signature, type SigningRequest } from './signing';

export interface SimulatedSigner extends RemoteSigner {
  /** the next `n` calls to `sign` fail as an unreachable provider would */
  failNext(n?: number): void;
}

export function signingSimulator(options: { provider?: string; privateKey?: KeyObject; now?: () => Date } = {}): SimulatedSigner {
  const privateKey = options.privateKey ?? generateKeyPairSync('ed25519').privateKey;
  const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const provider = options.provider ?? 'Trình mô phỏng ký số motcua';
  const now = options.now ?? (() => new Date());
  let failures = 0;
  return {
    provider,
    legal: false,
    failNext(n = 1) { failures = n; },
    async sign(request: SigningRequest): Promise<Signature> {
      if (failures > 0) {
        failures--;
        throw new Error('signing simulator: provider unavailable');
      }
      const value = edSign(null, Buffer.from(certificationStatement(request), 'utf8'), privateKey).toString('base64');
      return { provider, legal: false, algorithm: 'Ed25519', value, certificate: publicPem, signedAt: now().toISOString() };
    },
    async verify(request: SigningRequest, signature: Signature): Promise<boolean> {
      if (signature.certificate !== publicPem) return false;
      try {
        return edVerify(null, Buffer.from(certificationStatement(request), 'utf8'), createPublicKey(publicPem), Buffer.from(signature.value, 'base64'));
      } catch {
        return false;
      }
    },
  };
}
