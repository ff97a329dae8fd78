// Digitization at the counter in the browser (issue 12 acceptance): the clerk reads the CCCD's QR
// through the camera path (a fake camera showing a QR drawn in the test), the form fills.
// Screenshots at 1280 and 360 px go to test-results/documents-intake/ for review.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed';
import { openDemoApp, type DemoApp } from './demo-app';
import { fakeCameraArgs, qrVideoFile } from './fake-camera';

const QR = '087090001234|341234567|NGUYỄN VĂN AN|15031990|Nam|Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp|20042021';
const OUT = 'test-results/documents-intake';
const STEP_MS = 120_000;

let demo: DemoApp | undefined;
let page: Page;
let base = '';

beforeAll(async () => {
  demo = await openDemoApp(fakeCameraArgs(await qrVideoFile(QR)));
  page = demo.page;
  base = demo.server.baseUrl;
  fs.mkdirSync(OUT, { recursive: true });
}, 120_000);
afterAll(async () => {
  await demo?.close();
});

async function logIn(username: string): Promise<void> {
  await page.goto(base);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
}

describe('digitization at the counter', () => {
  it('the CCCD QR read by the camera fills the applicant', async () => {
    await logIn('clerk');
    await page.goto(`${base}/quay/tiep-nhan`);
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
    await page.getByRole('button', { name: /^Thủ tục đăng ký khai sinh/ }).click();
    await page.getByText('Thủ tục đã chọn').waitFor();
    await page.getByRole('button', { name: 'Quét mã QR bằng camera' }).click();
    await page.getByText('Đã điền thông tin từ CCCD của Nguyễn Văn An').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).toBe('087090001234');
    expect(await page.getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('Nguyễn Văn An');
    expect(await page.getByLabel('Địa chỉ', { exact: true }).inputValue()).toBe('Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp');
    // the camera is off again once the card is read
    expect(await page.getByRole('button', { name: 'Quét mã QR bằng camera' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${OUT}/camera-qr-1280.png`, fullPage: false });
    expect(demo?.browser.problems).toEqual([]);
  }, STEP_MS);
});
