// The demo province on a test database of its own, served by the real app, with a browser on it:
// what every browser test starts from.
import type { Page } from 'playwright-core';
import { systemClock } from '../src/platform/clock';
import { seedDemo } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { assertWebBuilt, launchBrowser, startServer, type Browser, type RunningServer } from './harness';

export interface DemoApp {
  readonly t: TestDatabase;
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/** `browserArgs`: extra Chromium flags (a fake camera, e2e/fake-camera.ts). */
export async function openDemoApp(browserArgs: readonly string[] = []): Promise<DemoApp> {
  assertWebBuilt();
  const t = await createTestDatabase();
  await seedDemo(t.db, systemClock);
  const server = await startServer(t.db, systemClock);
  const browser = await launchBrowser(undefined, browserArgs);
  return {
    t, server, browser, page: browser.page,
    async close() {
      await browser.close();
      await server.close();
      await t.close();
    },
  };
}
