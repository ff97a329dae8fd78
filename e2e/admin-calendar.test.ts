// The administrator's working calendar in a real browser against the real server: 2025 with
// Tết and lunar dates, marking a day off and saving it as version 2, no axe violations.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed';
import type { TestDatabase } from '../test/db';
import { axeViolations, type Browser, type RunningServer } from './harness';
import { openDemoApp, type DemoApp } from './demo-app';

let t: TestDatabase;
let server: RunningServer;
let browser: Browser;
let page: Page;

async function expectNoAxeViolations(): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

let demo: DemoApp | undefined;

beforeAll(async () => {
  demo = await openDemoApp();
  ({ t, server, browser, page } = demo);
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await demo?.close();
});

// axe over twelve month grids takes a few seconds on a busy machine.
const TEST_TIMEOUT_MS = 120_000;

const day = (date: string) => page.locator(`td[data-date="${date}"]`);

describe('working calendar (administrator)', () => {
  it('opens from the admin home card and shows 2025 with Tết on 29 January', async () => {
    await page.goto(server.baseUrl);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Lịch làm việc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lịch làm việc' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/quan-tri/lich');

    await page.getByLabel('Năm', { exact: true }).fill('2025');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: '2025' }).waitFor();
    const tet = day('2025-01-29');
    await tet.waitFor();
    expect(await tet.getAttribute('data-kind')).toBe('dayOff');
    expect(await tet.getAttribute('title')).toContain('Tết Nguyên đán');
    expect(await tet.locator('.day__lunar').textContent()).toBe('1/1');
    expect(await day('2025-04-26').getAttribute('data-kind')).toBe('makeUp');
    expect(await page.getByTestId('calendar-version').textContent()).toContain('phiên bản 1');
    expect(await page.locator('.cal-banner').count()).toBe(0);
    await expectNoAxeViolations();
  }, TEST_TIMEOUT_MS);

  it('marks a day off, saves it and shows version 2', async () => {
    await page.getByRole('button', { name: 'Sửa lịch năm 2025' }).click();
    await page.getByRole('heading', { level: 2, name: 'Sửa lịch năm 2025' }).waitFor();
    await day('2025-12-31').locator('button').click();
    await page.getByLabel('Ngày nghỉ', { exact: true }).check();
    await page.getByLabel('Lý do', { exact: true }).fill('Nghỉ cuối năm (thử nghiệm)');
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => day('2025-12-31').getAttribute('data-kind')).toBe('dayOff');
    await page.getByLabel('Ghi chú (không bắt buộc)').fill('Kiểm thử trình duyệt');
    await expectNoAxeViolations();

    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu' }).first().textContent())
      .toContain('Đã lưu phiên bản 2 của năm 2025.');
    await expect.poll(() => page.getByTestId('calendar-version').textContent()).toBe('Phiên bản đang áp dụng: 2');
    expect(await day('2025-12-31').getAttribute('data-kind')).toBe('dayOff');
    expect(await page.locator('.cal-versions tbody tr').count()).toBe(2);

    const stored = await t.db.selectFrom('calendar_schedules').select(['year', 'version', 'note', 'created_by_name']).execute();
    expect(stored).toEqual([{ year: 2025, version: 2, note: 'Kiểm thử trình duyệt', created_by_name: 'admin' }]);
  }, TEST_TIMEOUT_MS);

  it('shows a provisional year with its banner, and no browser errors', async () => {
    await page.getByRole('button', { name: 'Năm sau' }).click();
    await page.getByRole('heading', { level: 2, name: '2026' }).waitFor();
    expect(await day('2026-01-02').getAttribute('data-kind')).toBe('dayOff'); // official 2026 schedule
    await page.getByRole('button', { name: 'Năm sau' }).click();
    await page.getByRole('heading', { level: 2, name: '2027' }).waitFor();
    expect(await page.locator('.cal-banner').textContent()).toContain('Tạm tính');
    expect(await day('2027-02-08').getAttribute('data-kind')).toBe('dayOff');
    await expectNoAxeViolations();
    // Signed out, the app asks /auth/session, which answers 200: no console error at all.
    expect(browser.problems).toEqual([]);
  }, TEST_TIMEOUT_MS);
});
