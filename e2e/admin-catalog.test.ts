// The administrator's procedure catalogue in a real browser against the real server: found
// without diacritics from the home card, a new version of 2.000815 (same day, cut-off moved to
// 16:00) refused while its date is in the past, saved from a future date, and audited.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed';
import { getProcedure } from '../src/catalog/service';
import type { TestDatabase } from '../test/db';
import { axeViolations, type RunningServer } from './harness';
import { openDemoApp, type DemoApp } from './demo-app';

let t: TestDatabase;
let server: RunningServer;
let page: Page;
let demo: DemoApp | undefined;

beforeAll(async () => {
  demo = await openDemoApp();
  ({ t, server, page } = demo);
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await demo?.close();
});

const TEST_TIMEOUT_MS = 120_000;
/** dd/mm/yyyy of the first day of next year: always today or later. */
const nextNewYear = `01/01/${new Date().getUTCFullYear() + 1}`;

describe('procedure catalogue (administrator)', () => {
  it('opens from the home card and finds 2.000815 written without diacritics', async () => {
    await page.goto(server.baseUrl);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: /Danh mục thủ tục/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh mục thủ tục hành chính' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/quan-tri/thu-tuc');
    await page.getByLabel('Tìm theo tên, lĩnh vực hoặc mã').fill('chung thuc ban sao');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('link', { name: /^Chứng thực bản sao từ bản chính/ }).click();
    await page.getByRole('heading', { level: 2, name: /Phiên bản 1/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/quan-tri/thu-tuc/2.000815');
    expect(await page.getByRole('cell', { name: /Trong ngày \(nhận trước 15:00/ }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  }, TEST_TIMEOUT_MS);

  it('refuses a version dated in the past, then saves one from next New Year with the same-day cut-off at 16:00', async () => {
    await page.getByRole('button', { name: 'Tạo phiên bản mới' }).click();
    await page.getByLabel('Áp dụng từ ngày').fill('01/01/2020');
    await page.getByLabel('Căn cứ thay đổi').fill('QĐ 1234/QĐ-UBND ngày 01/12/2026');
    await page.getByLabel('Giờ chốt nhận trong ngày').nth(1).fill('16:00');
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page.getByText(/Ngày hiệu lực không được trước hôm nay/).waitFor();
    expect((await getProcedure(t.db, '2.000815', '2030-01-01'))?.version).toBe(1);

    await page.getByLabel('Áp dụng từ ngày').fill(nextNewYear);
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page.getByText(`Đã lưu phiên bản 2, áp dụng từ ${nextNewYear}.`).waitFor();
    await page.getByText(/admin: phiên bản 2 áp dụng từ/).waitFor();
    await page.getByText('Thay đổi: Trường hợp').waitFor();
    const v2 = await getProcedure(t.db, '2.000815', '2030-01-01');
    expect(v2?.cases.find((c) => c.durationValue === 0)?.cutoff).toBe('16:00');
    expect(await axeViolations(page)).toEqual([]);
  }, TEST_TIMEOUT_MS);
});
