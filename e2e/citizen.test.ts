// The citizen follows and rates their own dossier through the browser. Through the HTTP API the
// demo clerk receives a birth registration for the citizen's personal ID and forwards it, and the
// approver approves it and marks its result ready; the clerk also receives one for another
// applicant. The citizen signs in, opens "Hồ sơ của tôi" from the home page, sees their dossier
// and not the other one, opens it (no staff-only slip offered), rates it 5 stars with a comment,
// and is not offered the rating again. axe finds no violations on the list, the dossier page and
// the open rating dialog.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed';
import { axeViolations, type Browser, type RunningServer } from './harness';
import { openDemoApp, type DemoApp } from './demo-app';

const STEP_MS = 60_000;
const CITIZEN_ID = '087090001234'; // the demo citizen's personal ID (src/seed.ts)
const OTHER_ID = '087090005678';
const COMMENT = 'Hồ sơ được giải quyết nhanh, cảm ơn cán bộ.';

let server: RunningServer;
let browser: Browser;
let page: Page;
let demo: DemoApp | undefined;
let code = '';
let otherCode = '';

/** Signs a demo user in through the API; the session token for the calls that follow. */
async function tokenOf(username: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function call<T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A birth registration (1.001193) received at the demo counter of Tân Hồng (commune 29926). */
const birthRegistration = (personalId: string, name: string, phone: string) => {
  const address = 'Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp';
  return {
    procedureCode: '1.001193',
    applicant: { personalId, name, phone, address, unitCode: '29926' },
    // p4: the birth certificate, the paper the procedure always requires
    papers: [{ key: 'p4', source: 'paper', originals: 1 }],
    formData: { fullName: name, personalId, address, subjectFullName: 'Nguyễn Văn Bé' },
  };
};

async function expectNoAxeViolations(): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  demo = await openDemoApp();
  ({ server, browser, page } = demo);
  const clerk = await tokenOf('clerk');
  const approver = await tokenOf('approver');
  ({ code } = await call<{ code: string }>(clerk, 'POST', '/api/v1/dossiers', birthRegistration(CITIZEN_ID, 'Nguyễn Văn An', '0912345678')));
  ({ code: otherCode } = await call<{ code: string }>(clerk, 'POST', '/api/v1/dossiers', birthRegistration(OTHER_ID, 'Trần Thị Bình', '0987654321')));
  await call(clerk, 'POST', `/api/v1/dossiers/${code}/actions/forward`, {});
  await call(approver, 'POST', `/api/v1/dossiers/${code}/actions/approve`, {});
  await call(approver, 'POST', `/api/v1/dossiers/${code}/actions/markResultReady`, {});
  const detail = await call<{ status: string }>(clerk, 'GET', `/api/v1/dossiers/${code}`);
  expect(detail.status).toBe('resultReady');
});

afterAll(async () => {
  await demo?.close();
});

describe('the citizen’s own dossiers', () => {
  it('the citizen opens “Hồ sơ của tôi” from the home page and sees only their own dossier', async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('citizen');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Văn An' }).waitFor();
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cong-dan/ho-so');

    const table = page.getByRole('table', { name: /Hồ sơ của bạn/ });
    const row = table.getByRole('row').filter({ hasText: code });
    await row.waitFor();
    expect(await row.textContent()).toContain('Đã có kết quả');
    await row.getByText('Thủ tục đăng ký khai sinh (1.001193)').waitFor(); // the name, read from the catalogue
    await row.getByRole('link', { name: `Đánh giá mức độ hài lòng với hồ sơ ${code}` }).waitFor();
    // the other applicant's dossier is not listed, and the list holds this one only
    expect(await page.getByText(otherCode).count()).toBe(0);
    expect(await table.locator('tbody tr').count()).toBe(1);
    await expectNoAxeViolations();
  }, STEP_MS);

  it('opens the dossier: the rating is offered, staff-only slips are not', async () => {
    await page.getByRole('link', { name: code, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Quá trình xử lý' }).waitFor();
    await page.getByRole('link', { name: '← Hồ sơ của tôi' }).waitFor();
    // the one action a citizen has on a result ready
    await page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
    expect(await page.locator('button[data-action]').count()).toBe(1);
    // the receipt is the applicant's; the control slip is the agencies' hand-over record
    expect(await page.locator('a[data-slip="receipt"]').count()).toBe(1);
    expect(await page.locator('a[data-slip="control"]').count()).toBe(0);
    await expectNoAxeViolations();
  }, STEP_MS);

  it('rates it 5 stars with a comment, once', async () => {
    await page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận: Đánh giá mức độ hài lòng' });
    await dialog.waitFor();
    expect(await dialog.getByRole('radio').count()).toBe(5);
    await dialog.getByRole('radio', { name: '5 sao – Rất hài lòng' }).check();
    await dialog.getByLabel('Ý kiến khác (không bắt buộc)').fill(COMMENT);
    await expectNoAxeViolations();
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã thực hiện “Đánh giá mức độ hài lòng”').waitFor();
    // re-read: nothing left to do on this dossier
    await page.getByText('Bạn không có thao tác nào với hồ sơ ở trạng thái này.').waitFor();
    expect(await page.locator('button[data-action="rate"]').count()).toBe(0);
    // recorded as the citizen's own rating, on the portal
    const clerk = await tokenOf('clerk');
    const detail = await call<{ status: string; timeline: { action: string; payload: Record<string, unknown> }[] }>(clerk, 'GET', `/api/v1/dossiers/${code}`);
    expect(detail.status).toBe('resultReady');
    expect(detail.timeline.at(-1)).toEqual(expect.objectContaining({
      action: 'rate', payload: { stars: 5, dislike: [], comment: COMMENT, via: 'portal' },
    }));
    // the list says it is rated and offers the rating no more
    await page.goto(`${server.baseUrl}/cong-dan/ho-so`);
    const row = page.getByRole('row').filter({ hasText: code });
    await row.getByText('Đã đánh giá').waitFor();
    expect(await row.getByRole('link', { name: /^Đánh giá/ }).count()).toBe(0);
    // their own timeline shows their rating, without who entered it or how
    await page.goto(`${server.baseUrl}/xu-ly/ho-so/${code}`);
    const rating = page.getByRole('listitem').filter({ hasText: 'Đánh giá mức độ hài lòng' }).filter({ hasText: '5/5 sao' });
    await rating.waitFor();
    expect(await rating.textContent()).not.toMatch(/portal|bởi/);
  }, STEP_MS);

  it('does not open another applicant’s dossier', async () => {
    await page.goto(`${server.baseUrl}/xu-ly/ho-so/${otherCode}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${otherCode}` }).waitFor();
    await page.getByText(`Không tìm thấy hồ sơ ${otherCode}`).waitFor();
    expect(await page.getByText('Trần Thị Bình').count()).toBe(0);
  }, STEP_MS);

  it('ran without console errors or Content-Security-Policy refusals', () => {
    // The other applicant's dossier answers 404, which Chromium logs as a failed load; nothing answers 401.
    const unexpected = browser.problems.filter((p) => !/status of 404/.test(p));
    expect(unexpected).toEqual([]);
  });
});
