// Duplicate online payments refunded automatically (issue 15 §4): the payer pays one dossier's fee
// twice at the gateway simulator (two orders, two transaction references) and the two notifications
// arrive at once; one pays the dossier, the other is a duplicate with its own receipt, refunded in
// full through the gateway adapter's refund (the simulator's ledger records it) by the job — once,
// however many runs go at once — recorded on the receipt and shown in the day's reconciliation.
import { describe, expect, it } from 'vitest';
import { receiveDossier } from '../dossiers/service';
import { DUPLICATE_REFUND_REASON, DUPLICATE_REFUNDS, refundDuplicates } from './duplicate-refunds';
import { gatewayRefundsOf, type GatewayRefunds } from './gateway-refund';
import { simulatorPayments as payments, simulatorSettings as settings, usePaymentsApp } from './payments-app.test-helper';
import { paymentStateOf } from './service';

const { t, w, app, as } = usePaymentsApp();

/** A dossier of the world's citizen (the payer), its fee 50.000 đồng. */
async function feeDossier(): Promise<string> {
  await t.db.updateTable('procedures').set({ fees: JSON.stringify([{ name: 'Lệ phí đăng ký', amountVnd: 50_000, note: null }]) }).where('code', '=', w.procedureCode).execute();
  return (await receiveDossier(w.ctx(w.actors.clerk), w.intake())).code;
}

