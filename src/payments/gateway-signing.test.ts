import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gatewayTime, outcomeOf, payRequestParams, readResult, sign, signedText, toQuery, verify } from './gateway-signing';

const secret = 'bi-mat-cua-don-vi-thu-tien-0123456789';

describe('the gateway signature (HMAC-SHA512 over the sorted query)', () => {
  it('signs the vnp_ parameters sorted by name, spaces as +, without the hash itself', () => {
    const params = { vnp_TxnRef: 'MC01', vnp_Amount: '5000000', vnp_OrderInfo: 'Thanh toan le phi', vnp_SecureHash: 'x', other: 'y' };
    expect(signedText(params)).toBe('vnp_Amount=5000000&vnp_OrderInfo=Thanh+toan+le+phi&vnp_TxnRef=MC01');
    const signed = sign(params, secret);
    expect(signed.vnp_SecureHash).toBe(createHmac('sha512', secret).update('vnp_Amount=5000000&vnp_OrderInfo=Thanh+toan+le+phi&vnp_TxnRef=MC01').digest('hex'));
    expect(verify(signed, secret)).toBe(true);
  });

  it('refuses a changed amount, a wrong secret, a missing or malformed hash', () => {
    const signed = sign({ vnp_TxnRef: 'MC01', vnp_Amount: '5000000', vnp_ResponseCode: '00' }, secret);
    expect(verify({ ...signed, vnp_Amount: '500000' }, secret)).toBe(false);
    expect(verify(signed, `${secret}x`)).toBe(false);
    expect(verify({ ...signed, vnp_SecureHash: '' }, secret)).toBe(false);
    expect(verify({ ...signed, vnp_SecureHash: 'zz' }, secret)).toBe(false);
  });

  it('any change of any signed value breaks the signature (property)', () => {
    fc.assert(fc.property(
      fc.dictionary(fc.stringMatching(/^vnp_[A-Za-z]{1,12}$/), fc.string({ minLength: 1, maxLength: 30 }), { minKeys: 1, maxKeys: 8 }),
      fc.nat(), fc.string({ minLength: 1, maxLength: 5 }),
      (params, pick, extra) => {
        const signed = sign(params, secret);
        expect(verify(signed, secret)).toBe(true);
        const keys = Object.keys(params);
        const key = keys[pick % keys.length] ?? '';
        expect(verify({ ...signed, [key]: `${params[key] ?? ''}${extra}` }, secret)).toBe(false);
      },
    ));
  });

  it('builds the pay redirect: amount ×100, VND, Vietnam-time dates, expiry 15 minutes later', () => {
    const p = payRequestParams({
      merchantCode: 'MOTCUASIM', txnRef: 'MC0A1B2C3D4E5F60', amountVnd: 60_000, orderInfo: 'Thanh toan', returnUrl: 'http://localhost/api/v1/public/payments/return',
      ipAddress: '127.0.0.1', at: new Date('2026-03-02T02:05:09Z'), expiresInMinutes: 15,
    }, secret);
    expect(p).toMatchObject({ vnp_Amount: '6000000', vnp_CurrCode: 'VND', vnp_CreateDate: '20260302090509', vnp_ExpireDate: '20260302092009', vnp_Command: 'pay' });
    expect(verify(Object.fromEntries(new URLSearchParams(toQuery(p))), secret)).toBe(true);
  });

  it('reads the answer: ÷100 to đồng, paid only with 00/00, 24 is a cancel', () => {
    expect(readResult({ vnp_Amount: '6000000' }).amountVnd).toBe(60_000);
    expect(readResult({ vnp_Amount: '6000050' }).amountVnd).toBeNaN();
    expect(readResult({ vnp_Amount: '-100' }).amountVnd).toBeNaN();
    expect(outcomeOf(readResult({ vnp_ResponseCode: '00', vnp_TransactionStatus: '00' }))).toBe('paid');
    expect(outcomeOf(readResult({ vnp_ResponseCode: '00', vnp_TransactionStatus: '02' }))).toBe('failed');
    expect(outcomeOf(readResult({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02' }))).toBe('cancelled');
    expect(gatewayTime(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
  });
});
