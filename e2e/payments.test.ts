// Fees and payment in the browser (issue 15 §4). Through the HTTP API the demo clerk receives a
// certified copy request (2.000635, 8.000 đồng) for the demo citizen and forwards it, and the
// officer asks for the fee (awaitingPayment). At 360 px the citizen opens "Hồ sơ của tôi", follows
// "Nộp phí, lệ phí", pays through the gateway simulator's page and lands on /thanh-toan/ket-qua,
// which shows the receipt the server issued; the dossier is back in processing. At 1280 px the
// clerk opens a shift, takes a cash payment (receipt BL), refunds a card payment (recorded as
// card) and closes the shift counting less than expected, with the note it then needs. axe finds
// no violations on each screen; screenshots go to test-results/payments.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed';
import { axeViolations } from './harness';
import { logIn, useDemoApp } from './demo-app';

const STEP_MS = 120_000;
const OUT = 'test-results/payments';
const CITIZEN_ID = '087090001234'; // the demo citizen's personal ID (src/seed.ts)
const demo = useDemoApp(OUT, { startMs: 240_000 });

async function call<T>(username: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const login = await fetch(`${demo.base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${demo.base}${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A certified copy of a civil status extract (2.000635, fee 8.000 đồng) received at the demo counter of Tân Hồng. */
async function copyRequest(personalId: string, name: string): Promise<string> {
  const address = 'Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp';
  const { code, status } = await call<{ code: string; status: string }>('clerk', 'POST', '/api/v1/dossiers', {
    procedureCode: '2.000635', applicant: { personalId, name, phone: '0912345678', address, unitCode: '29926' },
    papers: [{ key: 'p4', source: 'paper', originals: 1 }], formData: { fullName: name, personalId, address },
  });
  if (status === 'received') await call('clerk', 'POST', `/api/v1/dossiers/${code}/actions/forward`, {});
  return code;
}

async function look(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
}

describe('a citizen pays a dossier online through the gateway simulator, at 360 px', () => {
  it('my dossiers → fees → the simulator → the result page with the receipt; the dossier moves on', async () => {
    const code = await copyRequest(CITIZEN_ID, 'Nguyễn Văn An');
    await call('officer', 'POST', `/api/v1/dossiers/${code}/actions/requestPayment`, { amountVnd: 8_000 });
    const { page, base } = demo;
    await page.setViewportSize({ width: 360, height: 740 });
    await logIn(page, base, 'citizen');
    await page.goto(`${base}/cong-dan/ho-so`);
    await page.getByRole('link', { name: `Nộp phí, lệ phí cho hồ sơ ${code}` }).click();
    await page.getByRole('heading', { level: 1, name: `Nộp phí, lệ phí hồ sơ ${code}` }).waitFor();
    await page.getByText('8.000 đồng').first().waitFor();
    await look(page, 'citizen-fees-360');
    await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await page.getByRole('heading', { name: 'Cổng thanh toán (mô phỏng)' }).waitFor();
    await page.screenshot({ path: `${OUT}/simulator-360.png`, fullPage: true });
    await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Thanh toán thành công' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/thanh-toan/ket-qua');
    await page.getByText(/Biên lai điện tử số BLDT-\d{4}-\d{6}/).waitFor();
    await look(page, 'citizen-result-360');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const after = await call<{ status: string }>('clerk', 'GET', `/api/v1/dossiers/${code}`);
    expect(after.status).toBe('processing');
  }, STEP_MS * 2);
});

describe('the clerk at the counter, at 1280 px', () => {
  it('opens a shift, takes cash (BL receipt), refunds a card payment as card, closes the shift with a difference and its note', async () => {
    const cashCode = await copyRequest('087090007001', 'Trần Thị Tiền');
    const cardCode = await copyRequest('087090007002', 'Lê Văn Thẻ');
    const { page, base } = demo;
    await page.setViewportSize({ width: 1280, height: 800 });
    await logIn(page, base, 'clerk');
    await page.goto(`${base}/quay/thu-phi`);
    await page.getByRole('heading', { level: 1, name: 'Thu phí, lệ phí' }).waitFor();
    await page.getByLabel('Tiền đầu ca (đồng)').fill('500.000');
    await page.getByRole('button', { name: 'Mở ca' }).click();
    await page.getByText('Tiền phải có trong két').waitFor();
    for (const [code, method] of [[cashCode, 'Tiền mặt'], [cardCode, 'Thẻ ngân hàng']] as const) {
      await page.getByLabel('Mã hồ sơ').fill(code);
      await page.getByRole('button', { name: 'Xem số tiền' }).click();
      await page.getByRole('radio', { name: method }).check();
      await page.getByRole('button', { name: 'Thu tiền và cấp biên lai' }).click();
      await page.getByText(/Đã thu [\d.]+ đồng, biên lai số BL-\d{4}-\d{6}/).waitFor();
    }
    await look(page, 'cashier-1280');
    await page.goto(`${base}/quay/bien-lai`);
    await page.getByLabel('Mã hồ sơ').fill(cardCode);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('button', { name: /^Hoàn tiền biên lai BL-/ }).click();
    await page.getByLabel('Lý do hoàn tiền').fill('Người nộp rút hồ sơ');
    await look(page, 'refund-1280');
    await page.getByRole('button', { name: 'Xác nhận hoàn tiền' }).click();
    await page.getByText(/Đã hoàn [\d.]+ đồng của biên lai BL-\d{4}-\d{6} \(Thẻ ngân hàng\)/).waitFor();
    await page.goto(`${base}/quay/thu-phi`);
    const expected = await call<{ shift: { expectedCashVnd: number; cashOutVnd: number } }>('clerk', 'GET', '/api/v1/payments/shifts/current');
    expect(expected.shift.cashOutVnd).toBe(0); // the card refund never leaves the drawer
    await page.getByLabel('Tiền đếm được (đồng)').fill(String(expected.shift.expectedCashVnd - 2_000));
    await page.getByRole('button', { name: 'Kết thúc ca' }).click();
    await page.getByText('Cần ghi lý do', { exact: false }).first().waitFor();
    await page.getByLabel('Lý do chênh lệch').fill('Trả thừa tiền thối cho người nộp');
    await page.getByRole('button', { name: 'Kết thúc ca' }).click();
    await page.getByText(/Đã kết thúc ca\..*chênh lệch -2\.000 đồng/).waitFor();
    await look(page, 'shift-closed-1280');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${base}/quay/bien-lai`);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText(/Tìm thấy \d+ biên lai/).waitFor();
    await look(page, 'receipts-360');
    expect(fs.existsSync(`${OUT}/receipts-360.png`)).toBe(true);
  }, STEP_MS * 3);
});
