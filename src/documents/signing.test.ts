// The signing adapter's simulator: a signature verifies only for the statement it signed, the
// copy never claims a legal signature from the simulator, failures are failures.
import { describe, expect, it } from 'vitest';
import { signatureLine, type SigningRequest } from './signing';
import { signingSimulator } from './signing-simulator';

const request: SigningRequest = {
  copyId: 'K7Q2M9XW4P', originalSha256: 'a'.repeat(64), certifiedAt: '2026-03-10T02:30:00.000Z',
  agencyName: 'Ủy ban nhân dân xã Mỹ An', signerName: 'Phạm Quốc Bảo',
};

describe('signing simulator', () => {
  it('signs the certification statement; the signature verifies for it and for nothing else', async () => {
    const signer = signingSimulator({ now: () => new Date('2026-03-10T02:30:01Z') });
    const s = await signer.sign(request);
    expect(s).toMatchObject({ provider: 'Trình mô phỏng ký số motcua', legal: false, algorithm: 'Ed25519', signedAt: '2026-03-10T02:30:01.000Z' });
    expect(await signer.verify(request, s)).toBe(true);
    expect(await signer.verify({ ...request, originalSha256: 'b'.repeat(64) }, s)).toBe(false);
    expect(await signer.verify({ ...request, signerName: 'Người khác' }, s)).toBe(false);
    expect(await signingSimulator().verify(request, s)).toBe(false); // another key
    expect(await signer.verify(request, { ...s, value: 'AAAA' })).toBe(false);
  });

  it('fails when told to, then signs again', async () => {
    const signer = signingSimulator();
    signer.failNext(2);
    await expect(signer.sign(request)).rejects.toThrow(/unavailable/);
    await expect(signer.sign(request)).rejects.toThrow(/unavailable/);
    await expect(signer.sign(request)).resolves.toMatchObject({ legal: false });
  });
});

describe('what a copy says about its signature', () => {
  it('no signing service: says so, and points to the QR and the hash', () => {
    expect(signatureLine(null)).toMatch(/không có \(hệ thống chưa cấu hình dịch vụ ký số\)/);
  });
  it('the simulator: never of legal value', () => {
    expect(signatureLine({ provider: 'Trình mô phỏng ký số motcua', legal: false })).toMatch(/KHÔNG có giá trị pháp lý/);
  });
  it('a legal provider: signed', () => {
    expect(signatureLine({ provider: 'VNPT SmartCA', legal: true })).toBe('Chữ ký số: đã ký số bởi VNPT SmartCA.');
  });
});
