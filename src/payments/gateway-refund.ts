// Refunds through the gateway (the adapter's second half): the simulator's ledger, or the real
// gateway's refund API — a JSON POST whose `vnp_SecureHash` is the HMAC-SHA512 of its fields
// joined by '|' in the order the pattern fixes (VNPay's merchant_webapi, version 2.1.0).
import { randomUUID } from 'node:crypto';
import type { PaymentSettings } from '../platform/config';
import type { Database } from '../platform/db/connect';
import { gatewayTime, hmacSha512 } from './gateway-signing';
import { simulatedRefund } from './gateway-simulator';

export interface RefundRequest {
  readonly txnRef: string;
  readonly transactionNo: string;
  readonly amountVnd: number;
  readonly at: Date;
  /** who asked (vnp_CreateBy) */
  readonly by: string;
}

/** The gateway's response code: '00' refunded. */
export interface GatewayRefunds {
  refund(r: RefundRequest): Promise<string>;
}

/** The refund body of the pattern, signed. Pure. */
export function refundBody(settings: Pick<PaymentSettings, 'merchantCode' | 'secret'>, r: RefundRequest, requestId: string): Record<string, string> {
  const f = {
    vnp_RequestId: requestId, vnp_Version: '2.1.0', vnp_Command: 'refund', vnp_TmnCode: settings.merchantCode, vnp_TransactionType: '03',
    vnp_TxnRef: r.txnRef, vnp_Amount: String(r.amountVnd * 100), vnp_TransactionNo: r.transactionNo, vnp_TransactionDate: gatewayTime(r.at),
    vnp_CreateBy: r.by, vnp_CreateDate: gatewayTime(r.at), vnp_IpAddr: '127.0.0.1', vnp_OrderInfo: `Hoan tien ${r.txnRef}`,
  };
  const text = [f.vnp_RequestId, f.vnp_Version, f.vnp_Command, f.vnp_TmnCode, f.vnp_TransactionType, f.vnp_TxnRef, f.vnp_Amount, f.vnp_TransactionNo,
    f.vnp_TransactionDate, f.vnp_CreateBy, f.vnp_CreateDate, f.vnp_IpAddr, f.vnp_OrderInfo].join('|');
  return { ...f, vnp_SecureHash: hmacSha512(settings.secret, text) };
}

export function gatewayRefundsOf(db: Database, settings: PaymentSettings): GatewayRefunds {
  const gateway = settings.gateway;
  if (gateway.kind === 'simulator') return { refund: (r) => simulatedRefund(db, r.transactionNo, r.amountVnd) };
  return {
    async refund(r) {
      const res = await fetch(gateway.refundUrl, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(refundBody(settings, r, randomUUID().replace(/-/g, ''))),
        signal: AbortSignal.timeout(15_000),
      });
      const answer = (await res.json().catch(() => ({}))) as { vnp_ResponseCode?: string };
      return typeof answer.vnp_ResponseCode === 'string' ? answer.vnp_ResponseCode : '99';
    },
  };
}
