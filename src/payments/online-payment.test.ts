// Online payment over HTTP with the local gateway simulator: the order, the simulator's page, the
// IPN that marks it paid with an electronic receipt, and what the gateway side must refuse —
// tampered and replayed notifications (logged), a second charge of a paid dossier, concurrent IPNs.
import { describe, expect, it } from 'vitest';
import { receiveDossier } from '../dossiers/service';
import { SIMULATOR_PAYMENTS, type PaymentSettings } from '../platform/config';
import { useWorldApp } from '../dossiers/world.test-helper';
import { sign, toQuery } from './gateway-signing';
import { registerPaymentRoutes } from './routes';
import { moveSubject, paymentStateOf, returnBaseOf } from './service';
import { dossierSubject } from './subjects';

const settings: PaymentSettings = { gateway: { kind: 'simulator' }, ...SIMULATOR_PAYMENTS };
const payments = { settings, publicUrl: 'http://localhost:3000', subjects: { dossier: dossierSubject } };
const { t, w, app } = useWorldApp((a, tdb, world) => registerPaymentRoutes(a, { db: tdb.db, clock: world.clock, payments }));

const FEES = [
  { name: 'Lệ phí đăng ký', amountVnd: 50_000, note: null },
  { name: 'Phí nộp tại quầy', amountVnd: 20_000, note: null, channels: ['counter'] },
  { name: 'Phí cấp bản sao', amountVnd: 8_000, note: null, caseKey: 'copy' },
];

async function feeDossier(personalId = '087090001234') {
  await t.db.updateTable('procedures').set({ fees: JSON.stringify(FEES) }).where('code', '=', w.procedureCode).execute();
  return receiveDossier(w.ctx(w.actors.clerk), w.intake({ personalId }));
}

const as = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload === undefined ? {} : { payload: payload as object }) });
const query = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

