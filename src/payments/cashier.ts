// The cashier's use cases at a counter: the cash drawer per shift (open with the opening cash,
// close with the cash counted: the difference from the expected cash — opening + cash receipts −
// cash refunds of the shift — is recorded with a note), a payment taken for a dossier (cash or
// card, a numbered receipt of the point's series), and refunds (cash from the drawer, or back
// through the gateway for an online payment).
import type { Transaction } from 'kysely';
import { assertCan } from '../accounts/policy';
import { servicePointPlace } from '../directory/references';
import type { Actor } from '../platform/actor';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import type { DB } from '../platform/db/schema';
import { conflict, forbidden, notFound, validationFailed } from '../platform/errors';
import type { GatewayRefunds } from './gateway-refund';
import { issueReceipt, lockPaymentSubject, receiptProblems, type Receipt, type ReceiptItem } from './receipts';
import { feesDue, paymentStateOf, type PaymentsContext } from './service';
import { receiptScope } from './receipt-scope';

type Clerk = Actor & { scope: { kind: 'servicePoint'; servicePointId: number; unitPath: string } };

function clerkOf(ctx: ServiceContext, permission: 'payments.collect' | 'payments.refund'): Clerk {
  assertCan(ctx.actor, permission);
  if (ctx.actor.scope.kind !== 'servicePoint') throw forbidden('NOT_AT_A_SERVICE_POINT', 'Chỉ nhân viên tại một điểm phục vụ được thu tiền.');
  return ctx.actor as Clerk;
}

export interface Shift {
  readonly id: number;
  readonly clerkName: string;
  readonly openedAt: string;
  readonly openingCashVnd: number;
  readonly cashInVnd: number;
  readonly cashOutVnd: number;
  readonly expectedCashVnd: number;
  readonly closedAt: string | null;
  readonly countedCashVnd: number | null;
  readonly differenceVnd: number | null;
  readonly note: string | null;
}

const openShiftOf = (db: ServiceContext['db'] | Transaction<DB>, clerkId: number) =>
  db.selectFrom('cash_shifts').selectAll().where('clerk_id', '=', clerkId).where('closed_at', 'is', null).executeTakeFirst();

/** The cash a shift's receipts brought in and its refunds paid out. */
async function cashOf(db: ServiceContext['db'] | Transaction<DB>, shiftId: number): Promise<{ cashIn: number; cashOut: number }> {
  const cashIn = await db.selectFrom('receipts').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_vnd'), eb.lit(0)).as('s'))
    .where('shift_id', '=', shiftId).where('payment_method', '=', 'cash').executeTakeFirstOrThrow();
  const cashOut = await db.selectFrom('receipt_refunds').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_vnd'), eb.lit(0)).as('s'))
    .where('shift_id', '=', shiftId).where('method', '=', 'cash').executeTakeFirstOrThrow();
  return { cashIn: Number(cashIn.s), cashOut: Number(cashOut.s) };
}

type ShiftRow = Awaited<ReturnType<typeof openShiftOf>> & object;
export async function shiftView(db: ServiceContext['db'] | Transaction<DB>, r: ShiftRow): Promise<Shift> {
  const { cashIn, cashOut } = await cashOf(db, r.id);
  return {
    id: r.id, clerkName: r.clerk_name, openedAt: r.opened_at.toISOString(), openingCashVnd: r.opening_cash_vnd, cashInVnd: cashIn, cashOutVnd: cashOut,
    expectedCashVnd: r.expected_cash_vnd ?? r.opening_cash_vnd + cashIn - cashOut, closedAt: r.closed_at?.toISOString() ?? null,
    countedCashVnd: r.counted_cash_vnd, differenceVnd: r.difference_vnd, note: r.note,
  };
}

const wholeVnd = (n: number, path: string) => {
  if (!Number.isSafeInteger(n) || n < 0 || n > 10_000_000_000) throw validationFailed('AMOUNT_INVALID', 'Số tiền phải là số nguyên đồng, không âm.', [{ path, message: 'không hợp lệ' }]);
};

/** Opens the clerk's shift with the cash in the drawer; one open shift per clerk (409 SHIFT_ALREADY_OPEN). */
export async function openShift(ctx: ServiceContext, input: { openingCashVnd: number }): Promise<Shift> {
  const clerk = clerkOf(ctx, 'payments.collect');
  wholeVnd(input.openingCashVnd, 'openingCashVnd');
  const now = ctx.clock.now();
  const place = await servicePointPlace(ctx.db, clerk.scope.servicePointId);
  if (!place) throw validationFailed('SERVICE_POINT_NOT_RECEIVING', 'Điểm phục vụ của bạn không còn hoạt động.');
  return ctx.db.transaction().execute(async (trx) => {
    if (await openShiftOf(trx, clerk.userId)) throw conflict('SHIFT_ALREADY_OPEN', 'Bạn đang có một ca thu tiền chưa đóng.');
    const row = await trx.insertInto('cash_shifts').values({
      service_point_id: place.id, province_code: place.provinceCode, unit_path: place.unitPath, clerk_id: clerk.userId, clerk_name: clerk.fullName, opened_at: now, opening_cash_vnd: input.openingCashVnd,
    }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, clerk, { action: 'payments.shiftOpen', entity: 'cash_shift', entityKey: row.id, at: now, payload: { openingCashVnd: input.openingCashVnd } });
    return shiftView(trx, row);
  });
}

