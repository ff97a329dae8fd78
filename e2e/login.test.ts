// Signing in and out in a real browser against the real server: Vietnamese first, English on
// request, no accessibility violations (axe), nothing refused by the Content-Security-Policy.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoUsers } from '../src/seed';
import type { TestDatabase } from '../test/db';
import { axeViolations, type Browser, type RunningServer } from './harness';
import { openDemoApp, type DemoApp } from './demo-app';

let t: TestDatabase;
let server: RunningServer;
let browser: Browser;
let page: Page;

const fullNameOf = (username: string): string => {
  const user = demoUsers.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.fullName;
};

async function expectNoAxeViolations(): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

async function logIn(username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

let demo: DemoApp | undefined;

beforeAll(async () => {
  demo = await openDemoApp();
  ({ t, server, browser, page } = demo);
});

afterAll(async () => {
  await demo?.close();
});

describe('signing in', () => {
  it('shows the Vietnamese login page with no accessibility violations', async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.title()).toContain('motcua – Một cửa');
    await expectNoAxeViolations();
  });

  it('announces a wrong password in Vietnamese', async () => {
    await logIn('clerk', 'not-the-password');
    const alert = page.locator('#login-error');
    await expect.poll(() => alert.textContent()).toMatch(/không đúng/i);
    expect(await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).isVisible()).toBe(true);
  });

  it('takes the clerk to a home page listing what a clerk does', async () => {
    await logIn('clerk', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: `Xin chào, ${fullNameOf('clerk')}` }).waitFor();
    const header = page.locator('header');
    expect(await header.textContent()).toContain(fullNameOf('clerk'));
    expect(await header.textContent()).toContain('Nhân viên tiếp nhận');
    const tasks = page.locator('ul[data-role="clerk"] h3');
    const titles = await tasks.allTextContents();
    const clerkTasks = ['Tiếp nhận hồ sơ', 'Tiếp nhận hồ sơ liên thông', 'Hồ sơ tại điểm tiếp nhận', 'Trả kết quả', 'Hồ sơ trực tuyến chờ tiếp nhận', 'Nộp trực tuyến thay người dân', 'Thu phí, lệ phí', 'Biên lai',
      'Sự cố, khiếu nại bưu gửi', 'Cước chuyển hồ sơ giữa cơ quan', 'Tra cứu hồ sơ', 'Tìm trong bản quét'];
    for (const title of clerkTasks) {
      expect(titles.some((text) => text.startsWith(title))).toBe(true);
    }
    // Every one of the clerk's capabilities has its page (counter, bundles at the counter, the service point's work list, return, the online inbox, assisted online filing, fees and
    // receipts, the post office's incidents, the transfer postage statement, search, text in the scans): each card is a link.
    expect(await page.locator('ul[data-role="clerk"] a').count()).toBe(clerkTasks.length);
    expect(await page.getByRole('main').count()).toBe(1);
    await expectNoAxeViolations();
  });

  it('switches to English and back, and remembers the choice', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Hello, ${fullNameOf('clerk')}` }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByText('Receive a dossier').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Hello, ${fullNameOf('clerk')}` }).waitFor();
    await expectNoAxeViolations();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: `Xin chào, ${fullNameOf('clerk')}` }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('logs out back to the login page, and the session is gone', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
  });

  it('changes a password from its page', async () => {
    await logIn('officer', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: `Xin chào, ${fullNameOf('officer')}` }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/doi-mat-khau');
    await page.reload(); // the server answers client-side routes with the app
    await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
    await expectNoAxeViolations();
    const newPassword = 'mat-khau-moi-2025';
    await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu.').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await logIn('officer', newPassword);
    await page.getByRole('heading', { level: 1, name: `Xin chào, ${fullNameOf('officer')}` }).waitFor();
  });

  it('ran without console errors or Content-Security-Policy refusals', () => {
    // The failed login answers 401, which Chromium logs as a failed resource load.
    const unexpected = browser.problems.filter((p) => !/status of 401/.test(p));
    expect(unexpected).toEqual([]);
  });
});
