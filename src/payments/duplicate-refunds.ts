// Duplicate online payments refunded automatically (issue 15 §4): when the gateway notifies a second
// successful payment of a subject already paid (two transaction references), the IPN keeps it as a
// `duplicate` with its own online receipt (gateway-callbacks.ts); this job sends the whole of it back
// through the gateway adapter's refund — outside any transaction, as every outgoing call (DESIGN §2) —
// and records the refund on the receipt (`receipt_refunds`, by the system) with the gateway's answer.
// The work list is `payment_duplicate_refunds` (migration 0157), one row per duplicate.
// Claimed with a lease (any number of runs at once refund a duplicate once), retried with back-off,
// given up after the last attempt: the reconciliation shows each duplicate with its refund's state.
import { sql } from 'kysely';
import { recordAudit } from '../platform/audit-log';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/connect';
import type { JobDefinition } from '../platform/jobs';
import type { GatewayRefunds } from './gateway-refund';
import { formatReceiptNumber } from './receipts';

export const DUPLICATE_REFUNDS = { batchSize: 20, leaseSeconds: 120, maxAttempts: 8 } as const;

/** The wait before attempt n+1 after n failed: 1, 2, 4 … minutes, at most 6 hours. */
export const duplicateRefundDelaySeconds = (attempt: number): number => Math.min(60 * 2 ** Math.max(0, attempt - 1), 6 * 3600);

export const DUPLICATE_REFUND_REASON = 'Thanh toán trùng: hoàn tiền tự động qua cổng thanh toán';
const SYSTEM_NAME = 'Hệ thống (tự động)';
/** receipt_refunds.refunded_by of a refund the system made (no user has id 0) */
export const SYSTEM_USER_ID = 0;

export interface DuplicateRefundDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly refunds: GatewayRefunds;
}

export interface DuplicateRefundReport { refunded: number; retried: number; gaveUp: number; lost: number }

interface Claimed {
  readonly orderId: number;
  readonly attempts: number;
  readonly txnRef: string;
  readonly transactionNo: string | null;
  readonly receiptId: number | null;
}

/** One statement: the due duplicates, leased (their next attempt moved past the lease); then their orders. */
async function claim(db: Database, now: Date): Promise<Claimed[]> {
  const due = db.selectFrom('payment_duplicate_refunds').select('order_id').where('refund_id', 'is', null).where('given_up_at', 'is', null)
    .where('next_at', '<=', now).orderBy('order_id').limit(DUPLICATE_REFUNDS.batchSize).forUpdate().skipLocked();
  const leased = await db.updateTable('payment_duplicate_refunds')
    .set({ attempts: sql`attempts + 1`, next_at: new Date(now.getTime() + DUPLICATE_REFUNDS.leaseSeconds * 1000) })
    .where('order_id', 'in', due).returning(['order_id', 'attempts']).execute();
  if (leased.length === 0) return [];
  const orders = await db.selectFrom('payment_orders').select(['id', 'txn_ref', 'gateway_transaction_no', 'receipt_id'])
    .where('id', 'in', leased.map((l) => l.order_id)).execute();
  const byId = new Map(orders.map((o) => [o.id, o]));
  return leased.map((l) => {
    const o = byId.get(l.order_id);
    return { orderId: l.order_id, attempts: l.attempts, txnRef: o?.txn_ref ?? '', transactionNo: o?.gateway_transaction_no ?? null, receiptId: o?.receipt_id ?? null };
  });
}

/** What is left to refund of the duplicate's receipt (staff may have refunded part or all of it by hand). */
async function leftOf(db: Database, receiptId: number): Promise<{ left: number; number: string; provinceCode: string } | null> {
  const r = await db.selectFrom('receipts as r').select(['r.amount_vnd', 'r.series', 'r.year', 'r.number', 'r.province_code',
    sql<string>`coalesce((select sum(f.amount_vnd) from receipt_refunds f where f.province_code = r.province_code and f.receipt_id = r.id), 0)`.as('refunded')])
    .where('r.id', '=', receiptId).executeTakeFirst();
  return r ? { left: r.amount_vnd - Number(r.refunded), number: formatReceiptNumber(r.series, r.year, r.number), provinceCode: r.province_code } : null;
}