async function order(code: string) {
  const res = await as('citizen', 'POST', '/api/v1/payments/orders', { subject: { kind: 'dossier', id: code }, returnUrl: '/thanh-toan/ket-qua' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { orderId: string; redirectUrl: string; amountVnd: number };
}

/** The signed IPN the gateway would send for an order. */
function ipnFor(txnRef: string, amountVnd: number, o: { code?: string; transactionNo?: string } = {}) {
  return sign({
    vnp_TmnCode: settings.merchantCode, vnp_Amount: String(amountVnd * 100), vnp_BankCode: 'NCB', vnp_CardType: 'ATM', vnp_PayDate: '20260302091000',
    vnp_ResponseCode: o.code ?? '00', vnp_TransactionStatus: o.code && o.code !== '00' ? '02' : '00', vnp_TransactionNo: o.transactionNo ?? '14000001', vnp_TxnRef: txnRef,
  }, settings.secret);
}
const sendIpn = async (params: Record<string, string>) => (await app.inject({ method: 'GET', url: `/api/v1/public/payments/ipn?${toQuery(params)}` })).json() as { RspCode: string };
const verdicts = async (txnRef: string) => (await t.db.selectFrom('gateway_notifications').select(['kind', 'verdict', 'rsp_code']).where('txn_ref', '=', txnRef).orderBy('id').execute());

describe('fees due', () => {
  it('lists the online items of the case: 50.000 đồng, not the counter fee; the copy case adds 8.000', async () => {
    await feeDossier();
    const plain = (await as('citizen', 'GET', `/api/v1/payments/fees?procedureCode=${w.procedureCode}`)).json();
    expect(plain).toMatchObject({ items: [{ label: 'Lệ phí đăng ký', amountVnd: 50_000 }], totalVnd: 50_000 });
    const copy = (await as('citizen', 'GET', `/api/v1/payments/fees?procedureCode=${w.procedureCode}&caseKey=copy`)).json();
    expect(copy.totalVnd).toBe(58_000);
    const counter = (await as('clerk', 'GET', `/api/v1/payments/fees?procedureCode=${w.procedureCode}&channel=counter`)).json();
    expect(counter.totalVnd).toBe(70_000);
  });
});

describe('paying through the gateway simulator', () => {
  it('pay: the simulator page, the IPN marks the order paid with receipt BLDT, the browser returns to the result page', async () => {
    const d = await feeDossier();
    const o = await order(d.code);
    expect(o.amountVnd).toBe(50_000);
    expect(o.redirectUrl.startsWith('/api/v1/public/payments/simulator/pay?')).toBe(true);
    const page = await app.inject({ method: 'GET', url: o.redirectUrl });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('50.000 đồng');
    const q = /name="q" value="([^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const done = await app.inject({ method: 'GET', url: `/api/v1/public/payments/simulator/complete?${new URLSearchParams({ q, choice: 'pay' }).toString()}` });
    expect(done.statusCode).toBe(303);
    const back = String(done.headers.location);
    expect(back.startsWith('http://localhost:3000/api/v1/public/payments/return?')).toBe(true);
    const returned = await app.inject({ method: 'GET', url: back.replace('http://localhost:3000', '') });
    expect(returned.statusCode).toBe(303);
    expect(returned.headers.location).toBe(`/thanh-toan/ket-qua?order=${o.orderId}`);
    const outcome = (await app.inject({ method: 'GET', url: `/api/v1/public/payments/orders/${o.orderId}` })).json();
    expect(outcome).toMatchObject({ status: 'paid', statusLabel: 'Đã thanh toán', amountVnd: 50_000, receiptNumber: 'BLDT-2026-000001', dossierCode: d.code });
    expect((await verdicts(o.orderId)).map((v) => `${v.kind}:${v.verdict}`)).toEqual(['ipn:accepted', 'return:accepted']);
    const state = (await as('citizen', 'GET', `/api/v1/payments/state?kind=dossier&id=${d.code}`)).json();
    expect(state).toEqual({ paidVnd: 50_000, dueVnd: 50_000, paid: true, receiptNumbers: ['BLDT-2026-000001'], items: [{ label: 'Lệ phí đăng ký', amountVnd: 50_000 }] });
    // never charged twice
    const again = await as('citizen', 'POST', '/api/v1/payments/orders', { subject: { kind: 'dossier', id: d.code }, returnUrl: '/thanh-toan/ket-qua' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_PAID');
    const receipt = await t.db.selectFrom('receipts').selectAll().where('payment_order_id', 'is not', null).where('dossier_code', '=', d.code).executeTakeFirstOrThrow();
    expect(receipt).toMatchObject({ place: 'online', series: 'BLDT', service_point_id: null, collected_by: null, amount_vnd: 50_000, payment_method: 'transfer' });
  });

  it('cancel: the order is cancelled, nothing is paid, a new order may be made', async () => {
    const d = await feeDossier();
    const o = await order(d.code);
    const page = await app.inject({ method: 'GET', url: o.redirectUrl });
    const q = /name="q" value="([^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    await app.inject({ method: 'GET', url: `/api/v1/public/payments/simulator/complete?${new URLSearchParams({ q, choice: 'cancel' }).toString()}` });
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/payments/orders/${o.orderId}` })).json().status).toBe('cancelled');
    expect((await paymentStateOf(w.ctx(w.actors.clerk), { kind: 'dossier', id: d.code })).paid).toBe(false);
    await order(d.code);
  });

  it('the simulator refuses a pay request whose signature was changed (an amount lowered in the URL)', async () => {
    const d = await feeDossier();
    const o = await order(d.code);
    const page = await app.inject({ method: 'GET', url: o.redirectUrl.replace('vnp_Amount=5000000', 'vnp_Amount=100') });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('không hợp lệ');
  });
});

describe('notifications the server must refuse, each logged with its verdict', () => {
  it('a bad signature (97), a changed amount re-signed wrongly (97), an amount that differs (04), an unknown order (01), a replay (02)', async () => {
    const d = await feeDossier();
    const o = await order(d.code);
    const good = ipnFor(o.orderId, 50_000);
    expect((await sendIpn({ ...good, vnp_SecureHash: 'ab'.repeat(64) })).RspCode).toBe('97');
    expect((await sendIpn({ ...good, vnp_Amount: '100' })).RspCode).toBe('97');
    expect((await sendIpn(ipnFor(o.orderId, 5_000))).RspCode).toBe('04');
    expect((await sendIpn(ipnFor('MC00000000000000', 50_000))).RspCode).toBe('01');
    expect((await sendIpn(good)).RspCode).toBe('00');
    expect((await sendIpn(good)).RspCode).toBe('02');
    expect((await verdicts(o.orderId)).map((v) => `${v.verdict}:${v.rsp_code}`)).toEqual(['badSignature:97', 'badSignature:97', 'amountMismatch:04', 'accepted:00', 'replay:02']);
    expect((await verdicts('MC00000000000000')).map((v) => v.verdict)).toEqual(['unknownOrder']);
  });

  it('20 concurrent identical notifications: one payment, one receipt, 19 answered "already confirmed"', async () => {
    const d = await feeDossier();
    const o = await order(d.code);
    const answers = await Promise.all(Array.from({ length: 20 }, () => sendIpn(ipnFor(o.orderId, 50_000, { transactionNo: '14000077' }))));
    expect(answers.filter((a) => a.RspCode === '00')).toHaveLength(1);
    expect(answers.filter((a) => a.RspCode === '02')).toHaveLength(19);
    const receipts = await t.db.selectFrom('receipts').select('id').where('dossier_code', '=', d.code).execute();
    expect(receipts).toHaveLength(1);
  });

  it('a second order of the same dossier paid at the gateway too is kept as a duplicate to refund: its own receipt, the refund due, the dossier paid once', async () => {
    const d = await feeDossier();
    const first = await order(d.code);
    const second = await order(d.code);
    expect((await sendIpn(ipnFor(first.orderId, 50_000, { transactionNo: '14000081' }))).RspCode).toBe('00');
    expect((await sendIpn(ipnFor(second.orderId, 50_000, { transactionNo: '14000082' }))).RspCode).toBe('00');
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/payments/orders/${second.orderId}` })).json().status).toBe('duplicate');
    // the money of the second payment came in: its receipt, and its automatic refund waiting (duplicate-refunds.test.ts)
    expect(await t.db.selectFrom('receipts').select('id').where('dossier_code', '=', d.code).execute()).toHaveLength(2);
    const dup = await t.db.selectFrom('payment_orders').select('id').where('txn_ref', '=', second.orderId).executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('payment_duplicate_refunds').select(['order_id', 'refund_id']).execute()).toEqual([{ order_id: dup.id, refund_id: null }]);
  });
});