/** The clerk's open shift, or null. */
export async function currentShift(ctx: ServiceContext): Promise<Shift | null> {
  const clerk = clerkOf(ctx, 'payments.collect');
  const row = await openShiftOf(ctx.db, clerk.userId);
  return row ? shiftView(ctx.db, row) : null;
}

/** Closes the shift with the cash counted; a difference needs a note (400 NOTE_REQUIRED). */
export async function closeShift(ctx: ServiceContext, input: { countedCashVnd: number; note?: string }): Promise<Shift> {
  const clerk = clerkOf(ctx, 'payments.collect');
  wholeVnd(input.countedCashVnd, 'countedCashVnd');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const open = await trx.selectFrom('cash_shifts').selectAll().where('clerk_id', '=', clerk.userId).where('closed_at', 'is', null).forUpdate().executeTakeFirst();
    if (!open) throw conflict('NO_OPEN_SHIFT', 'Bạn chưa mở ca thu tiền.');
    const { cashIn, cashOut } = await cashOf(trx, open.id);
    const expected = open.opening_cash_vnd + cashIn - cashOut;
    const difference = input.countedCashVnd - expected;
    const note = input.note?.trim() || null;
    if (difference !== 0 && !note) throw validationFailed('NOTE_REQUIRED', `Tiền đếm được chênh ${difference.toLocaleString('vi-VN')} đồng so với sổ: cần ghi lý do.`, [{ path: 'note', message: 'cần ghi lý do chênh lệch' }]);
    const row = await trx.updateTable('cash_shifts').set({ closed_at: now, expected_cash_vnd: expected, counted_cash_vnd: input.countedCashVnd, difference_vnd: difference, note })
      .where('id', '=', open.id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, clerk, { action: 'payments.shiftClose', entity: 'cash_shift', entityKey: open.id, at: now, payload: { expectedCashVnd: expected, countedCashVnd: input.countedCashVnd, differenceVnd: difference } });
    return shiftView(trx, row);
  });
}

export interface CounterPaymentInput {
  readonly dossierCode: string;
  readonly paymentMethod: 'cash' | 'card';
  /** absent: the fees of the dossier's procedure case at the counter */
  readonly items?: readonly ReceiptItem[];
}

/** A payment for a dossier at the counter: a numbered receipt of the point's series (cash needs an open shift); never twice. */
export async function takeCounterPayment(ctx: PaymentsContext, input: CounterPaymentInput): Promise<Receipt> {
  const clerk = clerkOf(ctx, 'payments.collect');
  const resolver = ctx.payments.subjects.dossier;
  const info = resolver ? await resolver(ctx, input.dossierCode) : null;
  if (!info) throw notFound('DOSSIER_NOT_FOUND', `Không tìm thấy hồ sơ ${input.dossierCode.slice(0, 60)}.`);
  let items = [...(input.items ?? [])];
  if (items.length === 0 && info.procedureCode) {
    items = (await feesDue(ctx, { procedureCode: info.procedureCode, caseKey: info.caseKey, channel: 'counter' })).items.map((i) => ({ kind: 'fee', label: i.label, amountVnd: i.amountVnd }));
  }
  if (items.length === 0) throw conflict('NOTHING_TO_PAY', 'Hồ sơ này không có khoản phí, lệ phí nào phải nộp.');
  const problems = receiptProblems(items);
  if (problems.length > 0) throw validationFailed('RECEIPT_INVALID', problems[0]?.message ?? 'Khoản thu không hợp lệ.', problems);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const shift = await openShiftOf(trx, clerk.userId);
    if (input.paymentMethod === 'cash' && !shift) throw conflict('NO_OPEN_SHIFT', 'Mở ca thu tiền trước khi thu tiền mặt.');
    // a payment of the same dossier at the same time (the gateway, another counter) is seen here
    await lockPaymentSubject(trx, 'dossier', input.dossierCode);
    const state = await paymentStateOf({ ...ctx, db: trx }, { kind: 'dossier', id: input.dossierCode });
    if (state.paidVnd > 0 && state.paid) throw conflict('ALREADY_PAID', 'Hồ sơ này đã được thanh toán; không thu lần thứ hai.');
    const receipt = await issueReceipt(trx, clerk, {
      servicePointId: clerk.scope.servicePointId, payer: info.payer, items, paymentMethod: input.paymentMethod, place: 'counter',
      dossierCode: input.dossierCode, shiftId: shift?.id ?? null,
    }, now);
    await ctx.payments.onDossierPaid?.(trx, { dossierCode: input.dossierCode, actor: clerk, online: false, now });
    await recordAudit(trx, clerk, { action: 'payments.counter', entity: 'receipt', entityKey: receipt.id, at: now, payload: { number: receipt.number, dossierCode: input.dossierCode, amountVnd: receipt.amountVnd, method: input.paymentMethod } });
    return receipt;
  });
}

