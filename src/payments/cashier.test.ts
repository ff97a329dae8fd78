// The cashier over HTTP: a shift opened with 500.000 đồng, a cash payment of 70.000 (receipt BL of
// the point), a card payment refused as a second charge, a cash refund of 20.000 from the drawer,
// the shift closed with a counted difference that needs a note; receipts found by number, payer,
// dossier code and date in scope, and the PDF.
import { describe, expect, it } from 'vitest';
import { receiveDossier } from '../dossiers/service';
import { SIMULATOR_PAYMENTS, type PaymentSettings } from '../platform/config';
import { useWorldApp } from '../dossiers/world.test-helper';
import { registerCashierRoutes } from './cashier-routes';
import { registerPaymentRoutes } from './routes';
import { dossierSubject } from './subjects';

const settings: PaymentSettings = { gateway: { kind: 'simulator' }, ...SIMULATOR_PAYMENTS };
const payments = { settings, publicUrl: 'http://localhost:3000', subjects: { dossier: dossierSubject } };
const { t, w, app } = useWorldApp((a, tdb, world) => {
  registerPaymentRoutes(a, { db: tdb.db, clock: world.clock, payments });
  registerCashierRoutes(a, { db: tdb.db, clock: world.clock, payments });
});
const FEES = [{ name: 'Lệ phí đăng ký', amountVnd: 50_000, note: null }, { name: 'Phí nộp tại quầy', amountVnd: 20_000, note: null, channels: ['counter'] }];

const as = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload === undefined ? {} : { payload: payload as object }) });

async function feeDossier(name = 'Nguyễn Văn An') {
  await t.db.updateTable('procedures').set({ fees: JSON.stringify(FEES) }).where('code', '=', w.procedureCode).execute();
  return receiveDossier(w.ctx(w.actors.clerk), w.intake({ name }));
}

describe('the cash drawer of a shift', () => {
  it('open 500.000; cash 70.000 (BL); a second charge refused; refund 20.000; close counted 540.000 with a note for the 10.000 short', async () => {
    const d = await feeDossier();
    expect((await as('clerk', 'POST', '/api/v1/payments/counter', { dossierCode: d.code, paymentMethod: 'cash' })).json().error.code).toBe('NO_OPEN_SHIFT');
    const opened = await as('clerk', 'POST', '/api/v1/payments/shifts', { openingCashVnd: 500_000 });
    expect(opened.statusCode).toBe(201);
    expect((await as('clerk', 'POST', '/api/v1/payments/shifts', { openingCashVnd: 1 })).json().error.code).toBe('SHIFT_ALREADY_OPEN');
    const paid = await as('clerk', 'POST', '/api/v1/payments/counter', { dossierCode: d.code, paymentMethod: 'cash' });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ number: 'BL-2026-000001', amountVnd: 70_000 });
    const twice = await as('clerk', 'POST', '/api/v1/payments/counter', { dossierCode: d.code, paymentMethod: 'card' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ALREADY_PAID');
    const refund = await as('clerk', 'POST', `/api/v1/payments/receipts/${paid.json().id}/refunds`, { amountVnd: 20_000, reason: 'Thu nhầm phí nộp tại quầy' });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json()).toMatchObject({ receiptNumber: 'BL-2026-000001', amountVnd: 20_000, method: 'cash' });
    expect((await as('clerk', 'POST', `/api/v1/payments/receipts/${paid.json().id}/refunds`, { amountVnd: 60_000, reason: 'Hoàn quá số tiền' })).json().error.code).toBe('REFUND_TOO_LARGE');
    expect((await as('clerk', 'GET', '/api/v1/payments/shifts/current')).json().shift).toMatchObject({ openingCashVnd: 500_000, cashInVnd: 70_000, cashOutVnd: 20_000, expectedCashVnd: 550_000 });
    const noNote = await as('clerk', 'POST', '/api/v1/payments/shifts/current/close', { countedCashVnd: 540_000 });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.code).toBe('NOTE_REQUIRED');
    const closed = await as('clerk', 'POST', '/api/v1/payments/shifts/current/close', { countedCashVnd: 540_000, note: 'Trả thừa tiền thối cho một người nộp' });
    expect(closed.json()).toMatchObject({ expectedCashVnd: 550_000, countedCashVnd: 540_000, differenceVnd: -10_000 });
    const seen = (await as('supervisor', 'GET', '/api/v1/payments/shifts?from=2026-03-01&to=2026-03-31')).json().items;
    expect(seen.map((s: { differenceVnd: number }) => s.differenceVnd)).toContain(-10_000);
    expect((await as('otherSupervisor', 'GET', '/api/v1/payments/shifts?from=2026-03-01&to=2026-03-31')).json().items).toEqual([]);
    expect((await as('clerk', 'GET', '/api/v1/payments/shifts/current')).json().shift).toBeNull();
  });
});

describe('electronic receipts: search in scope and PDF', () => {
  it('finds by number, payer without diacritics or personal ID, dossier code and date; not outside the scope; prints the PDF', async () => {
    const d = await feeDossier('Trần Thị Bích');
    const paid = (await as('clerk', 'POST', '/api/v1/payments/counter', { dossierCode: d.code, paymentMethod: 'card' })).json();
    const find = async (who: string, q: string) => ((await as(who, 'GET', `/api/v1/payments/receipts?${q}`)).json().items ?? []).map((r: { number: string }) => r.number);
    expect(await find('clerk', `number=${paid.number}`)).toEqual([paid.number]);
    expect(await find('clerk', 'payer=tran%20thi%20bich')).toEqual([paid.number]);
    expect(await find('clerk', `dossierCode=${encodeURIComponent(d.code)}`)).toEqual([paid.number]);
    expect(await find('supervisor', 'from=2026-03-02&to=2026-03-02')).toContain(paid.number);
    expect(await find('clerk', 'from=2026-03-03&to=2026-03-31')).not.toContain(paid.number);
    expect(await find('otherClerk', `number=${paid.number}`)).toEqual([]);
    expect(await find('otherSupervisor', `number=${paid.number}`)).toEqual([]);
    expect(await find('citizen', 'payer=087090001234')).toContain(paid.number);
    const bad = await as('clerk', 'GET', '/api/v1/payments/receipts?number=khong-phai-so');
    expect(bad.statusCode).toBe(400);
    const pdf = await as('clerk', 'GET', `/api/v1/payments/receipts/${paid.id}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await as('otherClerk', 'GET', `/api/v1/payments/receipts/${paid.id}/receipt.pdf`)).statusCode).toBe(404);
  });
});

describe('a card payment refunded', () => {
  it('is recorded as a card refund and never counted out of the cash drawer', async () => {
    const d = await feeDossier('Lê Thị Thẻ');
    await as('clerk', 'POST', '/api/v1/payments/shifts', { openingCashVnd: 100_000 });
    const paid = (await as('clerk', 'POST', '/api/v1/payments/counter', { dossierCode: d.code, paymentMethod: 'card' })).json();
    const refund = await as('clerk', 'POST', `/api/v1/payments/receipts/${paid.id}/refunds`, { reason: 'Người nộp rút hồ sơ' });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json()).toMatchObject({ method: 'card', amountVnd: 70_000 });
    expect((await as('clerk', 'GET', '/api/v1/payments/shifts/current')).json().shift).toMatchObject({ cashInVnd: 0, cashOutVnd: 0, expectedCashVnd: 100_000 });
    expect((await as('clerk', 'POST', '/api/v1/payments/shifts/current/close', { countedCashVnd: 100_000 })).statusCode).toBe(200);
  });
});
