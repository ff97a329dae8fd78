// A paid fee moves the dossier that awaits it (issue 15 §4, nghĩa vụ tài chính): the gateway's IPN
// (the system) or the clerk's counter receipt performs `paymentReceived` in the receipt's
// transaction, with its event; concurrent notifications make one receipt and one action; a payment
// made before the dossier asked for it moves nothing. Wired as src/app.ts wires it.
import { describe, expect, it } from 'vitest';
import { paymentsDepsOf } from '../app';
import { performAction, receiveDossier } from '../dossiers/service';
import { SIMULATOR_PAYMENTS, type PaymentSettings } from '../platform/config';
import { useWorldApp } from '../dossiers/world.test-helper';
import { sign, toQuery } from './gateway-signing';
import { registerCashierRoutes } from './cashier-routes';
import { registerPaymentRoutes } from './routes';

const settings: PaymentSettings = { gateway: { kind: 'simulator' }, ...SIMULATOR_PAYMENTS };
const { t, w, app } = useWorldApp((a, tdb, world) => {
  const payments = paymentsDepsOf({ payments: settings, publicUrl: 'http://localhost:3000' }, { db: tdb.db, clock: world.clock, actor: null, hooks: [] });
  registerPaymentRoutes(a, { db: tdb.db, clock: world.clock, payments });
  registerCashierRoutes(a, { db: tdb.db, clock: world.clock, payments });
});
const FEES = [{ name: 'Lệ phí cấp giấy chứng nhận', amountVnd: 150_000, note: null }];

const as = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload === undefined ? {} : { payload: payload as object }) });

/** A dossier at the competent agency that was asked to pay (awaitingPayment); `ask: false` leaves it processing. */
async function dossierAwaitingPayment(personalId: string, ask = true) {
  await t.db.updateTable('procedures').set({ fees: JSON.stringify(FEES) }).where('code', '=', w.procedureCode).execute();
  const d = await receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId }));
  const fwd = d.status === 'received' ? await performAction(w.ctx(w.actors.clerk), d.code, 'forward') : d;
  expect(fwd.status).toBe('processing');
  if (ask) expect((await performAction(w.ctx(w.actors.officer), d.code, 'requestPayment', { amountVnd: 150_000 })).status).toBe('awaitingPayment');
  return d.code;
}

async function order(code: string): Promise<{ orderId: string; amountVnd: number }> {
  const res = await as('clerk', 'POST', '/api/v1/payments/orders', { subject: { kind: 'dossier', id: code }, returnUrl: '/thanh-toan/ket-qua' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const paidIpn = (txnRef: string, amountVnd: number, transactionNo: string) => toQuery(sign({
  vnp_TmnCode: settings.merchantCode, vnp_Amount: String(amountVnd * 100), vnp_BankCode: 'NCB', vnp_CardType: 'ATM', vnp_PayDate: '20260302091000',
  vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TransactionNo: transactionNo, vnp_TxnRef: txnRef,
}, settings.secret));
const sendIpn = async (query: string) => { const res = await app.inject({ method: 'GET', url: `/api/v1/public/payments/ipn?${query}` }); return res.statusCode === 200 ? (res.json() as { RspCode: string }).RspCode : res.body; };

async function facts(code: string) {
  const row = await t.db.selectFrom('dossiers').select(['status', 'id']).where('code', '=', code).executeTakeFirstOrThrow();
  const events = await t.db.selectFrom('dossier_events').select(['action', 'actor_id', 'payload']).where('dossier_id', '=', row.id).where('action', '=', 'paymentReceived').execute();
  const receipts = await t.db.selectFrom('receipts').select(['series', 'id']).where('dossier_code', '=', code).execute();
  return { status: row.status, events, receipts };
}

describe('a paid fee moves the dossier awaiting it', () => {
  it('20 concurrent IPNs of one order: one BLDT receipt, one paymentReceived by the system (online), the dossier back in processing', async () => {
    const code = await dossierAwaitingPayment('087090002001');
    const o = await order(code);
    const answers = await Promise.all(Array.from({ length: 20 }, () => sendIpn(paidIpn(o.orderId, o.amountVnd, '15000001'))));
    expect(answers.filter((a) => a === '00')).toHaveLength(1);
    const f = await facts(code);
    expect(f.status).toBe('processing');
    expect(f.receipts.map((r) => r.series)).toEqual(['BLDT']);
    expect(f.events).toHaveLength(1);
    expect(f.events[0]).toMatchObject({ actor_id: null, payload: { paymentChannel: 'online_provincial', online: true, paidOnlineCode: 2 } });
  });

  it('two orders of one dossier paid at once: one action, the other order kept as a duplicate (its receipt refunded by the job)', async () => {
    const code = await dossierAwaitingPayment('087090002002');
    const [a, b] = [await order(code), await order(code)];
    const answers = await Promise.all([sendIpn(paidIpn(a.orderId, a.amountVnd, '15000002')), sendIpn(paidIpn(b.orderId, b.amountVnd, '15000003'))]);
    expect(answers).toEqual(['00', '00']);
    const f = await facts(code);
    expect(f.receipts).toHaveLength(2);
    expect(f.events).toHaveLength(1);
    const statuses = (await t.db.selectFrom('payment_orders').select('status').where('subject_id', '=', code).execute()).map((r) => r.status).sort();
    expect(statuses).toEqual(['duplicate', 'paid']);
  });

  it('a counter payment: the clerk is the event\'s actor, not online; the receipt and the action in one transaction', async () => {
    const code = await dossierAwaitingPayment('087090002003');
    const paid = await as('clerk', 'POST', '/api/v1/payments/counter', { dossierCode: code, paymentMethod: 'card' });
    expect(paid.statusCode, paid.body).toBe(201);
    const f = await facts(code);
    expect(f.status).toBe('processing');
    expect(f.events).toHaveLength(1);
    expect(f.events[0]).toMatchObject({ actor_id: w.actors.clerk.userId, payload: { paymentChannel: 'counter', online: false, paidOnlineCode: 3 } });
  });

  it('a dossier not asked to pay: the receipt is issued, the dossier does not move, no event', async () => {
    const code = await dossierAwaitingPayment('087090002004', false);
    const o = await order(code);
    expect(await sendIpn(paidIpn(o.orderId, o.amountVnd, '15000004'))).toBe('00');
    const f = await facts(code);
    expect(f.status).toBe('processing');
    expect(f.receipts).toHaveLength(1);
    expect(f.events).toEqual([]);
  });
});
