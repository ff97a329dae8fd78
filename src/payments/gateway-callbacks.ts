// What the gateway tells us about a payment: the server-to-server notification (IPN), which alone
// marks an order paid, and the payer's return, which only shows the outcome. Every call is logged
// in `gateway_notifications` with its verdict — tampered (bad signature, changed amount), replayed
// (an order already settled), unknown — before anything else. Idempotent by transaction reference:
// the order row is locked, so concurrent identical notifications make one payment and one receipt.
// A second order of a subject paid already is a duplicate: refunded automatically (duplicate-refunds.ts).
import type { Transaction } from 'kysely';
import type { Clock } from '../platform/clock';
import type { PaymentSettings } from '../platform/config';
import type { Database } from '../platform/db/connect';
import type { DB } from '../platform/db/schema';
import { recordAudit } from '../platform/audit-log';
import { ipnAnswers, outcomeOf, readResult, verify, type GatewayParams, type GatewayResult, type IpnVerdict } from './gateway-signing';
import type { OrderStatus } from './model';
import type { DossierPaid } from './service';
import { dossierHoldsReceipt, issueReceipt, lockPaymentSubject, type PaymentMethod, type ReceiptItem } from './receipts';

export interface CallbackDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly settings: PaymentSettings;
  /** the dossier paid for moves on in the receipt's transaction (src/app.ts) */
  readonly onDossierPaid?: DossierPaid;
}

/** Why a notification was taken or not (kept with it). */
export type NotificationVerdict = 'accepted' | 'badSignature' | 'wrongMerchant' | 'unknownOrder' | 'replay' | 'amountMismatch' | 'duplicatePayment';

async function log(db: Database | Transaction<DB>, kind: 'ipn' | 'return', params: GatewayParams, verdict: NotificationVerdict, rspCode: string, at: Date): Promise<void> {
  const txnRef = typeof params.vnp_TxnRef === 'string' ? params.vnp_TxnRef.slice(0, 64) : null;
  await db.insertInto('gateway_notifications').values({ kind, txn_ref: txnRef, params: JSON.stringify(params), verdict, rsp_code: rspCode, received_at: at }).execute();
}

/** The card type the gateway reports → the receipt's payment method. */
const methodOf = (r: GatewayResult): PaymentMethod => (r.cardType === 'QRCODE' ? 'qr' : r.cardType === 'ATM' ? 'transfer' : 'card');

const answer = (v: IpnVerdict) => ({ ...ipnAnswers[v] });