describe('a draft\'s payment follows it to its dossier', () => {
  it('moveSubject: the order and its receipt now name the dossier', async () => {
    const d = await feeDossier();
    const txnRef = 'MC0000000000D001';
    await t.db.insertInto('payment_orders').values({
      txn_ref: txnRef, province_code: w.province.code, subject_kind: 'draft', subject_id: 'draft-42', items: JSON.stringify([{ kind: 'fee', label: 'Lệ phí đăng ký', amountVnd: 50_000 }]),
      amount_vnd: 50_000, status: 'pending', payer: JSON.stringify({ name: 'Nguyễn Văn An' }), procedure_code: w.procedureCode, unit_path: null,
      return_url: '/thanh-toan/ket-qua', created_by: null, created_at: w.clock.now(),
    }).execute();
    expect((await sendIpn(ipnFor(txnRef, 50_000, { transactionNo: '14000099' }))).RspCode).toBe('00');
    expect(await moveSubject(w.ctx(w.actors.citizen), { kind: 'draft', id: 'draft-42' }, { kind: 'dossier', id: d.code })).toEqual({ moved: 1 });
    const state = await paymentStateOf({ ...w.ctx(w.actors.citizen), payments }, { kind: 'dossier', id: d.code });
    expect(state).toMatchObject({ paid: true, paidVnd: 50_000, dueVnd: 50_000 });
    expect((await paymentStateOf(w.ctx(w.actors.citizen), { kind: 'draft', id: 'draft-42' })).paidVnd).toBe(0);
  });
});

