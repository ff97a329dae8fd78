// The local payment-gateway simulator (default in the demo and in tests; never with a real
// gateway configured): it plays the bank's side of the pattern. Its page shows the signed order
// and lets the tester pay, cancel or fail; it then keeps the transaction in its own ledger
// (`gateway_simulator_transactions`), sends the signed IPN to the server and sends the browser to
// the signed return URL. It also answers refunds and writes the day's settlement file (CSV).
import { randomInt } from 'node:crypto';
import type { Clock } from '../platform/clock';
import type { PaymentSettings } from '../platform/config';
import type { Database } from '../platform/db/connect';
import { vnDateOfInstant, vnMidnightOf } from '../shared/civil-date';
import { gatewayTime, readResult, sign, toQuery, verify, type GatewayParams } from './gateway-signing';
import { vndText } from '../shared/fee-terms';

export interface SimulatorDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly settings: PaymentSettings;
  /** Sends the IPN (a GET of the IPN URL with the signed query) to the merchant's server; the answer's RspCode. */
  readonly deliverIpn: (query: string) => Promise<string>;
}

export const simulatorChoices = ['pay', 'cancel', 'fail'] as const;
export type SimulatorChoice = (typeof simulatorChoices)[number];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c] ?? c));

/** The page of the simulator for a signed pay request; null when the request's signature does not hold. */
export function simulatorPage(settings: PaymentSettings, params: GatewayParams): { status: number; html: string } {
  const ok = verify(params, settings.secret) && params.vnp_TmnCode === settings.merchantCode && params.vnp_Command === 'pay';
  const amount = readResult(params).amountVnd;
  const body = !ok || !Number.isFinite(amount)
    ? '<h1>Yêu cầu thanh toán không hợp lệ</h1><p>Chữ ký của yêu cầu không đúng. Không có khoản tiền nào bị trừ.</p>'
    : `<h1>Cổng thanh toán (mô phỏng)</h1>
<p>Đơn vị nhận tiền: <b>${escapeHtml(params.vnp_TmnCode ?? '')}</b></p>
<p>Mã giao dịch: <b id="txn">${escapeHtml(params.vnp_TxnRef ?? '')}</b></p>
<p>Nội dung: ${escapeHtml(params.vnp_OrderInfo ?? '')}</p>
<p class="amount">Số tiền: <b id="amount">${vndText(amount)}</b></p>
<form method="get" action="complete">
<input type="hidden" name="q" value="${escapeHtml(toQuery(params))}">
<button name="choice" value="pay" class="pay">Thanh toán</button>
<button name="choice" value="cancel">Hủy giao dịch</button>
<button name="choice" value="fail">Giả lập lỗi ngân hàng</button>
</form>
<p class="note">Đây là cổng mô phỏng chạy trên máy này: không có tiền thật nào được chuyển.</p>`;
  return {
    status: ok ? 200 : 400,
    html: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Cổng thanh toán mô phỏng</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.3rem}
.amount{font-size:1.2rem}button{display:block;width:100%;min-height:48px;margin:.5rem 0;font-size:1rem;border-radius:8px;border:1px solid #555;background:#fff}
button.pay{background:#0b5cad;color:#fff;border-color:#0b5cad}.note{color:#555;font-size:.9rem}</style></head><body>${body}</body></html>`,
  };
}

const RESPONSE = { pay: { code: '00', status: '00' }, cancel: { code: '24', status: '02' }, fail: { code: '51', status: '02' } } as const satisfies Record<SimulatorChoice, { code: string; status: string }>;

/**
 * The tester's choice on the page: the transaction in the simulator's ledger, the IPN to the
 * server, and the signed return URL the browser is sent to. null: the request is not one we signed.
 */
export async function completeSimulatedPayment(deps: SimulatorDeps, query: string, choice: SimulatorChoice): Promise<string | null> {
  const params = Object.fromEntries(new URLSearchParams(query)) as Record<string, string>;
  if (!verify(params, deps.settings.secret) || params.vnp_TmnCode !== deps.settings.merchantCode) return null;
  const now = deps.clock.now();
  const request = readResult(params);
  if (!Number.isFinite(request.amountVnd) || !params.vnp_ReturnUrl) return null;
  const transactionNo = String(randomInt(10_000_000, 99_999_999));
  const answer = RESPONSE[choice];
  await deps.db.insertInto('gateway_simulator_transactions').values({
    txn_ref: request.txnRef, transaction_no: transactionNo, amount_vnd: request.amountVnd, outcome: choice === 'pay' ? 'paid' : choice === 'cancel' ? 'cancelled' : 'failed',
    bank_code: 'NCB', at: now,
  }).execute();
  const result = sign({
    vnp_TmnCode: deps.settings.merchantCode, vnp_Amount: params.vnp_Amount ?? '', vnp_BankCode: 'NCB', vnp_BankTranNo: `VNP${transactionNo}`,
    vnp_CardType: 'ATM', vnp_OrderInfo: params.vnp_OrderInfo ?? '', vnp_PayDate: gatewayTime(now), vnp_ResponseCode: answer.code,
    vnp_TransactionNo: transactionNo, vnp_TransactionStatus: answer.status, vnp_TxnRef: request.txnRef,
  }, deps.settings.secret);
  const signed = toQuery(result);
  // the gateway calls the merchant first, then sends the payer back
  await deps.deliverIpn(signed).catch(() => '99');
  return `${params.vnp_ReturnUrl}?${signed}`;
}

/** The settlement file of a day (Vietnam time) as the gateway's merchant portal gives it: paid transactions and refunds. */
export async function settlementCsv(db: Database, day: string): Promise<string> {
  const start = vnMidnightOf(day);
  if (!Number.isFinite(start)) return '';
  const rows = await db.selectFrom('gateway_simulator_transactions').selectAll().where('at', '>=', new Date(start)).where('at', '<', new Date(start + 86_400_000))
    .where((eb) => eb.or([eb('outcome', '=', 'paid'), eb('refunded_vnd', '>', 0)])).orderBy('id').execute();
  const lines = ['ngay,ma_giao_dich_merchant,ma_giao_dich_cong,so_tien,loai'];
  for (const r of rows) {
    if (r.outcome === 'paid') lines.push(`${day},${r.txn_ref},${r.transaction_no},${r.amount_vnd},payment`);
    if (r.refunded_vnd > 0) lines.push(`${day},${r.txn_ref},${r.transaction_no},${r.refunded_vnd},refund`);
  }
  return `${lines.join('\n')}\n`;
}

/** A refund asked of the simulated gateway: '00' when the transaction was paid and the amount is still refundable. */
export async function simulatedRefund(db: Database, transactionNo: string, amountVnd: number): Promise<string> {
  const row = await db.updateTable('gateway_simulator_transactions').set((eb) => ({ refunded_vnd: eb('refunded_vnd', '+', amountVnd) }))
    .where('transaction_no', '=', transactionNo).where('outcome', '=', 'paid').where((eb) => eb(eb('refunded_vnd', '+', amountVnd), '<=', eb.ref('amount_vnd')))
    .returning('id').executeTakeFirst();
  return row ? '00' : '94';
}

export const todayInVietnam = (clock: Clock): string => vnDateOfInstant(clock.now().getTime());
