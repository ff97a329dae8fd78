// Reconciliation flags every seeded mismatch: the rules on concrete lines, then over HTTP a day of
// the gateway simulator whose settlement file is imported after a mismatch was seeded.
import { describe, expect, it } from 'vitest';
import { receiveDossier } from '../dossiers/service';
import { readSettlementCsv, reconcile, type PaidOrder } from './reconcile-rules';
import { usePaymentsApp } from './payments-app.test-helper';

const order = (txnRef: string, o: Partial<PaidOrder> = {}): PaidOrder => ({ txnRef, status: 'paid', amountVnd: 50_000, subjectKind: 'dossier', subjectId: `HS-${txnRef}`, receiptNumber: null, ...o });

describe('reconcile (rules)', () => {
  it('one row per mismatch: missing at the gateway, missing here, amount differs, paid but no dossier, paid twice, dossier unpaid', () => {
    const r = reconcile([
      order('A'), order('B'), order('C'), order('D', { subjectKind: 'draft', subjectId: '7' }), order('E', { status: 'duplicate', subjectId: 'HS-A' }), order('F', { status: 'failed', subjectId: 'HS-F' }),
    ], [
      { txnRef: 'A', transactionNo: '1', amountVnd: 50_000, kind: 'payment' },
      { txnRef: 'C', transactionNo: '3', amountVnd: 40_000, kind: 'payment' },
      { txnRef: 'D', transactionNo: '4', amountVnd: 50_000, kind: 'payment' },
      { txnRef: 'E', transactionNo: '5', amountVnd: 50_000, kind: 'payment' },
      { txnRef: 'Z', transactionNo: '9', amountVnd: 30_000, kind: 'payment' },
    ]);
    expect(r.mismatches.map((m) => `${m.kind}:${m.txnRef ?? ''}`).sort()).toEqual(['amountDiffers:C', 'dossierUnpaid:F', 'missingAtGateway:B', 'missingHere:Z', 'paidNoDossier:D', 'paidTwice:E'].sort());
    expect(r).toMatchObject({ matched: 3, paidHereVnd: 250_000, settledVnd: 220_000 });
  });

  it('reads the settlement file and names each bad line', () => {
    const ok = readSettlementCsv('ngay,ma_giao_dich_merchant,ma_giao_dich_cong,so_tien,loai\n2026-03-02,MC01,1400,50000,payment\n', '2026-03-02');
    expect(ok).toEqual({ lines: [{ txnRef: 'MC01', transactionNo: '1400', amountVnd: 50_000, kind: 'payment' }], problems: [] });
    const bad = readSettlementCsv('ngay,ma_giao_dich_merchant,ma_giao_dich_cong,so_tien,loai\n2026-03-01,MC01,1400,50000,payment\n2026-03-02,MC02,1401,5.5,payment\n', '2026-03-02');
    expect(bad.problems.map((p) => p.path)).toEqual(['csv/2', 'csv/3']);
    expect(readSettlementCsv('a,b\n', '2026-03-02').problems[0]?.path).toBe('csv/1');
  });
});

const { t, w, app, as } = usePaymentsApp();

async function payThroughSimulator(): Promise<{ code: string; orderId: string }> {
  await t.db.updateTable('procedures').set({ fees: JSON.stringify([{ name: 'Lệ phí đăng ký', amountVnd: 50_000, note: null }]) }).where('code', '=', w.procedureCode).execute();
  const d = await receiveDossier(w.ctx(w.actors.clerk), w.intake());
  const o = (await as('citizen', 'POST', '/api/v1/payments/orders', { subject: { kind: 'dossier', id: d.code }, returnUrl: '/thanh-toan/ket-qua' })).json() as { orderId: string; redirectUrl: string };
  const page = await app.inject({ method: 'GET', url: o.redirectUrl });
  const q = /name="q" value="([^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
  await app.inject({ method: 'GET', url: `/api/v1/public/payments/simulator/complete?${new URLSearchParams({ q, choice: 'pay' }).toString()}` });
  return { code: d.code, orderId: o.orderId };
}

describe('reconciliation of a day with the simulator\'s settlement file', () => {
  it('all matched; then a seeded mismatch (the gateway settled a different amount) is flagged, in JSON and XLSX', async () => {
    const a = await payThroughSimulator();
    const b = await payThroughSimulator();
    // the seeded mismatch: the gateway's ledger says 45.000 for b
    await t.db.updateTable('gateway_simulator_transactions').set({ amount_vnd: 45_000 }).where('txn_ref', '=', b.orderId).execute();
    const csv = (await app.inject({ method: 'GET', url: '/api/v1/public/payments/simulator/settlements/2026-03-02' })).body;
    expect(csv.split('\n').filter(Boolean)).toHaveLength(3);
    const imported = await as('supervisor', 'POST', '/api/v1/payments/settlements', { day: '2026-03-02', csv });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toEqual({ imported: 2, lines: 2 });
    expect((await as('supervisor', 'POST', '/api/v1/payments/settlements', { day: '2026-03-02', csv })).json()).toEqual({ imported: 0, lines: 2 });
    const report = (await as('supervisor', 'GET', '/api/v1/payments/reconciliation?day=2026-03-02')).json();
    expect(report).toMatchObject({ settlementImported: true, paidHereVnd: 100_000, settledVnd: 95_000, matched: 1 });
    expect(report.mismatches).toEqual([expect.objectContaining({ kind: 'amountDiffers', txnRef: b.orderId, dossierCode: b.code, hereVnd: 50_000, gatewayVnd: 45_000 })]);
    expect(report.mismatches.some((m: { txnRef: string }) => m.txnRef === a.orderId)).toBe(false);
    const xlsx = await as('supervisor', 'GET', '/api/v1/payments/reconciliation?day=2026-03-02&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // bad input: a line of another day — 400, nothing imported
    const wrong = await as('supervisor', 'POST', '/api/v1/payments/settlements', { day: '2026-03-03', csv });
    expect(wrong.statusCode).toBe(400);
    expect(await t.db.selectFrom('gateway_settlements').select('id').where('day', '=', '2026-03-03').execute()).toEqual([]);
    expect((await as('clerk', 'GET', '/api/v1/payments/reconciliation?day=2026-03-02')).statusCode).toBe(403);
  });
});

describe('the online-payment flag other capabilities read (indicators 3.x, national sync)', () => {
  it('names the dossiers paid online, not the others', async () => {
    const { paidOnlineDossiers } = await import('./service');
    const paid = await payThroughSimulator();
    const unpaid = await receiveDossier(w.ctx(w.actors.clerk), w.intake());
    expect(await paidOnlineDossiers(t.db, [paid.code, unpaid.code])).toEqual(new Set([paid.code]));
  });
});