/** An order and the simulator's page for it: what the payer's "Thanh toán" sends (the query `q`). */
async function orderAtSimulator(code: string): Promise<{ orderId: string; q: string }> {
  const res = await as('citizen', 'POST', '/api/v1/payments/orders', { subject: { kind: 'dossier', id: code }, returnUrl: '/thanh-toan/ket-qua' });
  expect(res.statusCode, res.body).toBe(201);
  const o = res.json() as { orderId: string; redirectUrl: string };
  const page = await app.inject({ method: 'GET', url: o.redirectUrl });
  return { orderId: o.orderId, q: /name="q" value="([^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '' };
}
const pay = (q: string) => app.inject({ method: 'GET', url: `/api/v1/public/payments/simulator/complete?${new URLSearchParams({ q, choice: 'pay' }).toString()}` });

const deps = (refunds: GatewayRefunds = gatewayRefundsOf(t.db, settings)) => ({ db: t.db, clock: w.clock, refunds });

describe('a dossier paid twice at the gateway', () => {
  it('two notifications at once: one payment moves the dossier, the other is refunded through the gateway once, on its receipt and in the reconciliation', async () => {
    w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
    const code = await feeDossier();
    const [a, b] = [await orderAtSimulator(code), await orderAtSimulator(code)];
    // the payer pays both tabs; the gateway notifies both at the same moment
    const answers = await Promise.all([pay(a.q), pay(b.q)]);
    expect(answers.map((r) => r.statusCode)).toEqual([303, 303]);
    const orders = await t.db.selectFrom('payment_orders').select(['id', 'txn_ref', 'status', 'receipt_id']).where('subject_id', '=', code).orderBy('id').execute();
    expect(orders.map((o) => o.status).sort()).toEqual(['duplicate', 'paid']);
    const dup = orders.find((o) => o.status === 'duplicate');
    if (!dup?.receipt_id) throw new Error('the duplicate has its receipt');

    // four runs at once: one refund at the gateway, one refund row
    w.clock.set(new Date('2026-03-02T09:01:00+07:00'));
    const reports = await Promise.all([1, 2, 3, 4].map(() => refundDuplicates(deps())));
    expect(reports.reduce((s, r) => s + r.refunded, 0)).toBe(1);
    const ledger = await t.db.selectFrom('gateway_simulator_transactions').select(['txn_ref', 'refunded_vnd']).where('txn_ref', 'in', [a.orderId, b.orderId]).execute();
    const paidRef = orders.find((o) => o.status === 'paid')?.txn_ref ?? '';
    expect(Object.fromEntries(ledger.map((l) => [l.txn_ref, l.refunded_vnd]))).toEqual({ [paidRef]: 0, [dup.txn_ref]: 50_000 });
    const refunds = await t.db.selectFrom('receipt_refunds').select(['receipt_id', 'amount_vnd', 'reason', 'method', 'refunded_by', 'gateway_response']).where('receipt_id', '=', dup.receipt_id).execute();
    expect(refunds).toEqual([{ receipt_id: dup.receipt_id, amount_vnd: 50_000, reason: DUPLICATE_REFUND_REASON, method: 'gateway', refunded_by: 0, gateway_response: '00' }]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/payments/orders/${dup.txn_ref}` })).json().status).toBe('refunded');
    // the dossier is paid once, net of the refund
    expect(await paymentStateOf({ ...w.ctx(w.actors.clerk), payments }, { kind: 'dossier', id: code })).toMatchObject({ paidVnd: 50_000, dueVnd: 50_000, paid: true });
    expect(await refundDuplicates(deps())).toEqual({ refunded: 0, retried: 0, gaveUp: 0, lost: 0 });

    // the day's reconciliation: the second payment flagged paid twice, refunded, the refund in the gateway's file
    const csv = (await app.inject({ method: 'GET', url: '/api/v1/public/payments/simulator/settlements/2026-03-02' })).body;
    expect((await as('supervisor', 'POST', '/api/v1/payments/settlements', { day: '2026-03-02', csv })).statusCode).toBe(201);
    const report = (await as('supervisor', 'GET', '/api/v1/payments/reconciliation?day=2026-03-02')).json();
    expect(report.mismatches.filter((m: { dossierCode: string }) => m.dossierCode === code)).toEqual([expect.objectContaining({
      kind: 'paidTwice', txnRef: dup.txn_ref, hereVnd: 50_000, gatewayVnd: 50_000,
      refund: { state: 'refunded', at: new Date('2026-03-02T09:01:00+07:00').toISOString(), error: null, inSettlement: true },
    })]);
  }, 90_000);

  it('a gateway that refuses is tried again after 1, then 2 minutes, and given up after the last attempt: the reconciliation says to refund by hand', async () => {
    w.clock.set(new Date('2026-03-03T09:00:00+07:00'));
    const code = await feeDossier();
    const [a, b] = [await orderAtSimulator(code), await orderAtSimulator(code)];
    await pay(a.q);
    await pay(b.q);
    let calls = 0;
    const refusing: GatewayRefunds = { refund: async () => { calls += 1; return '95'; } };
    expect(await refundDuplicates(deps(refusing))).toMatchObject({ retried: 1 });
    const row = () => t.db.selectFrom('payment_duplicate_refunds as d').innerJoin('payment_orders as o', 'o.id', 'd.order_id')
      .select(['d.attempts', 'd.next_at', 'd.last_error', 'd.given_up_at', 'd.refund_id']).where('o.subject_id', '=', code).executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({ attempts: 1, next_at: new Date('2026-03-03T09:01:00+07:00'), last_error: 'Cổng thanh toán từ chối hoàn tiền (mã 95).', refund_id: null });
    expect(await refundDuplicates(deps(refusing))).toMatchObject({ retried: 0 }); // not due yet
    w.clock.set(new Date('2026-03-03T09:01:00+07:00'));
    await refundDuplicates(deps(refusing));
    expect((await row()).next_at).toEqual(new Date('2026-03-03T09:03:00+07:00'));
    for (let i = 2; i < DUPLICATE_REFUNDS.maxAttempts; i += 1) {
      w.clock.set(new Date(w.clock.now().getTime() + 7 * 3600 * 1000));
      await refundDuplicates(deps(refusing));
    }
    expect(calls).toBe(DUPLICATE_REFUNDS.maxAttempts);
    expect((await row()).given_up_at).not.toBeNull();
    const report = (await as('supervisor', 'GET', '/api/v1/payments/reconciliation?day=2026-03-03')).json();
    expect(report.mismatches.find((m: { kind: string; dossierCode: string }) => m.kind === 'paidTwice' && m.dossierCode === code)?.refund)
      .toMatchObject({ state: 'givenUp', error: 'Cổng thanh toán từ chối hoàn tiền (mã 95).', inSettlement: false });
  }, 90_000);
});
