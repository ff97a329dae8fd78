// Screenshots for the README: `npx tsx e2e/screenshots.ts` (after `npm run build:web`). Starts a
// throwaway embedded database with the demo data and a few dossiers received and handed on, the
// real server, and Chromium (system or npm, see chromium.ts); writes docs/screenshot-*.png.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { systemClock } from '../src/platform/clock';
import { connectUrl } from '../src/platform/db/connect';
import { startEmbeddedPostgres } from '../src/platform/db/embedded';
import { migrate } from '../src/platform/db/migrate';
import { DEMO_PASSWORD, seedDemo } from '../src/seed';
import { assertWebBuilt, launchBrowser, startServer } from './harness';

const outDir = 'docs';
const QR = '087090001234|341234567|NGUYỄN VĂN AN|15031990|Nam|Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp|20042021';

/** A birth registration received at the demo counter of Tân Hồng, for the queue and the dashboard. */
const birthRegistration = (personalId: string, name: string, phone: string) => ({
  procedureCode: '1.001193',
  applicant: { personalId, name, phone, address: 'Xã Tân Hồng, Đồng Tháp', unitCode: '29926' },
  papers: [{ key: 'p4', source: 'paper', originals: 1 }],
  formData: { fullName: name, personalId, address: 'Xã Tân Hồng, Đồng Tháp', subjectFullName: `${name.split(' ')[0] ?? ''} Bé` },
});

async function api(baseUrl: string, token: string | null, method: 'POST', route: string, body: unknown): Promise<{ code: string; token: string }> {
  const response = await fetch(`${baseUrl}${route}`, {
    method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { code: string; token: string };
}

async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(baseUrl);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
}

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(outDir, `screenshot-${name}.png`), fullPage });
  console.log(`wrote ${outDir}/screenshot-${name}.png`);
}

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
    const { baseUrl } = server;
    const clerk = (await api(baseUrl, null, 'POST', '/api/v1/auth/login', { username: 'clerk', password: DEMO_PASSWORD })).token;
    const people: [string, string, string][] = [
      ['087090001234', 'Nguyễn Văn An', '0912345678'], ['087190002345', 'Trần Thị Bình', '0987654321'],
      ['087085003456', 'Lê Hoàng Cường', '0903123456'], ['087195004567', 'Phạm Thị Dung', '0934567890'],
    ];
    for (const [id, name, phone] of people) {
      const { code } = await api(baseUrl, clerk, 'POST', '/api/v1/dossiers', birthRegistration(id, name, phone));
      await api(baseUrl, clerk, 'POST', `/api/v1/dossiers/${code}/actions/forward`, {});
    }
    const browser = await launchBrowser({ width: 1280, height: 800 });
    try {
      const { page } = browser;
      await fs.mkdir(outDir, { recursive: true });
      await page.goto(baseUrl);
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
      await shoot(page, 'login');

      await signIn(page, baseUrl, 'clerk');
      await shoot(page, 'home');
      // the counter: a procedure chosen, the applicant read from the ID card's QR code
      await page.goto(`${baseUrl}/quay/tiep-nhan`);
      await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
      await page.getByRole('button', { name: /^Thủ tục đăng ký khai sinh/ }).click();
      await page.getByText('Thủ tục đã chọn').waitFor();
      await page.getByLabel('Quét CCCD').fill(QR);
      await page.getByLabel('Quét CCCD').press('Enter');
      await page.getByText(/Đã điền thông tin từ CCCD/).waitFor();
      await shoot(page, 'counter');

      await signIn(page, baseUrl, 'officer');
      await page.goto(`${baseUrl}/xu-ly`);
      await page.locator('main h1').waitFor();
      await page.waitForFunction(() => !/Đang tải/.test(document.querySelector('main')?.textContent ?? ''));
      await shoot(page, 'queue');

      await signIn(page, baseUrl, 'supervisor');
      await page.goto(`${baseUrl}/giam-sat/thong-ke`);
      await page.locator('.kpis').waitFor();
      await page.waitForTimeout(1500); // the charts' lazy chunk
      await shoot(page, 'dashboard');
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
