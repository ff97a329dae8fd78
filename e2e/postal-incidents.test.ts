// The post office's incidents and the quarterly report in Chromium (issue 13 §8): the dispatcher
// (the clerk, `postal.dispatch`) opens "Sự cố, khiếu nại bưu gửi" from the home page at 360 px,
// is refused a wrong tracking number in the server's words, records a lost parcel against a leg,
// resolves it with a compensation (numbered by the server) and finds it among the resolved ones
// with its dates as dd/mm/yyyy; the supervisor requests the quarterly XLSX on the dashboard and
// downloads it once the export runner has built it. axe on each screen; nothing scrolls sideways.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/platform/clock';
import { buildPostalQuarterlyReport, POSTAL_QUARTERLY_EXPORT } from '../src/postal/quarterly-export';
import { reportExportsJob } from '../src/reports/exports';
import { DEMO_PASSWORD } from '../src/seed';
import { logIn as logInAs, useDemoApp } from './demo-app';
import { axeViolations } from './harness';

const STEP_MS = 180_000;
const OUT = 'test-results/postal-incidents';
const demo = useDemoApp(OUT, { startMs: 240_000 });
let page: Page;
let base = '';
beforeAll(async () => {
  page = demo.page;
  base = demo.base;
  await page.setViewportSize({ width: 360, height: 800 });
  // the machine these run on is shared: a screen may take longer than the default 30 s to load
  page.setDefaultTimeout(90_000);
});

async function call<T>(token: string | null, method: 'POST', route: string, body: unknown): Promise<T> {
  const response = await fetch(`${base}${route}`, {
    method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

const logIn = (username: string) => logInAs(page, base, username);

async function checkScreen(name: string, width: number): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `${OUT}/${name}-${width}.png`, fullPage: true });
  expect(await axeViolations(page), `${name}: axe`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(width);
}

describe('postal incidents and the quarterly report', () => {
  it('records a lost parcel against its leg and resolves it with a numbered compensation, at 360 px', async () => {
    const { token } = await call<{ token: string }>(null, 'POST', '/api/v1/auth/login', { username: 'clerk', password: DEMO_PASSWORD });
    const shipment = await call<{ legs: { trackingNumber: string }[] }>(token, 'POST', '/api/v1/postal/pickups', {
      procedureCode: '1.001193', origin: 'counter', applicant: { name: 'Trần Văn Bình', phone: '0912000111' }, address: 'Số 5, Ấp 1, Xã Tân Hồng',
      communeCode: '29926', windowFrom: new Date(Date.now() + 86_400_000).toISOString(), windowTo: new Date(Date.now() + 93_600_000).toISOString(),
    });
    const n = shipment.legs[0]?.trackingNumber ?? '';

    await logIn('clerk');
    await page.getByRole('link', { name: /Sự cố, khiếu nại bưu gửi/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Sự cố và khiếu nại bưu gửi' }).waitFor();
    await page.getByText('Không có sự cố nào đang mở.').waitFor();
    await checkScreen('incidents-empty', 360);

    // a tracking number that is not the office's: refused in the server's words, nothing recorded
    await page.getByLabel('Số hiệu bưu gửi').fill('EB000000000VN');
    await page.getByRole('radio', { name: 'Thất lạc' }).check();
    await page.getByLabel('Nội dung').fill('Bưu gửi không đến được cơ quan nhận.');
    await page.getByLabel('Người phản ánh', { exact: true }).fill('Trần Văn Bình');
    await page.getByRole('button', { name: 'Ghi nhận sự cố' }).click();
    await page.getByRole('alert').filter({ hasText: /bưu gửi/i }).first().waitFor();

    await page.getByLabel('Số hiệu bưu gửi').fill(n.toLowerCase());
    await page.getByLabel('Số điện thoại người phản ánh (nếu có)').fill('0912000111');
    await page.getByRole('button', { name: 'Ghi nhận sự cố' }).click();
    // the dates as dd/mm/yyyy (the resolve-by date is 5 working days on: incident-rules.test.ts)
    await page.getByText(new RegExp(`Đã ghi nhận sự cố của bưu gửi ${n}\\. Hạn giải quyết: \\d{2}/\\d{2}/\\d{4}\\.`)).waitFor();
    await page.getByRole('row', { name: new RegExp(n) }).getByText(/^\d{2}\/\d{2}\/\d{4}$/).first().waitFor();
    await checkScreen('incidents-open', 360);

    await page.getByRole('button', { name: `Giải quyết ${n}` }).click();
    await page.getByRole('heading', { name: `Giải quyết sự cố ${n}` }).waitFor();
    await page.getByLabel('Kết quả giải quyết').fill('Đã xác minh thất lạc; bưu điện chịu chi phí cấp lại bản chính và bồi thường.');
    await page.getByLabel('Số tiền bồi thường (đồng)').fill('abc');
    await page.getByText('Nhập số tiền bồi thường là số nguyên dương.').waitFor();
    await page.getByLabel('Số tiền bồi thường (đồng)').fill('500.000');
    await checkScreen('incidents-resolve', 360);
    await page.getByRole('button', { name: 'Lưu kết quả giải quyết' }).click();
    await page.getByText(new RegExp(`Đã giải quyết sự cố của bưu gửi ${n}; phiếu chi bồi thường số \\d{4}/BT-\\d{4}\\.`)).waitFor();
    await page.getByText('Không có sự cố nào đang mở.').waitFor();

    await page.getByRole('radio', { name: 'Đã giải quyết' }).check();
    await page.getByRole('row', { name: new RegExp(n) }).getByText(/Bồi thường 500\.000 đ — phiếu số \d{4}\/BT-\d{4}/).waitFor();
    await checkScreen('incidents-resolved', 360);
  }, STEP_MS);

  it('the supervisor exports the quarterly report and downloads the workbook', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await logIn('supervisor');
    await page.goto(`${base}/giam-sat/thong-ke`);
    const quarterly = page.getByRole('region', { name: 'Báo cáo quý của bưu chính công ích' });
    await quarterly.waitFor();
    await quarterly.getByLabel('Quý', { exact: true }).selectOption('3');
    await quarterly.getByRole('button', { name: 'Xuất báo cáo quý (XLSX)' }).click();
    await quarterly.getByRole('progressbar', { name: 'Tiến độ xuất báo cáo quý' }).waitFor();
    // the export runner (a pg-boss job in `motcua serve`) builds what was asked
    await reportExportsJob({ db: demo.app.t.db, clock: systemClock, builders: { [POSTAL_QUARTERLY_EXPORT]: buildPostalQuarterlyReport } }).handler();
    const link = quarterly.getByRole('link', { name: 'Tải báo cáo quý (XLSX)' });
    await link.waitFor();
    const answer = await page.request.get(`${base}${await link.getAttribute('href') ?? ''}`);
    expect(answer.status()).toBe(200);
    expect((await answer.body()).subarray(0, 2).toString()).toBe('PK');
    expect(answer.headers()['content-disposition']).toMatch(/\.xlsx"$/);
    await checkScreen('dashboard-quarterly', 1280);
  }, STEP_MS);
});
