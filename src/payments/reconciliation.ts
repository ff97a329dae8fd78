// The provincial office's reconciliation of online payments: the gateway's settlement file of a day
// imported (idempotent per day, transaction and kind), then what we recorded against it and
// against the dossiers — every mismatch flagged (reconcile-rules.ts).
import { assertCan } from '../accounts/policy';
import { recordAudit } from '../platform/audit-log';
import type { ServiceContext } from '../platform/context';
import { validationFailed } from '../platform/errors';
import { parsePeriod } from '../platform/period';
import { formatReceiptNumber } from './receipts';
import { readSettlementCsv, reconcile, type PaidOrder, type Reconciliation } from './reconcile-rules';

/** Imports a day's settlement file; lines already imported are kept once. 400 with every bad line, nothing written. */
export async function importSettlement(ctx: ServiceContext, input: { day: string; csv: string }): Promise<{ imported: number; lines: number }> {
  assertCan(ctx.actor, 'payments.reconcile');
  const actor = ctx.actor;
  parsePeriod(input.day, input.day, 1);
  const { lines, problems } = readSettlementCsv(input.csv, input.day);
  if (problems.length > 0) throw validationFailed('SETTLEMENT_INVALID', problems[0]?.message ?? 'Tệp đối soát không hợp lệ.', problems);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const rows = lines.length === 0 ? [] : await trx.insertInto('gateway_settlements')
      .values(lines.map((l) => ({ day: input.day, txn_ref: l.txnRef, transaction_no: l.transactionNo, amount_vnd: l.amountVnd, kind: l.kind, imported_at: now, imported_by: actor.userId })))
      .onConflict((oc) => oc.columns(['day', 'txn_ref', 'kind']).doNothing()).returning('id').execute();
    await recordAudit(trx, actor, { action: 'payments.settlementImport', entity: 'gateway_settlement', entityKey: input.day, at: now, payload: { lines: lines.length, imported: rows.length } });
    return { imported: rows.length, lines: lines.length };
  });
}

/** The reconciliation of a day (Vietnam time): orders made or paid that day against that day's settlement lines. */
export async function reconciliationOf(ctx: ServiceContext, day: string): Promise<Reconciliation & { day: string; settlementImported: boolean }> {
  assertCan(ctx.actor, 'payments.reconcile');
  const period = parsePeriod(day, day, 1);
  const [start, end] = [new Date(period.start), new Date(period.end)];
  const orders = await ctx.db.selectFrom('payment_orders as o').leftJoin('receipts as r', 'r.id', 'o.receipt_id')
    .leftJoin('payment_duplicate_refunds as dr', 'dr.order_id', 'o.id')
    .select(['o.txn_ref', 'o.status', 'o.amount_vnd', 'o.subject_kind', 'o.subject_id', 'r.series', 'r.year', 'r.number',
      'dr.order_id as dup', 'dr.refunded_at', 'dr.given_up_at', 'dr.last_error'])
    .where((eb) => eb.or([eb.and([eb('o.paid_at', '>=', start), eb('o.paid_at', '<', end)]), eb.and([eb('o.created_at', '>=', start), eb('o.created_at', '<', end)])]))
    .orderBy('o.id').execute();
  const settlement = await ctx.db.selectFrom('gateway_settlements').select(['txn_ref', 'transaction_no', 'amount_vnd', 'kind']).where('day', '=', day).orderBy('id').execute();
  const paid: PaidOrder[] = orders.map((o) => ({
    txnRef: o.txn_ref, status: o.status, amountVnd: o.amount_vnd, subjectKind: o.subject_kind, subjectId: o.subject_id,
    receiptNumber: o.series && o.year && o.number ? formatReceiptNumber(o.series, o.year, o.number) : null,
    duplicateRefund: o.dup === null ? null : {
      state: o.refunded_at ? 'refunded' : o.given_up_at ? 'givenUp' : 'pending', at: (o.refunded_at ?? o.given_up_at)?.toISOString() ?? null, error: o.refunded_at ? null : o.last_error,
    },
  }));
  const result = reconcile(paid, settlement.map((s) => ({ txnRef: s.txn_ref, transactionNo: s.transaction_no, amountVnd: s.amount_vnd, kind: s.kind })));
  return { ...result, day, settlementImported: settlement.length > 0 };
}
