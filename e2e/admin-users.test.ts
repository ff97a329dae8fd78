// The administrator creates a clerk in a real browser against the real server: the home card
// leads to the users screen, a wrong scope is refused in Vietnamese, the one-time password is
// shown once, the new clerk must set their own password at first sign-in, and once disabled
// cannot sign in. No accessibility violations on the screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed';
import { axeViolations, type RunningServer } from './harness';
import { openDemoApp, type DemoApp } from './demo-app';

let server: RunningServer;
let page: Page;
let demo: DemoApp | undefined;

beforeAll(async () => {
  demo = await openDemoApp();
  ({ server, page } = demo);
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await demo?.close();
});

const TEST_TIMEOUT_MS = 120_000;

async function logIn(username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('users administration (administrator)', () => {
  let password = '';

  it('creates a clerk from the home card: a wrong scope is refused, the password is shown once', async () => {
    await page.goto(server.baseUrl);
    await logIn('admin', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/quan-tri/nguoi-dung');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const form = page.locator('form[aria-labelledby="user-new-title"]');
    await form.getByLabel('Tên đăng nhập', { exact: true }).fill('nv.caolanh01');
    await form.getByLabel('Họ và tên').fill('Võ Thị Lan');
    await form.getByLabel('Vai trò', { exact: true }).selectOption('clerk');
    await form.getByLabel('Phạm vi làm việc (mã)').fill('BD-KHONG-CO');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Không tìm thấy điểm phục vụ có mã BD-KHONG-CO');

    await form.getByLabel('Phạm vi làm việc (mã)').fill('TTHCC-CS2');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const secret = page.getByTestId('one-time-password');
    await secret.waitFor();
    password = (await secret.locator('.admin-secret').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    const row = page.locator('table.data-table tr', { hasText: 'nv.caolanh01' });
    await expect.poll(() => row.textContent()).toContain('chờ đổi mật khẩu');
    expect(await row.textContent()).toContain('TTHCC-CS2');
    expect(await axeViolations(page)).toEqual([]);
    await secret.getByRole('button', { name: 'Đóng' }).click();
    expect(await page.getByTestId('one-time-password').count()).toBe(0);
  }, TEST_TIMEOUT_MS);

  it('makes the new clerk set their own password at first sign-in', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await logIn('nv.caolanh01', password);
    await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu của riêng bạn' }).waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill(password);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('lan-cao-lanh-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('lan-cao-lanh-2026');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Võ Thị Lan' }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  }, TEST_TIMEOUT_MS);

  it('disables the clerk after a confirmation; the clerk can no longer sign in', async () => {
    await logIn('admin', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('button', { name: 'Khóa nv.caolanh01' }).click();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã khóa tài khoản nv.caolanh01.' }).count()).toBe(1);
    // an administrator is not offered to disable themselves (the server refuses it too)
    expect(await page.getByRole('button', { name: 'Khóa admin' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await logIn('nv.caolanh01', 'lan-cao-lanh-2026');
    await expect.poll(() => page.locator('#login-error').textContent()).toMatch(/không đúng/i);
  }, TEST_TIMEOUT_MS);
});
