// Screenshots for the README: `npx tsx e2e/screenshots.ts` (after `npm run build:web`).
// Starts a throwaway embedded database with the demo data, the real server, and Chromium.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/platform/clock';
import { connectUrl } from '../src/platform/db/connect';
import { startEmbeddedPostgres } from '../src/platform/db/embedded';
import { migrate } from '../src/platform/db/migrate';
import { DEMO_PASSWORD, demoUsers, seedDemo } from '../src/seed';
import { assertWebBuilt, launchBrowser, startServer } from './harness';

const outDir = 'docs';

async function main(): Promise<void> {
  assertWebBuilt();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-shots-'));
  await fs.chmod(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir });
  const { db } = connectUrl(pg.url('motcua'), 5);
  try {
    await migrate(pg.url('motcua'));
    await seedDemo(db, systemClock);
    const server = await startServer(db, systemClock);
    const browser = await launchBrowser({ width: 1280, height: 800 });
    try {
      const { page } = browser;
      await fs.mkdir(outDir, { recursive: true });
      await page.goto(server.baseUrl);
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
      await page.screenshot({ path: path.join(outDir, 'screenshot-login.png') });

      const clerk = demoUsers.find((u) => u.username === 'clerk');
      await page.getByLabel('Tên đăng nhập').fill('clerk');
      await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { level: 1, name: `Xin chào, ${clerk?.fullName ?? ''}` }).waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: path.join(outDir, 'screenshot-home.png') });
      console.log(`wrote ${outDir}/screenshot-login.png and ${outDir}/screenshot-home.png`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await db.destroy();
    await pg.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