describe('bad input changes nothing and is a 4xx', () => {
  it('refuses a return URL to another site, an unknown dossier, a dossier of another scope', async () => {
    const d = await feeDossier();
    const bad = await as('citizen', 'POST', '/api/v1/payments/orders', { subject: { kind: 'dossier', id: d.code }, returnUrl: 'https://evil.example/' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('RETURN_URL_INVALID');
    const other = await as('otherSupervisor', 'GET', `/api/v1/payments/state?kind=dossier&id=${d.code}`);
    expect(other.statusCode).toBe(404);
    expect((await as('citizen', 'POST', '/api/v1/payments/orders', { subject: { kind: 'dossier', id: 'KHONG-CO' }, returnUrl: '/x' })).statusCode).toBe(404);
    expect((await as('courier', 'POST', '/api/v1/payments/orders', { subject: { kind: 'dossier', id: d.code }, returnUrl: '/x' })).statusCode).toBe(403);
  });
});

describe('what nobody says is due is not paid', () => {
  it('a draft with no order yet is unpaid (h-online must not submit it), then paid once its order is', async () => {
    expect(await paymentStateOf(w.ctx(w.actors.citizen), { kind: 'draft', id: 'draft-new' })).toEqual({ dueVnd: 0, paidVnd: 0, paid: false, receiptNumbers: [] });
  });
});

describe('refunds of online payments go back through the gateway', () => {
  it('the provincial office refunds a BLDT receipt through the simulator; the order is refunded; a second full refund is refused', async () => {
    const d = await feeDossier();
    const o = await order(d.code);
    expect((await sendIpn(ipnFor(o.orderId, 50_000, { transactionNo: '14000111' }))).RspCode).toBe('00');
    // the simulator's ledger holds the transaction the gateway would have
    await t.db.insertInto('gateway_simulator_transactions').values({ txn_ref: o.orderId, transaction_no: '14000111', amount_vnd: 50_000, outcome: 'paid', bank_code: 'NCB', at: w.clock.now() }).execute();
    const receipt = await t.db.selectFrom('receipts').select('id').where('dossier_code', '=', d.code).executeTakeFirstOrThrow();
    const { refundReceipt } = await import('./cashier');
    const { gatewayRefundsOf } = await import('./gateway-refund');
    const ctx = { ...w.ctx(w.actors.supervisor), payments, refunds: gatewayRefundsOf(t.db, settings) };
    const refund = await refundReceipt(ctx, receipt.id, { reason: 'Hồ sơ bị từ chối tiếp nhận' });
    expect(refund).toMatchObject({ amountVnd: 50_000, method: 'gateway' });
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/payments/orders/${o.orderId}` })).json().status).toBe('refunded');
    await expect(refundReceipt(ctx, receipt.id, { reason: 'Hoàn lần thứ hai' })).rejects.toMatchObject({ code: 'ALREADY_REFUNDED' });
    expect((await t.db.selectFrom('gateway_simulator_transactions').select('refunded_vnd').where('transaction_no', '=', '14000111').executeTakeFirstOrThrow()).refunded_vnd).toBe(50_000);
  });
});

describe('where the gateway sends the payer back', () => {
  const sim = (returnTo: 'publicUrl' | 'requestHost') => ({ ...payments, settings: { ...settings, gateway: { kind: 'simulator' as const, returnTo } } });
  it('the simulator without a public URL follows the host the browser used; with one, or with a real gateway, the configured address', () => {
    expect(returnBaseOf(sim('requestHost'), 'http://127.0.0.1:4714')).toBe('http://127.0.0.1:4714');
    expect(returnBaseOf(sim('requestHost'), 'http://localhost:4714')).toBe('http://localhost:4714');
    expect(returnBaseOf(sim('requestHost'), 'http://evil.example/x?')).toBe('http://localhost:3000');
    expect(returnBaseOf(sim('publicUrl'), 'http://127.0.0.1:4714')).toBe('http://localhost:3000');
    const remote = { ...payments, settings: { ...settings, gateway: { kind: 'remote' as const, payUrl: 'https://pay.example.vn/', refundUrl: 'https://pay.example.vn/r' } } };
    expect(returnBaseOf(remote, 'http://127.0.0.1:4714')).toBe('http://localhost:3000');
  });
});