async function recordRefund(deps: DuplicateRefundDeps, o: Claimed, receiptId: number, amountVnd: number, { number, provinceCode }: { number: string; provinceCode: string }, gatewayResponse: string | null): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('payment_duplicate_refunds').select('refund_id').where('order_id', '=', o.orderId).forUpdate().executeTakeFirstOrThrow();
    if (row.refund_id !== null) return false;
    const refund = amountVnd > 0
      ? await trx.insertInto('receipt_refunds').values({
        receipt_id: receiptId, province_code: provinceCode, amount_vnd: amountVnd, reason: DUPLICATE_REFUND_REASON, method: 'gateway', refunded_by: SYSTEM_USER_ID, refunded_by_name: SYSTEM_NAME,
        gateway_response: gatewayResponse, shift_id: null, at: now,
      }).returning('id').executeTakeFirstOrThrow()
      // refunded by hand already: the latest refund of the receipt is the one
      : await trx.selectFrom('receipt_refunds').select('id').where('receipt_id', '=', receiptId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    await trx.updateTable('payment_duplicate_refunds').set({ refund_id: refund.id, refunded_at: now, last_error: null }).where('order_id', '=', o.orderId).execute();
    // the order reads as refunded, as after a refund by hand (cashier.ts)
    await trx.updateTable('payment_orders').set({ status: 'refunded' }).where('id', '=', o.orderId).where('status', '=', 'duplicate').execute();
    await recordAudit(trx, null, { action: 'payments.duplicateRefund', entity: 'payment_order', entityKey: o.orderId, at: now, provinceCode, payload: { txnRef: o.txnRef, receipt: number, amountVnd, gatewayResponse } });
    return true;
  });
}

/** A failed attempt: tried again after the back-off, or given up after the last — only by the run that holds the lease. */
async function recordFailure(deps: DuplicateRefundDeps, o: Claimed, message: string): Promise<'retried' | 'gaveUp' | 'lost'> {
  const now = deps.clock.now();
  const last = o.attempts >= DUPLICATE_REFUNDS.maxAttempts;
  const updated = await deps.db.updateTable('payment_duplicate_refunds').set({
    last_error: message.slice(0, 500),
    ...(last ? { given_up_at: now } : { next_at: new Date(now.getTime() + duplicateRefundDelaySeconds(o.attempts) * 1000) }),
  }).where('order_id', '=', o.orderId).where('attempts', '=', o.attempts).where('refund_id', 'is', null).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return 'lost';
  return last ? 'gaveUp' : 'retried';
}

async function refundOne(deps: DuplicateRefundDeps, o: Claimed): Promise<keyof DuplicateRefundReport> {
  const receipt = o.receiptId === null ? null : await leftOf(deps.db, o.receiptId);
  if (!receipt || o.receiptId === null) return recordFailure(deps, o, 'Không tìm thấy biên lai của khoản thanh toán trùng.');
  if (receipt.left <= 0) return (await recordRefund(deps, o, o.receiptId, 0, receipt, null)) ? 'refunded' : 'lost';
  if (!o.transactionNo) return recordFailure(deps, o, 'Không có mã giao dịch của cổng thanh toán để hoàn tiền.');
  let answer: string;
  try {
    answer = await deps.refunds.refund({ txnRef: o.txnRef, transactionNo: o.transactionNo, amountVnd: receipt.left, at: deps.clock.now(), by: 'motcua' });
  } catch (e) {
    await logRefund(deps, o, receipt.left, '99');
    return recordFailure(deps, o, `Không gọi được cổng thanh toán: ${(e as Error).message}`);
  }
  await logRefund(deps, o, receipt.left, answer);
  if (answer !== '00') return recordFailure(deps, o, `Cổng thanh toán từ chối hoàn tiền (mã ${answer}).`);
  return (await recordRefund(deps, o, o.receiptId, receipt.left, receipt, answer)) ? 'refunded' : 'lost';
}

/** Each call to the gateway's refund, with its answer, beside the notifications (gateway_notifications, kind refund). */
async function logRefund(deps: DuplicateRefundDeps, o: Claimed, amountVnd: number, answer: string): Promise<void> {
  await deps.db.insertInto('gateway_notifications').values({
    kind: 'refund', txn_ref: o.txnRef, params: JSON.stringify({ amountVnd: String(amountVnd), duplicate: 'true' }), verdict: answer === '00' ? 'accepted' : 'refused',
    rsp_code: answer, received_at: deps.clock.now(),
  }).execute();
}

/** One run: claims and refunds batches of due duplicates until none is left. */
export async function refundDuplicates(deps: DuplicateRefundDeps): Promise<DuplicateRefundReport> {
  const report: DuplicateRefundReport = { refunded: 0, retried: 0, gaveUp: 0, lost: 0 };
  for (;;) {
    const batch = await claim(deps.db, deps.clock.now());
    if (batch.length === 0) return report;
    for (const o of batch) report[await refundOne(deps, o)] += 1;
  }
}

export const DUPLICATE_REFUND_JOB = 'payments.refundDuplicates';

/** The pg-boss job of `motcua serve`: every minute and at start. */
export function duplicateRefundJob(deps: DuplicateRefundDeps): JobDefinition {
  return { name: DUPLICATE_REFUND_JOB, cron: '* * * * *', runAtStart: true, handler: async () => { await refundDuplicates(deps); } };
}
