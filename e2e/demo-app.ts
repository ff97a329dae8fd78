// The demo province on a test database of its own, served by the real app, with a browser on it:
// what every browser test starts from.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { systemClock } from '../src/platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { assertWebBuilt, launchBrowser, startServer, type Browser, type RunningServer } from './harness';

export interface DemoApp {
  readonly t: TestDatabase;
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

export interface DemoAppOptions {
  /** the browser's window (default 1280 × 800) */
  readonly viewport?: { width: number; height: number };
  /** the server's public URL is its own address (the payment gateway's return, harness.ts startServer) */
  readonly publicUrlIsBase?: boolean;
  /** more settings for the server, read when it starts (e.g. MOTCUA_SMTP_URL of a test SMTP server) */
  readonly env?: () => Readonly<Record<string, string>>;
}

/** `browserArgs`: extra Chromium flags (a fake camera, e2e/fake-camera.ts). */
export async function openDemoApp(browserArgs: readonly string[] = [], options: DemoAppOptions = {}): Promise<DemoApp> {
  assertWebBuilt();
  const t = await createTestDatabase();
  await seedDemo(t.db, systemClock);
  const server = await startServer(t.db, systemClock, undefined, { publicUrlIsBase: options.publicUrlIsBase ?? false, ...(options.env ? { env: options.env() } : {}) });
  const browser = await launchBrowser(options.viewport, browserArgs);
  return {
    t, server, browser, page: browser.page,
    async close() {
      await browser.close();
      await server.close();
      await t.close();
    },
  };
}

/** The demo app of one test file, opened before its tests and closed after them. */
export interface DemoAppHandle {
  readonly app: DemoApp;
  readonly page: Page;
  /** the server's address, e.g. http://127.0.0.1:41234 */
  readonly base: string;
}

/**
 * Opens the demo app in the file's `beforeAll` (screenshots go to `out`) and closes it in its
 * `afterAll`; read `page` and `base` inside the tests. `browserArgs` is awaited at start (a fake
 * camera's video is written then).
 */
export function useDemoApp(out: string, options: { browserArgs?: () => Promise<readonly string[]>; startMs?: number } & DemoAppOptions = {}): DemoAppHandle {
  let app: DemoApp | undefined;
  const opened = (): DemoApp => {
    if (!app) throw new Error('the demo app is not open yet: use it inside a test');
    return app;
  };
  beforeAll(async () => {
    app = await openDemoApp(options.browserArgs ? await options.browserArgs() : [], options);
    fs.mkdirSync(out, { recursive: true });
  }, options.startMs ?? 120_000);
  afterAll(async () => {
    await app?.close();
  });
  return {
    get app() { return opened(); },
    get page() { return opened().page; },
    get base() { return opened().server.baseUrl; },
  };
}

/** Signs in on the login page as a demo account (or with `password`) and waits for the home page. */
export async function logIn(page: Page, base: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.context().clearCookies();
  await page.goto(base);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
}

/** Opens the counter's intake page and chooses a procedure by typing `search` (no diacritics needed). */
export async function chooseProcedureAtCounter(page: Page, base: string, search: string, button: RegExp): Promise<void> {
  await page.goto(`${base}/quay/tiep-nhan`);
  await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
  await page.getByLabel('Tìm thủ tục').fill(search);
  await page.getByRole('button', { name: button }).click();
  await page.getByText('Thủ tục đã chọn').waitFor();
}