/** How a refund goes back: the way the money came (cash from the drawer, to the card or account), or through the gateway. */
export const refundMethods = ['cash', 'card', 'transfer', 'qr', 'gateway'] as const;
export type RefundMethod = (typeof refundMethods)[number];

export interface Refund {
  readonly id: number;
  readonly receiptNumber: string;
  readonly amountVnd: number;
  readonly reason: string;
  readonly method: RefundMethod;
  readonly refundedByName: string;
  readonly at: string;
}

/**
 * Refunds (part of) a receipt with a reason: an online receipt back through the gateway (its
 * answer must be '00'), a receipt paid at a counter or the door in cash from the clerk's open shift.
 * Never more than what is left of the receipt (409 REFUND_TOO_LARGE).
 */
export async function refundReceipt(ctx: PaymentsContext & { readonly refunds: GatewayRefunds }, receiptId: number, input: { amountVnd?: number; reason: string }): Promise<Refund> {
  // a clerk refunds what their point collected; the provincial office (unit scope) refunds online payments
  assertCan(ctx.actor, 'payments.refund');
  const clerk = ctx.actor;
  const reason = input.reason.trim();
  if (reason.length < 5) throw validationFailed('REASON_REQUIRED', 'Cần ghi lý do hoàn tiền.', [{ path: 'reason', message: 'cần ghi lý do' }]);
  const where = receiptScope(clerk);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('receipts as r').selectAll().where('r.id', '=', receiptId).where(where).forUpdate().executeTakeFirst();
    if (!r) throw notFound('RECEIPT_NOT_FOUND', `Không tìm thấy biên lai ${receiptId}.`);
    const done = await trx.selectFrom('receipt_refunds').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_vnd'), eb.lit(0)).as('s')).where('receipt_id', '=', r.id).executeTakeFirstOrThrow();
    const left = r.amount_vnd - Number(done.s);
    if (left <= 0) throw conflict('ALREADY_REFUNDED', 'Biên lai này đã được hoàn đủ.');
    const amount = input.amountVnd ?? left;
    if (!Number.isSafeInteger(amount) || amount <= 0) throw validationFailed('AMOUNT_INVALID', 'Số tiền hoàn phải là số nguyên đồng lớn hơn 0.', [{ path: 'amountVnd', message: 'không hợp lệ' }]);
    if (amount > left) throw conflict('REFUND_TOO_LARGE', `Biên lai chỉ còn ${left.toLocaleString('vi-VN')} đồng có thể hoàn.`);
    const number = `${r.series}-${r.year}-${String(r.number).padStart(6, '0')}`;
    let gatewayResponse: string | null = null;
    let shiftId: number | null = null;
    if (r.place === 'online') {
      const order = r.payment_order_id === null ? undefined : await trx.selectFrom('payment_orders').select(['id', 'gateway_transaction_no', 'txn_ref']).where('id', '=', r.payment_order_id).executeTakeFirst();
      if (!order?.gateway_transaction_no) throw conflict('GATEWAY_TRANSACTION_UNKNOWN', 'Không có mã giao dịch của cổng thanh toán để hoàn tiền.');
      gatewayResponse = await ctx.refunds.refund({ txnRef: order.txn_ref, transactionNo: order.gateway_transaction_no, amountVnd: amount, at: now, by: clerk.username });
      await trx.insertInto('gateway_notifications').values({ kind: 'refund', txn_ref: order.txn_ref, params: JSON.stringify({ amountVnd: String(amount) }), verdict: gatewayResponse === '00' ? 'accepted' : 'refused', rsp_code: gatewayResponse, received_at: now }).execute();
      if (gatewayResponse !== '00') throw conflict('GATEWAY_REFUND_REFUSED', `Cổng thanh toán từ chối hoàn tiền (mã ${gatewayResponse}).`);
      if (amount === left) await trx.updateTable('payment_orders').set({ status: 'refunded' }).where('id', '=', order.id).execute();
    } else if (r.payment_method === 'cash') {
      const shift = await openShiftOf(trx, clerk.userId);
      if (!shift) throw conflict('NO_OPEN_SHIFT', 'Mở ca thu tiền trước khi hoàn tiền mặt.');
      shiftId = shift.id;
    }
    // back the way it came: a card payment is refunded to the card, never counted out of the drawer
    const method: RefundMethod = r.place === 'online' ? 'gateway' : r.payment_method;
    const row = await trx.insertInto('receipt_refunds').values({
      receipt_id: r.id, province_code: r.province_code, amount_vnd: amount, reason, method, refunded_by: clerk.userId, refunded_by_name: clerk.fullName, gateway_response: gatewayResponse, shift_id: shiftId, at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, clerk, { action: 'payments.refund', entity: 'receipt', entityKey: r.id, at: now, payload: { number, amountVnd: amount, reason, method } });
    return { id: row.id, receiptNumber: number, amountVnd: amount, reason, method, refundedByName: clerk.fullName, at: now.toISOString() };
  });
}
