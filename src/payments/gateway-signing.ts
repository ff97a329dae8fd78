// The common Vietnamese payment-gateway pattern (VNPay's, version 2.1.0): the merchant redirects
// the payer with `vnp_*` query parameters sorted by name, URL-encoded (spaces as '+'), and signed
// with HMAC-SHA512 of that query string under the merchant's secret (`vnp_SecureHash`, hex). The
// gateway answers the same way twice: the payer's browser comes back to the return URL, and the
// gateway calls the merchant's IPN URL server to server; the merchant answers the IPN with
// `{ RspCode, Message }`. Amounts travel ×100 (`vnp_Amount=5000000` is 50.000 đồng), currency VND,
// times as yyyyMMddHHmmss in Vietnam time. Pure (node:crypto only, no clock).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { vnWallClock } from '../shared/civil-date';

export type GatewayParams = Readonly<Record<string, string>>;

const encode = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');

/** The text that is signed: every `vnp_` parameter but the hash ones, sorted by name, as a query string. */
export function signedText(params: GatewayParams): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '')
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k] ?? '')}`)
    .join('&');
}

export const hmacSha512 = (secret: string, text: string): string => createHmac('sha512', secret).update(text, 'utf8').digest('hex');

/** The parameters with their `vnp_SecureHash`. */
export function sign(params: GatewayParams, secret: string): Record<string, string> {
  const clean = Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType'));
  return { ...clean, vnp_SecureHash: hmacSha512(secret, signedText(clean)) };
}

/** Whether `vnp_SecureHash` is the HMAC of the other parameters (compared in constant time). */
export function verify(params: GatewayParams, secret: string): boolean {
  const given = params.vnp_SecureHash ?? '';
  if (!/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const expected = Buffer.from(hmacSha512(secret, signedText(params)), 'hex');
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex'));
}

/** The query string of signed parameters (for a redirect). */
export const toQuery = (params: GatewayParams): string => Object.entries(params).map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');

/** yyyyMMddHHmmss in Vietnam time. */
export function gatewayTime(at: Date): string {
  const c = vnWallClock(at.getTime());
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(c.year, 4)}${p(c.month)}${p(c.day)}${p(c.hour)}${p(c.minute)}${p(c.second)}`;
}

export interface PayRequest {
  readonly merchantCode: string;
  readonly txnRef: string;
  readonly amountVnd: number;
  readonly orderInfo: string;
  readonly returnUrl: string;
  readonly ipAddress: string;
  readonly at: Date;
  /** minutes the payer has to pay */
  readonly expiresInMinutes: number;
}

/** The signed parameters of the redirect that starts a payment. */
export function payRequestParams(r: PayRequest, secret: string): Record<string, string> {
  return sign({
    vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: r.merchantCode, vnp_Amount: String(r.amountVnd * 100), vnp_CurrCode: 'VND',
    vnp_TxnRef: r.txnRef, vnp_OrderInfo: r.orderInfo, vnp_OrderType: 'billpayment', vnp_Locale: 'vn', vnp_ReturnUrl: r.returnUrl,
    vnp_IpAddr: r.ipAddress, vnp_CreateDate: gatewayTime(r.at), vnp_ExpireDate: gatewayTime(new Date(r.at.getTime() + r.expiresInMinutes * 60_000)),
  }, secret);
}

/** What the gateway says happened to a payment (return URL or IPN), once its signature holds. */
export interface GatewayResult {
  readonly merchantCode: string;
  readonly txnRef: string;
  /** in đồng (the parameter ÷ 100); NaN when not a whole number of đồng */
  readonly amountVnd: number;
  readonly currency: string;
  /** '00' paid; '24' cancelled by the payer; anything else failed */
  readonly responseCode: string;
  readonly transactionStatus: string;
  readonly transactionNo: string;
  readonly bankCode: string;
  readonly cardType: string;
  readonly payDate: string;
}

export function readResult(p: GatewayParams): GatewayResult {
  const raw = p.vnp_Amount ?? '';
  const amount = /^\d{1,15}$/.test(raw) && Number(raw) % 100 === 0 ? Number(raw) / 100 : Number.NaN;
  return {
    merchantCode: p.vnp_TmnCode ?? '', txnRef: p.vnp_TxnRef ?? '', amountVnd: amount, currency: p.vnp_CurrCode ?? 'VND',
    responseCode: p.vnp_ResponseCode ?? '', transactionStatus: p.vnp_TransactionStatus ?? '', transactionNo: p.vnp_TransactionNo ?? '',
    bankCode: p.vnp_BankCode ?? '', cardType: p.vnp_CardType ?? '', payDate: p.vnp_PayDate ?? '',
  };
}

export type PaymentOutcome = 'paid' | 'cancelled' | 'failed';

export function outcomeOf(r: GatewayResult): PaymentOutcome {
  if (r.responseCode === '00' && r.transactionStatus === '00') return 'paid';
  return r.responseCode === '24' ? 'cancelled' : 'failed';
}

/** The IPN answers of the pattern. */
export const ipnAnswers = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknown: { RspCode: '99', Message: 'Unknown error' },
} as const;
export type IpnVerdict = keyof typeof ipnAnswers;