/** The IPN: checks, then settles the order (paid → receipt BLDT; cancelled; failed) in one transaction. */
export async function handleIpn(deps: CallbackDeps, params: GatewayParams): Promise<{ RspCode: string; Message: string }> {
  const now = deps.clock.now();
  if (!verify(params, deps.settings.secret)) {
    await log(deps.db, 'ipn', params, 'badSignature', ipnAnswers.invalidSignature.RspCode, now);
    return answer('invalidSignature');
  }
  const r = readResult(params);
  if (r.merchantCode !== deps.settings.merchantCode) {
    await log(deps.db, 'ipn', params, 'wrongMerchant', ipnAnswers.invalidSignature.RspCode, now);
    return answer('invalidSignature');
  }
  return deps.db.transaction().execute(async (trx) => {
    const order = await trx.selectFrom('payment_orders').selectAll().where('txn_ref', '=', r.txnRef).forUpdate().executeTakeFirst();
    if (!order) {
      await log(trx, 'ipn', params, 'unknownOrder', ipnAnswers.orderNotFound.RspCode, now);
      return answer('orderNotFound');
    }
    if (r.currency !== 'VND' || r.amountVnd !== order.amount_vnd) {
      await log(trx, 'ipn', params, 'amountMismatch', ipnAnswers.invalidAmount.RspCode, now);
      return answer('invalidAmount');
    }
    if (order.status !== 'pending') {
      await log(trx, 'ipn', params, 'replay', ipnAnswers.alreadyConfirmed.RspCode, now);
      return answer('alreadyConfirmed');
    }
    const outcome = outcomeOf(r);
    let status: OrderStatus = outcome;
    let receiptId: number | null = null;
    if (outcome === 'paid') {
      await lockPaymentSubject(trx, order.subject_kind, order.subject_id);
      const other = await trx.selectFrom('payment_orders').select('id').where('subject_kind', '=', order.subject_kind)
        .where('subject_id', '=', order.subject_id).where('status', '=', 'paid').executeTakeFirst();
      // paid already (another order, or at a counter): a duplicate — its own receipt (the money came
      // in), refunded in full through the gateway by the job (duplicate-refunds.ts); nothing moves
      if (other || (order.subject_kind === 'dossier' && await dossierHoldsReceipt(trx, order.subject_id))) status = 'duplicate';
      const receipt = await issueReceipt(trx, null, {
        servicePointId: null, payer: order.payer as never, items: order.items as ReceiptItem[], paymentMethod: methodOf(r), place: 'online',
        dossierCode: order.subject_kind === 'dossier' ? order.subject_id : null, shipmentId: order.subject_kind === 'shipment' ? Number(order.subject_id) : null,
        paymentOrderId: order.id, unitPath: order.unit_path, provinceCode: order.province_code,
      }, now);
      receiptId = receipt.id;
      if (status === 'paid' && order.subject_kind === 'dossier') await deps.onDossierPaid?.(trx, { dossierCode: order.subject_id, actor: null, online: true, now });
    }
    if (status === 'duplicate') await trx.insertInto('payment_duplicate_refunds').values({ order_id: order.id, province_code: order.province_code, created_at: now, next_at: now }).execute();
    await trx.updateTable('payment_orders').set({
      status, paid_at: outcome === 'paid' ? now : null, gateway_transaction_no: r.transactionNo.slice(0, 40) || null, bank_code: r.bankCode.slice(0, 20) || null, receipt_id: receiptId,
    }).where('id', '=', order.id).execute();
    await log(trx, 'ipn', params, status === 'duplicate' ? 'duplicatePayment' : 'accepted', ipnAnswers.confirmed.RspCode, now);
    await recordAudit(trx, null, { action: `payments.${status}`, entity: 'payment_order', entityKey: order.id, at: now, payload: { txnRef: order.txn_ref, transactionNo: r.transactionNo, amountVnd: r.amountVnd, receiptId } });
    return answer('confirmed');
  });
}

/** The web page the payer lands on after the gateway. */
export const PAY_RESULT_PAGE = '/thanh-toan/ket-qua';

/** The payer's return: logged and checked; sends the browser to the order's page with the order's state. */
export async function handleReturn(deps: CallbackDeps, params: GatewayParams): Promise<string> {
  const now = deps.clock.now();
  const r = readResult(params);
  if (!verify(params, deps.settings.secret) || r.merchantCode !== deps.settings.merchantCode) {
    await log(deps.db, 'return', params, 'badSignature', ipnAnswers.invalidSignature.RspCode, now);
    return `${PAY_RESULT_PAGE}?status=invalid`;
  }
  const order = await deps.db.selectFrom('payment_orders').select(['txn_ref', 'status', 'amount_vnd', 'return_url']).where('txn_ref', '=', r.txnRef).executeTakeFirst();
  if (!order) {
    await log(deps.db, 'return', params, 'unknownOrder', ipnAnswers.orderNotFound.RspCode, now);
    return `${PAY_RESULT_PAGE}?status=invalid`;
  }
  const amountOk = r.amountVnd === order.amount_vnd;
  await log(deps.db, 'return', params, amountOk ? 'accepted' : 'amountMismatch', amountOk ? ipnAnswers.confirmed.RspCode : ipnAnswers.invalidAmount.RspCode, now);
  const sep = order.return_url.includes('?') ? '&' : '?';
  return `${order.return_url}${sep}order=${encodeURIComponent(order.txn_ref)}`;
}
